package fullcourt.coordinator.operator;

import fullcourt.coordinator.dispatch.RunBook;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.trust.Requester;
import fullcourt.engine.logging.TaskMdc;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * An operator's actions on a run (replay, cancel, pause, resume), each written to the ledger with who asked. Called
 * on the coordinator's loop; {@code askedBy} is already made safe ({@link Requester#of}).
 */
public final class RunActions {

    private static final Logger LOG = Logger.getLogger(RunActions.class);

    private final RunBook book;
    private final Clock clock;

    public RunActions(RunBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** Re-dispatches DEAD tasks (all, or those matching the filters) and unblocks their downstream; how many. */
    public int replay(String runId, Set<String> processors, Set<LocalDate> dates, String askedBy) {
        List<TaskRecord> dead = book.scheduler().deadTasks(runId, processors, dates);
        Instant now = clock.instant();
        List<LedgerEvent> rows = dead.stream()
                .map(t -> LedgerEvent.task(runId, t.key(), LedgerEventType.REPLAYED, t.dispatch(), 0, now,
                        Requester.detail(askedBy)))
                .toList();
        book.write(rows);
        try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
            LOG.infof("Run %s: %d dead tasks replayed (%s)", runId, rows.size(), Requester.detail(askedBy));
        }
        book.afterChange();
        return rows.size();
    }

    /** Stops dispatching the run's remaining tasks; refused (with why) once it is finished. */
    public Optional<String> cancel(String runId, String askedBy) {
        return act(runId, LedgerEventType.CANCEL_REQUESTED, RunState::finished, "cancel", askedBy,
                "cancel requested; tasks in flight finish");
    }

    /** Stops dispatching the run's tasks until it is resumed; refused once it is finished or cancelled. */
    public Optional<String> pause(String runId, String askedBy) {
        return act(runId, LedgerEventType.PAUSED, r -> r.finished() || r.cancelRequested(), "pause", askedBy,
                "paused; tasks in flight finish, nothing new is dispatched until it is resumed");
    }

    /** Dispatches a paused run's tasks again; refused once it is finished or cancelled. */
    public Optional<String> resume(String runId, String askedBy) {
        return act(runId, LedgerEventType.RESUMED, r -> r.finished() || r.cancelRequested(), "resume",
                askedBy, "resumed");
    }

    /** An action on a whole run: refused with the reason when the run's state rules it out. */
    private Optional<String> act(String runId, LedgerEventType type, Predicate<RunState> refused, String verb,
                                 String askedBy, String done) {
        Optional<RunState> run = book.scheduler().run(runId);
        if (run.isPresent() && refused.test(run.get())) {
            return Optional.of("run " + runId + " is already " + run.get().status()
                    + (run.get().finishedAt() == null ? "" : " (finished " + run.get().finishedAt() + ")")
                    + ": nothing left to " + verb);
        }
        book.write(List.of(LedgerEvent.run(runId, type, clock.instant(), Requester.detail(askedBy))));
        try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
            LOG.infof("Run %s: %s (%s)", runId, done, Requester.detail(askedBy));
        }
        book.afterChange();
        return Optional.empty();
    }
}
