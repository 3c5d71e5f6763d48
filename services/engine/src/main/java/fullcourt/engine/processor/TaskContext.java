package fullcourt.engine.processor;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RunCalendars;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;

/**
 * Everything a processor gets for one attempt at one date; {@code earlyCutoff}: the work allows skipping it as
 * "inputs unchanged" (see {@link fullcourt.messages.DateWork}); {@code calendars}: where its run's season calendar is
 * kept ({@link RunCalendars}), or null to read the schedule when asked; {@code inputs}: its upstream partitions'
 * digests as lineage saw them ({@link InputDigests#NONE} without lineage).
 */
public record TaskContext(
        ProcessorDeclaration declaration,
        LocalDate date,
        String runId,
        int attempt,
        Warehouse warehouse,
        Cancellation cancellation,
        boolean earlyCutoff,
        RunCalendars calendars,
        InputDigests inputs) {

    public TaskContext {
        inputs = inputs == null ? InputDigests.NONE : inputs;
    }

    /** An attempt whose upstream digests lineage has not given (yet). */
    public TaskContext(ProcessorDeclaration declaration, LocalDate date, String runId, int attempt, Warehouse warehouse,
                       Cancellation cancellation, boolean earlyCutoff, RunCalendars calendars) {
        this(declaration, date, runId, attempt, warehouse, cancellation, earlyCutoff, calendars, InputDigests.NONE);
    }

    /** An attempt that reads the schedule itself when it needs the calendar. */
    public TaskContext(ProcessorDeclaration declaration, LocalDate date, String runId, int attempt, Warehouse warehouse,
                       Cancellation cancellation, boolean earlyCutoff) {
        this(declaration, date, runId, attempt, warehouse, cancellation, earlyCutoff, null);
    }

    /** An attempt that must compute its partition (no early cutoff). */
    public TaskContext(ProcessorDeclaration declaration, LocalDate date, String runId, int attempt, Warehouse warehouse,
                       Cancellation cancellation) {
        this(declaration, date, runId, attempt, warehouse, cancellation, false);
    }

    /** The season calendar its run decides skips by, or the schedule as read now when the task was given none. */
    public SeasonCalendar seasonCalendar() {
        return calendars != null ? calendars.of(runId) : SeasonCalendar.load(warehouse);
    }

    /** The same attempt on {@code other} (a warehouse that records or delays what the processor does). */
    public TaskContext on(Warehouse other) {
        return new TaskContext(declaration, date, runId, attempt, other, cancellation, earlyCutoff, calendars, inputs);
    }

    /** The same attempt with its upstream digests as lineage saw them. */
    public TaskContext withInputs(InputDigests seen) {
        return new TaskContext(declaration, date, runId, attempt, warehouse, cancellation, earlyCutoff, calendars, seen);
    }
}
