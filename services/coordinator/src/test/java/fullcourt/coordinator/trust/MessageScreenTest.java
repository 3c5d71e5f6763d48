package fullcourt.coordinator.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.DispatchToken;
import fullcourt.messages.TaskEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run "r" over Jan 1..2 of the chain a (phase 3) -> b (phase 4): a of Jan 1 dispatched (dispatch 1), a of Jan 2
 * never dispatched (the limit of a is 1), b waiting for a. What the screen accepts and rejects, and why.
 */
class MessageScreenTest {

    private static final LocalDate JAN_1 = LocalDate.of(2022, 1, 1);
    private static final LocalDate JAN_2 = JAN_1.plusDays(1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");
    private static final DispatchToken TOKENS = DispatchToken.withKey("k".repeat(32));

    private final Catalog catalog = TestCatalogs.chain(1);
    private final Scheduler state = new Scheduler(catalog, 10);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MessageScreen screen = new MessageScreen(TOKENS, new CoordinatorMetrics(meters));
    private DateWork dispatched;

    @BeforeEach
    void runWithOneTaskInFlight() {
        BackfillRequest request = BackfillRequest.forRange("r", JAN_1, JAN_2).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW);
        state.addRun("r", request, T0, new Planner(catalog).plan(request, state.doneEver(), SeasonCalendar.EMPTY));
        state.apply(LedgerEvent.task("r", new TaskKey("a", JAN_1), LedgerEventType.DISPATCHED, 1, 0, T0, null));
        dispatched = TOKENS.signed(DateWork.of("r", "a/" + JAN_1, "a", JAN_1, 1));
    }

    private double rejected(String message, String reason) {
        return meters.counter(CoordinatorMetrics.REJECTED, "message", message, "reason", reason).count();
    }

    @Test
    void theEventsOfADispatchInFlightWithItsTokenAreAccepted() {
        assertThat(screen.taskEvent(TaskEvent.started(dispatched, 1, T0, "v"), state).accepted()).isTrue();
        assertThat(screen.taskEvent(TaskEvent.succeeded(dispatched, 1, T0, 1, 1, "v"), state).accepted()).isTrue();
        assertThat(screen.deadLetter(dispatched, state).accepted()).isTrue();
    }

    @Test
    void aForgedSucceededForARunningTaskIsRejectedForItsToken() {
        DateWork forged = dispatched.withToken(null);

        Verdict v = screen.taskEvent(TaskEvent.succeeded(forged, 1, T0, 1, 1, "v"), state);

        assertThat(v.reason()).isEqualTo("no-token");
        assertThat(rejected(MessageScreen.TASK_EVENT, "no-token")).isEqualTo(1.0);
    }

    @Test
    void eventsOfTasksNeverDispatchedOrOutsideTheRunOrOfAnotherDispatchAreRejectedEvenWhenSigned() {
        DateWork neverSent = TOKENS.signed(DateWork.of("r", "a/" + JAN_2, "a", JAN_2, 1));
        DateWork outside = TOKENS.signed(DateWork.of("r", "a/2022-03-01", "a", LocalDate.of(2022, 3, 1), 1));
        DateWork second = TOKENS.signed(DateWork.of("r", "a/" + JAN_1, "a", JAN_1, 2));

        assertThat(screen.taskEvent(TaskEvent.succeeded(neverSent, 1, T0, 1, 1, "v"), state).reason())
                .isEqualTo("never-dispatched");
        assertThat(screen.taskEvent(TaskEvent.succeeded(outside, 1, T0, 1, 1, "v"), state).reason())
                .isEqualTo("not-in-run");
        assertThat(screen.taskEvent(TaskEvent.succeeded(second, 1, T0, 1, 1, "v"), state).reason())
                .isEqualTo("wrong-dispatch");
    }

    @Test
    void aDeadLetterForAFinishedTaskIsRejectedAndLeavesItFinished() {
        state.apply(LedgerEvent.task("r", new TaskKey("a", JAN_1), LedgerEventType.SUCCEEDED, 1, 1, T0, null));

        Verdict v = screen.deadLetter(dispatched, state);

        assertThat(v.reason()).isEqualTo("finished");
        assertThat(rejected(MessageScreen.DEAD_LETTER, "finished")).isEqualTo(1.0);
    }

    @Test
    void anEventOfAnUnknownRunIsHandedBackNotRejected() {
        DateWork elsewhere = TOKENS.signed(DateWork.of("other", "a/" + JAN_1, "a", JAN_1, 1));

        Verdict v = screen.taskEvent(TaskEvent.started(elsewhere, 1, T0, "v"), state);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.UNKNOWN_RUN);
        assertThat(meters.find(CoordinatorMetrics.REJECTED).counters()).isEmpty();
    }

    @Test
    void anUnsignedEventOfAnUnknownRunIsRejectedNotHandedBackToLoop() {
        DateWork forged = DateWork.of("other", "a/" + JAN_1, "a", JAN_1, 1);

        assertThat(screen.taskEvent(TaskEvent.started(forged, 1, T0, "v"), state).reason()).isEqualTo("no-token");
        assertThat(screen.deadLetter(forged, state).reason()).isEqualTo("no-token");
    }

    @Test
    void duringARotationEventsSignedWithThePreviousKeyAreAcceptedAndOnesOfARetiredKeyAreRejectedForTheirKey() {
        String oldKey = "k".repeat(32);
        String newKey = "n".repeat(32);
        MessageScreen rotating = new MessageScreen(DispatchToken.withKeys(newKey, List.of(oldKey)),
                new CoordinatorMetrics(meters));
        assertThat(rotating.taskEvent(TaskEvent.started(dispatched, 1, T0, "v"), state).accepted())
                .as("signed before the rotation, with the now previous key").isTrue();

        MessageScreen rotated = new MessageScreen(DispatchToken.withKey(newKey), new CoordinatorMetrics(meters));
        Verdict v = rotated.taskEvent(TaskEvent.started(dispatched, 1, T0, "v"), state);

        assertThat(v.reason()).isEqualTo("unknown-key");
        assertThat(v.detail()).contains("signed with key " + DispatchToken.keyId(oldKey))
                .contains("a retired key");
        assertThat(rejected(MessageScreen.TASK_EVENT, "unknown-key")).isEqualTo(1.0);
    }
}
