package fullcourt.engine.warehouse;

import java.util.Locale;

/** A column of a warehouse table: its name and the engine's own spelling of its type. */
public record Column(String name, String type) {

    /** Whether values are binary floating point (DuckDB DOUBLE/FLOAT/REAL, BigQuery FLOAT64/FLOAT). */
    public boolean isFloat() {
        String t = type.toUpperCase(Locale.ROOT);
        return t.startsWith("DOUBLE") || t.startsWith("FLOAT") || t.startsWith("REAL");
    }
}
