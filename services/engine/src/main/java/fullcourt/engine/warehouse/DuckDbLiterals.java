package fullcourt.engine.warehouse;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Values written into DuckDB SQL text as literals, exactly as binding them to a prepared statement would store them.
 * DuckDB's JDBC driver binds each parameter of a multi-row INSERT separately, which made those inserts about 5x slower
 * than the same rows as literals (bench/REPORT.md, section 2: 102 ms against 22 ms for a turn's ledger rows). Only the
 * types below are written so; anything else (and a string with a NUL character) has no literal here, and the caller
 * binds it instead.
 */
final class DuckDbLiterals {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private DuckDbLiterals() {
    }

    /** The literal of {@code value}, empty when it has none here. */
    static Optional<String> of(Object value) {
        if (value == null) {
            return Optional.of("NULL");
        }
        if (value instanceof String s) {
            return s.indexOf('\0') >= 0 ? Optional.empty() : Optional.of("'" + s.replace("'", "''") + "'");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // Double.toString round-trips exactly; DuckDB reads 1.0E-5 as a DOUBLE
            return Optional.of(Double.isFinite(d) ? "CAST(" + Double.toString(d) + " AS DOUBLE)"
                    : "CAST('" + (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity") + "' AS DOUBLE)");
        }
        if (value instanceof BigDecimal b) {
            return Optional.of(b.toPlainString());
        }
        if (value instanceof Boolean b) {
            return Optional.of(b ? "TRUE" : "FALSE");
        }
        if (value instanceof LocalDate d) {
            return Optional.of("DATE '" + d + "'");
        }
        if (value instanceof Timestamp t) {
            // the driver binds a Timestamp as its local date-time (the JVM's zone), to the microsecond
            LocalDateTime local = t.toLocalDateTime().truncatedTo(ChronoUnit.MICROS);
            return Optional.of("TIMESTAMP '" + TIMESTAMP.format(local) + "'");
        }
        return Optional.empty();
    }
}
