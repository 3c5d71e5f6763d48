package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A literal stores exactly what binding the same value stores, in any JVM time zone. */
class DuckDbLiteralsTest {

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final TimeZone zone = TimeZone.getDefault();

    @AfterEach
    void close() {
        TimeZone.setDefault(zone);
        warehouse.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata"})
    void everyValueWithALiteralStoresWhatBindingItStores(String timeZone) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(timeZone));
        List<Object> values = List.of("it's a \"quote\" -- not a comment; DROP TABLE t", "", "back\\slash",
                42, 9_007_199_254_740_993L, 0.1 + 0.2, 1.0e-300, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 2.5f,
                new BigDecimal("12345.678901"), true, false, LocalDate.of(2023, 3, 12),
                Timestamp.from(Instant.parse("2023-03-12T07:30:00.123456789Z")),
                Timestamp.from(Instant.parse("1999-12-31T23:59:59Z")));
        try (Connection c = warehouse.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (i INTEGER, how VARCHAR, s VARCHAR, n BIGINT, x DOUBLE, dec DECIMAL(18, 6),"
                    + " b BOOLEAN, d DATE, ts TIMESTAMP)");
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                String column = column(v);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (i, how, " + column + ") VALUES (?, 'bound', ?)")) {
                    ps.setInt(1, i);
                    ps.setObject(2, v);
                    ps.executeUpdate();
                }
                st.executeUpdate("INSERT INTO t (i, how, " + column + ") VALUES (" + i + ", 'literal', "
                        + DuckDbLiterals.of(v).orElseThrow() + ")");
            }
            List<String> differing = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT b.i FROM t AS b JOIN t AS l ON b.i = l.i AND b.how = 'bound'"
                    + " AND l.how = 'literal' WHERE (b.s, b.n, b.x, b.dec, b.b, b.d, b.ts) IS DISTINCT FROM"
                    + " (l.s, l.n, l.x, l.dec, l.b, l.d, l.ts)")) {
                while (rs.next()) {
                    differing.add(String.valueOf(values.get(rs.getInt(1))));
                }
            }
            assertThat(differing).isEmpty();
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2 * values.size());
            }
        }
    }

    private static String column(Object v) {
        if (v instanceof String) {
            return "s";
        }
        if (v instanceof Integer || v instanceof Long) {
            return "n";
        }
        if (v instanceof BigDecimal) {
            return "dec";
        }
        if (v instanceof Number) {
            return "x";
        }
        if (v instanceof Boolean) {
            return "b";
        }
        return v instanceof LocalDate ? "d" : "ts";
    }

    @Test
    void valuesWithoutALiteralHereAreLeftToBinding() {
        assertThat(DuckDbLiterals.of(UUID.randomUUID())).isEmpty();
        assertThat(DuckDbLiterals.of(Instant.now())).isEmpty();
        assertThat(DuckDbLiterals.of("nul\0inside")).isEmpty();
        assertThat(DuckDbLiterals.of(null)).contains("NULL");
    }
}
