package fullcourt.publishing.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {

    private static Map<String, Object> row(Object mae) {
        Map<String, Object> row = new HashMap<>();
        row.put("mae", mae);
        return row;
    }

    @Test
    void aggregatesThatDifferOnlyInTheirLastBitsExportTheSameNumber() {
        // what two runs of the same AVG gave (bench/DRILLS.md): the order of the additions differed
        assertThat(Rows.decimal(row(4.406965174129353), "mae")).isEqualTo(Rows.decimal(row(4.406965174129354), "mae"))
                .isEqualTo(4.406965174);
        assertThat(Rows.decimal(row(0.33432835820895507), "mae")).isEqualTo(Rows.decimal(row(0.33432835820895523), "mae"));
    }

    @Test
    void roundNumbersAndNullsAreKept() {
        assertThat(Rows.decimal(row(4.5), "mae")).isEqualTo(4.5);
        assertThat(Rows.decimal(row(null), "mae")).isNull();
        assertThat(Rows.decimal(row(Double.NaN), "mae")).isNaN();
    }
}
