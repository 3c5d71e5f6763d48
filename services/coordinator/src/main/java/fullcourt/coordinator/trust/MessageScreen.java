package fullcourt.coordinator.trust;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.trust.DispatchKeyUse;
import fullcourt.messages.DateWork;
import fullcourt.messages.DispatchToken;
import fullcourt.messages.LogText;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.TokenCheck;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Decides whether a task event or a dead letter may change anything: only one about a task of a known run that this
 * coordinator dispatched, under the dispatch it reports on, while that dispatch is in flight, carrying the dispatch's
 * token. Everything else is rejected with a reason, counted and logged on one sanitized line, and never written
 * to the ledger (a forged SUCCEEDED would otherwise start downstream work on a partition that does not exist, a
 * forged dead letter block a finished task's downstream, a forged quota failure halve every run's in-flight limit).
 *
 * <p>Reasons (the {@code reason} tag of {@code fullcourt_coordinator_rejected_messages_total}): {@code not-in-run}
 * (no such task in the run: another processor, a date outside it), {@code never-dispatched}, {@code stale-dispatch}
 * (of an earlier dispatch: late, after a requeue or replay), {@code wrong-dispatch} (a dispatch not yet issued),
 * {@code not-in-flight} (the task is not dispatched or running), {@code finished} (it already ended: duplicates
 * land here), {@code no-token}, {@code unknown-key} (signed with a retired or foreign key), {@code bad-token}, and, set by the coordinator, {@code invalid} (not a readable message) and
 * {@code unknown-run} (nacked, not rejected).
 */
public final class MessageScreen {

    private static final Logger LOG = Logger.getLogger(MessageScreen.class);

    public static final String TASK_EVENT = "task-event";
    public static final String DEAD_LETTER = "dead-letter";
    public static final String REQUEST = "request";

    private final DispatchToken tokens;
    private final CoordinatorMetrics metrics;
    private final DispatchKeyUse keyUse = new DispatchKeyUse("coordinator");

    public MessageScreen(DispatchToken tokens, CoordinatorMetrics metrics) {
        this.tokens = tokens;
        this.metrics = metrics;
    }

    /** Whether {@code e} may be written to the ledger and applied, judged against the state before it. */
    public Verdict taskEvent(TaskEvent e, Scheduler state) {
        Verdict v = judge(state, e.runId(), e.processor(), e.date(), e.dispatch(), e.type().name());
        String what = e.type() + " " + e.runId() + " " + e.processor() + "/" + e.date() + " dispatch " + e.dispatch();
        return counted(TASK_EVENT, withToken(v, tokens.check(e), what), what);
    }

    /** Whether the dead-lettered {@code work} may end its task DEAD. */
    public Verdict deadLetter(DateWork work, Scheduler state) {
        Verdict v = judge(state, work.runId(), work.processor(), work.date(), work.dispatch(), "DEAD");
        String what = work.runId() + " " + work.processor() + "/" + work.date() + " dispatch " + work.dispatch();
        return counted(DEAD_LETTER, withToken(v, tokens.check(work), what), what);
    }

    /** Counts and logs a rejection of {@code message} (a message kind) for {@code reason}; for checks made elsewhere. */
    public void rejected(String message, String reason, String detail) {
        counted(message, Verdict.reject(reason, detail), "");
    }

    /**
     * {@code v} once the token is checked: a message the state accepts (or hands back, for an unknown run) but whose
     * token is missing, of a retired or foreign key, or wrong, is rejected with that reason. Checked for unknown runs
     * too: a message no coordinator of this deployment signed is dropped, not handed back to loop (every coordinator
     * shares the keys, so none would ever take it).
     */
    private Verdict withToken(Verdict v, TokenCheck token, String what) {
        if (v.kind() == Verdict.Kind.REJECT) {
            return v;
        }
        if (!token.valid()) {
            return Verdict.reject(token.tag(), token.reason());
        }
        keyUse.accepted(token, LogText.of(what, 300));
        return v;
    }

    private static Verdict judge(Scheduler state, String runId, String processor, LocalDate date, int dispatch,
                                 String type) {
        RunState run = state.run(runId).orElse(null);
        if (run == null) {
            return Verdict.unknownRun(runId);
        }
        TaskKey key = new TaskKey(processor, date);
        TaskRecord task = run.task(key);
        if (task == null) {
            return Verdict.reject("not-in-run", "run " + runId + " has no task " + key);
        }
        if (task.dispatch() == 0) {
            return Verdict.reject("never-dispatched", "task " + key + " was never dispatched");
        }
        if (dispatch < task.dispatch()) {
            return Verdict.reject("stale-dispatch", "of dispatch " + dispatch + ", the task is at dispatch "
                    + task.dispatch());
        }
        if (dispatch > task.dispatch()) {
            return Verdict.reject("wrong-dispatch", "dispatch " + dispatch + " was never issued (the task is at "
                    + task.dispatch() + ")");
        }
        if (!task.status().inFlight()) {
            return Verdict.reject(task.status().terminal() ? "finished" : "not-in-flight", type + " for a task that is "
                    + task.status());
        }
        return Verdict.ACCEPT;
    }

    private Verdict counted(String message, Verdict v, String what) {
        if (v.kind() == Verdict.Kind.REJECT) {
            metrics.rejected(message, v.reason());
            // late and duplicate events are ordinary (a redelivery, a requeue); the rest is worth a warning
            boolean ordinary = v.reason().equals("finished") || v.reason().equals("stale-dispatch");
            String line = "Rejected " + message + " (" + v.reason() + "): " + LogText.of(v.detail(), 300)
                    + (what.isEmpty() ? "" : "; " + LogText.of(what, 300));
            if (ordinary) {
                LOG.info(line);
            } else {
                LOG.warn(line);
            }
        }
        return v;
    }
}
