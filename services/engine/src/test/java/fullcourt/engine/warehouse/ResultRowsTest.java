package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void aRowReadsAsTheLinkedHashMapOfItsColumnsInTheResultsOrder() {
        List<Map<String, Object>> rows = warehouse.query("SELECT * FROM (VALUES (2, 'b', DATE '2024-01-02', NULL),"
                + " (1, 'a', DATE '2024-01-01', 7)) AS t(n, s, d, maybe) ORDER BY n", Map.of());

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 1);
        expected.put("s", "a");
        expected.put("d", LocalDate.of(2024, 1, 1));
        expected.put("maybe", 7);
        assertThat(rows.get(0)).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(new ArrayList<>(rows.get(0).keySet())).containsExactly("n", "s", "d", "maybe");
        assertThat(rows.get(1).get("s")).isEqualTo("b");
        assertThat(rows.get(1).get("d")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(rows.get(1)).containsKey("maybe").hasSize(4);
        assertThat(rows.get(1).get("maybe")).isNull();
        assertThat(rows.get(1).containsKey("absent")).isFalse();
        assertThat(rows.get(1).get("absent")).isNull();
        assertThat(rows.get(1).toString()).isEqualTo("{n=2, s=b, d=2024-01-02, maybe=null}");
    }

    @Test
    void aLabelGivenTwiceKeepsItsFirstPlaceAndItsLastValueAsAMapWouldAfterTwoPuts() {
        Map<String, Object> row = new ResultRows(List.of("a", "b", "a")).row(new Object[] {1, 2, 3});

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1);
        expected.put("b", 2);
        expected.put("a", 3);
        assertThat(row).isEqualTo(expected).hasSize(2);
        assertThat(new ArrayList<>(row.entrySet())).containsExactlyElementsOf(expected.entrySet());
    }

    @Test
    void aRowChangedByItsReaderChangesAloneAndKeepsItsOrder() {
        ResultRows columns = new ResultRows(List.of("a", "b"));
        Map<String, Object> first = columns.row(new Object[] {1, 2});
        Map<String, Object> second = columns.row(new Object[] {3, 4});

        first.put("a", 10);
        first.put("c", 30);
        second.remove("b");

        assertThat(new ArrayList<>(first.entrySet())).containsExactly(Map.entry("a", 10), Map.entry("b", 2),
                Map.entry("c", 30));
        assertThat(second).containsExactly(Map.entry("a", 3));
        assertThat(columns.row(new Object[] {5, 6})).containsExactly(Map.entry("a", 5), Map.entry("b", 6));
    }
}
