package fullcourt.loader;

import fullcourt.loader.check.Rejection;
import fullcourt.loader.write.DateChange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a load did: the rows it refused, what it did (or, refused or dry run, would do) to each date of each table,
 * and what became of the announcement of the changed dates.
 *
 * @param announced the dates announced per table; empty when none were
 * @param announcement one line about the announcement, e.g. why there was none or why it failed
 */
public record LoadResult(Outcome outcome, List<Rejection> rejections, List<DateChange> changes,
                         Map<String, List<LocalDate>> announced, String announcement) {

    /** Written, dry run (checked, nothing written), or refused (rejected rows without --skip-bad-rows). */
    public enum Outcome { WRITTEN, DRY_RUN, REFUSED }

    public LoadResult {
        rejections = List.copyOf(rejections);
        changes = List.copyOf(changes);
        announced = Map.copyOf(announced);
    }

    /** True when the announcement was wanted and could not be published. */
    public boolean announcementFailed() {
        return announcement.startsWith(RawLoad.ANNOUNCEMENT_FAILED);
    }
}
