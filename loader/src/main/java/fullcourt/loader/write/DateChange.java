package fullcourt.loader.write;

import java.time.LocalDate;

/**
 * What a load does to one date of one raw table: {@code rowsBefore} rows there now, {@code rowsLoaded} from the
 * files. An unchanged date (the same rows already there, e.g. the same file loaded again) is neither written nor
 * announced.
 */
public record DateChange(String table, LocalDate date, long rowsBefore, long rowsLoaded, Kind kind) {

    /** New: the date had no rows. Replaced: it had other rows. Unchanged: it has exactly these rows. */
    public enum Kind { NEW, REPLACED, UNCHANGED }

    public boolean changes() {
        return kind != Kind.UNCHANGED;
    }
}
