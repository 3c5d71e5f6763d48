package fullcourt.engine.warehouse;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values read from either engine as Java types: their JDBC and client libraries hand dates and times over differently. */
public final class ColumnValues {

    private ColumnValues() {
    }

    /** A DATE column's value. */
    public static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /** A TIMESTAMP column's value (DuckDB's local date-times are UTC, as written). */
    public static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (o == null ? "null" : o.getClass()));
    }
}
