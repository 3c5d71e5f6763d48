package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DuckDbRowAppendsTest {

    private static final List<Column> COLUMNS = List.of(new Column("n", "INT64"), new Column("label", "STRING"),
            new Column("day", "DATE"), new Column("stamp", "TIMESTAMP"), new Column("score", "DOUBLE"),
            new Column("flag", "BOOL"));

    private static final String DDL = " (n BIGINT, label VARCHAR, day DATE, stamp TIMESTAMP, score DOUBLE, flag BOOLEAN)";

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    /** Tables' columns kept between appends, as the warehouse keeps them. */
    private final Map<String, List<Column>> shapes = new HashMap<>();

    @AfterEach
    void close() {
        warehouse.close();
    }

    private Map<String, Object> row(int n) {
        Map<String, Object> row = new HashMap<>();
        row.put("n", (long) n);
        row.put("label", "row " + n);
        row.put("day", LocalDate.of(2024, 1, n));
        row.put("stamp", Timestamp.from(Instant.parse("2024-01-02T03:04:05.123456Z")));
        row.put("score", n / 4.0);
        row.put("flag", null);
        return row;
    }

    private long count() {
        return (Long) warehouse.query("SELECT COUNT(*) AS c FROM ops.t", Map.of()).get(0).get("c");
    }

    private void appendAndCommit(List<Map<String, Object>> rows) throws Exception {
        try (Connection c = warehouse.connection()) {
            c.setAutoCommit(false);
            DuckDbRowAppends.of(c, "ops.t", COLUMNS, rows, shapes).orElseThrow().appendTo(c);
            c.commit();
        }
    }

    @Test
    void appendedRowsBelongToTheConnectionsTransactionSoARollbackDropsThem() throws Exception {
        warehouse.update("CREATE TABLE ops.t" + DDL, Map.of());
        try (Connection c = warehouse.connection()) {
            c.setAutoCommit(false);
            DuckDbRowAppends.of(c, "ops.t", COLUMNS, List.of(row(1), row(2)), shapes).orElseThrow().appendTo(c);
            c.rollback();
        }
        assertThat(count()).isZero();

        appendAndCommit(List.of(row(1), row(2)));

        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aRowDuckDbRefusesFailsTheAppendInsteadOfVanishingWithTheOthers() throws Exception {
        warehouse.update("CREATE TABLE ops.t (n BIGINT PRIMARY KEY, label VARCHAR NOT NULL, day DATE, stamp TIMESTAMP,"
                + " score DOUBLE, flag BOOLEAN)", Map.of());
        Map<String, Object> unlabelled = row(2);
        unlabelled.put("label", null);

        assertThatThrownBy(() -> appendAndCommit(List.of(row(1), unlabelled)))
                .isInstanceOf(SQLException.class).hasMessageContaining("label");

        assertThat(count()).isZero();
    }

    @Test
    void appendedValuesAreStoredAsTheSameValuesBoundToAnInsert() throws Exception {
        warehouse.update("CREATE TABLE ops.t" + DDL, Map.of());
        warehouse.update("CREATE TABLE ops.bound" + DDL, Map.of());
        List<Map<String, Object>> rows = List.of(row(1), row(2), row(3));
        rows.get(1).put("label", "it's a NUL \0 inside");
        rows.get(2).put("flag", true);
        rows.get(2).put("n", 3); // an Integer in a BIGINT column

        appendAndCommit(rows);
        for (Map<String, Object> r : rows) {
            warehouse.update("INSERT INTO ops.bound VALUES (@n, @label, @day, @stamp, @score, @flag)", r);
        }

        List<Map<String, Object>> appended = warehouse.query("SELECT * FROM ops.t ORDER BY n", Map.of());
        assertThat(appended).hasSize(3).isEqualTo(warehouse.query("SELECT * FROM ops.bound ORDER BY n", Map.of()));
        assertThat(appended.get(1)).containsEntry("label", "it's a NUL \0 inside").containsEntry("score", 0.5);
    }

    @Test
    void noAppendsWhenTheTableHasAColumnNotGivenOrAValueIsNotOfItsColumnsType() throws Exception {
        warehouse.update("CREATE TABLE ops.t" + DDL, Map.of());
        warehouse.update("CREATE TABLE ops.wider (n BIGINT, label VARCHAR, day DATE, stamp TIMESTAMP, score DOUBLE,"
                + " flag BOOLEAN, extra VARCHAR DEFAULT 'x')", Map.of());
        Map<String, Object> decimal = row(1);
        decimal.put("score", new BigDecimal("0.25"));

        try (Connection c = warehouse.connection()) {
            assertThat(DuckDbRowAppends.of(c, "ops.wider", COLUMNS, List.of(row(1)), shapes)).isEmpty();
            assertThat(DuckDbRowAppends.of(c, "ops.t", COLUMNS, List.of(row(2), decimal), shapes)).isEmpty();
            assertThat(DuckDbRowAppends.of(c, "ops.t", COLUMNS.subList(0, 5), List.of(row(1)), shapes)).isEmpty();
            assertThat(DuckDbRowAppends.of(c, "ops.t", COLUMNS, List.of(row(1)), shapes)).isPresent();
        }
    }

    @Test
    void aColumnAddedAfterTheTablesColumnsWereKeptIsAppendedToo() throws Exception {
        warehouse.update("CREATE TABLE ops.t" + DDL, Map.of());
        appendAndCommit(List.of(row(1)));
        warehouse.update("ALTER TABLE ops.t ADD COLUMN epoch BIGINT", Map.of());
        List<Column> withEpoch = new java.util.ArrayList<>(COLUMNS);
        withEpoch.add(new Column("epoch", "INT64"));
        Map<String, Object> row = row(2);
        row.put("epoch", 7L);

        try (Connection c = warehouse.connection()) {
            c.setAutoCommit(false);
            DuckDbRowAppends.of(c, "ops.t", withEpoch, List.of(row), shapes).orElseThrow().appendTo(c);
            c.commit();
        }

        assertThat(warehouse.query("SELECT n, COALESCE(epoch, -1) AS epoch FROM ops.t ORDER BY n", Map.of()))
                .containsExactly(Map.of("n", 1L, "epoch", -1L), Map.of("n", 2L, "epoch", 7L));
    }
}
