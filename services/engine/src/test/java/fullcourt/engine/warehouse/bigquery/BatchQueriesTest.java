package fullcourt.engine.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchQueriesTest {

    @Test
    void batchBeyondTheParameterLimitIsSplitIntoJobsBelowIt() {
        // 3 parameters per row: 3,334 rows fit in 10,002 > 10,000, so 3,333 rows (9,999) per job
        List<Map<String, Object>> rows = IntStream.range(0, 5000)
                .mapToObj(i -> Map.<String, Object>of("a", i, "b", "x", "c", true)).toList();

        List<BoundQuery> queries = BatchQueries.of("INSERT INTO ops.t (a, b, c) VALUES (@a, @b, @c)", rows);

        assertThat(queries).extracting(q -> q.parameters().size()).containsExactly(9_999, 5_001);
        assertThat(queries.get(1).sql()).startsWith("INSERT INTO ops.t (a, b, c) VALUES (@p3333_a, @p3333_b, @p3333_c),");
    }

    @Test
    void multiRowInsertIsOnlyUsedForASingleValuesTuple() {
        List<BoundQuery> queries = BatchQueries.of("INSERT INTO ops.t (a) VALUES (@a), (@a)", List.of(Map.of("a", 1)));

        assertThat(queries.get(0).sql()).isEqualTo("BEGIN TRANSACTION;\nINSERT INTO ops.t (a) VALUES (@p0_a), (@p0_a);\n"
                + "COMMIT TRANSACTION;");
    }

    @Test
    void emptyBatchSendsNothing() {
        assertThat(BatchQueries.of("UPDATE ops.t SET a = @a", List.of())).isEmpty();
    }
}
