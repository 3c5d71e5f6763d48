package fullcourt.engine.catalog;

/**
 * A raw table a processor reads (phases 1-2's output, Fullcourt's input) and the window of its
 * dates a task of date D reads: lineage fingerprints these dates, so a corrected raw date makes
 * what read it stale. Raw windows count the schedule's game dates, as season-bound upstreams do.
 */
public record RawInput(String table, Window window) {

    public RawInput {
        if (table == null || !table.matches("raw\\.[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("rawInputs: table must be raw.<name>, got " + table);
        }
    }
}
