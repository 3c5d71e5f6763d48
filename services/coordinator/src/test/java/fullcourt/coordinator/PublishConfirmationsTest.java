package fullcourt.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.engine.testing.MessageEmitter;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PullGates;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.ForwardingWarehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import fullcourt.messages.TaskEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A coordinator whose DateWork publishes the test confirms or fails when it chooses (run events are confirmed at once),
 * on a ledger of its own that the test can make fail: the loop never waits for a confirmation, a dispatch counts as in
 * flight from its publish, its DISPATCHED row is written once confirmed or ahead of the first event that overtakes the
 * confirmation, a publish not taken dispatches the task again, and a failed ledger append makes the coordinator rebuild
 * its state from the ledger and carry on. Catalog: a (phase 3, 2 at a time), b (phase 4, after a of its date).
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class PublishConfirmationsTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    @Inject
    HandBuiltCoordinators coordinators;
    @Inject
    PullGates gates;

    private final DuckDbWarehouse duckdb = DuckDbWarehouse.open(":memory:");
    private final FailingLedger warehouse = new FailingLedger(duckdb);
    private final HeldPublishes out = new HeldPublishes();
    private Coordinator coordinator;

    @BeforeEach
    void start() {
        coordinator = coordinators.on(warehouse, out);
        coordinator.begin(gates.gate("publish-confirmations-test"), "confirmations-test");
        await().atMost(Duration.ofSeconds(30)).until(coordinator::running);
    }

    @AfterEach
    void stop() {
        out.confirmAll(); // nothing left unanswered: a stop waits for the answers to what it published
        coordinator.onStop(null);
        duckdb.close();
    }

    @Test
    void unconfirmedDispatchesCountAgainstTheLimitWhileTheLoopGoesOnAndTheirRowsWaitForTheConfirmation() {
        request("limit", D1, D3, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 2);

        // the loop answers with nothing confirmed: a's two slots taken by unconfirmed work, the third date waits
        assertThat(status("limit", "a", D1)).isEqualTo(TaskStatus.DISPATCHED);
        assertThat(status("limit", "a", D2)).isEqualTo(TaskStatus.DISPATCHED);
        assertThat(status("limit", "a", D3)).isEqualTo(TaskStatus.READY);
        assertThat(coordinator.read(Scheduler::inFlightCount).intValue()).isEqualTo(2);
        assertThat(rows("limit", LedgerEventType.DISPATCHED)).isEmpty();

        out.confirm(0);
        out.confirm(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("limit", LedgerEventType.DISPATCHED).size() == 2);
        assertThat(rows("limit", LedgerEventType.DISPATCHED))
                .containsExactlyInAnyOrder("a/2022-01-01 DISPATCHED 1", "a/2022-01-02 DISPATCHED 1");
        assertThat(out.work()).hasSize(2); // confirmed, still in flight: the third still waits for a slot
        assertThat(status("limit", "a", D3)).isEqualTo(TaskStatus.READY);
    }

    @Test
    void eventsOvertakingTheConfirmationAreWrittenBehindTheDispatchedRowWhichIsWrittenOnce() {
        request("overtaken", D1, D2, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 2);
        DateWork first = out.work().get(0);

        // the worker took the DateWork before Pub/Sub's confirmation reached the coordinator
        event(TaskEvent.started(first, 1, Instant.now(), "v1"));
        event(TaskEvent.succeeded(first, 1, Instant.now(), 10, 5, "v1"));
        assertThat(rows("overtaken", null)).containsExactly("RUN_ACCEPTED", "a/2022-01-01 PLANNED 0",
                "a/2022-01-02 PLANNED 0", first.taskId() + " DISPATCHED 1", first.taskId() + " STARTED 1",
                first.taskId() + " SUCCEEDED 1");

        out.confirm(0);
        out.confirm(1); // handled in the same turn as the first confirmation or after it: its row comes after any of it
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("overtaken", LedgerEventType.DISPATCHED).size() == 2);
        assertThat(rows("overtaken", LedgerEventType.DISPATCHED)).containsExactly(first.taskId() + " DISPATCHED 1",
                out.work().get(1).taskId() + " DISPATCHED 1");
    }

    @Test
    void publishNotTakenMakesTheTaskReadyAgainAndItIsDispatchedUnderTheNextNumber() {
        request("refused", D1, D1, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 1);

        out.fail(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 2);
        DateWork again = out.work().get(1);
        assertThat(again.taskId()).isEqualTo("a/2022-01-01");
        assertThat(again.dispatch()).isEqualTo(2);
        // an event of the dispatch not taken is stale: not written, the task waits for dispatch 2
        event(TaskEvent.succeeded(out.work().get(0), 1, Instant.now(), 10, 5, "v1"));
        assertThat(status("refused", "a", D1)).isEqualTo(TaskStatus.DISPATCHED);

        out.confirm(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !rows("refused", LedgerEventType.DISPATCHED).isEmpty());
        assertThat(rows("refused", null)).containsExactly("RUN_ACCEPTED", "a/2022-01-01 PLANNED 0",
                "a/2022-01-01 DISPATCHED 2");
    }

    @Test
    void cancelWhilePublishesArePendingEndsTheOneNotTakenCancelledAndTheRunWhenTheOtherFinishes() {
        request("cancelled", D1, D2, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 2);

        assertThat(coordinator.cancel("cancelled")).isEmpty();
        // unconfirmed work is in flight: it finishes or is taken back, and the run waits for it
        assertThat(status("cancelled", "a", D1)).isEqualTo(TaskStatus.DISPATCHED);
        assertThat(status("cancelled", "a", D2)).isEqualTo(TaskStatus.DISPATCHED);

        out.fail(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> status("cancelled", "a", D1) == TaskStatus.CANCELLED);
        out.confirm(1);
        event(TaskEvent.succeeded(out.work().get(1), 1, Instant.now(), 10, 5, "v1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> out.runEvents(RunEventType.CANCELLED).size() == 1);
        assertThat(out.work()).hasSize(2); // nothing dispatched again in a cancelled run
        assertThat(out.runEvents(RunEventType.CANCELLED).get(0).summary().cancelled()).isEqualTo(1);
        assertThat(out.runEvents(RunEventType.CANCELLED).get(0).summary().succeeded()).isEqualTo(1);
        assertThat(rows("cancelled", null)).containsExactly("RUN_ACCEPTED", "a/2022-01-01 PLANNED 0",
                "a/2022-01-02 PLANNED 0", "CANCEL_REQUESTED", "a/2022-01-02 DISPATCHED 1",
                "a/2022-01-02 SUCCEEDED 1", "RUN_FINISHED");
    }

    @Test
    void failedLedgerAppendRebuildsTheStateFromTheLedgerAndTheCoordinatorCarriesOn() {
        request("rebuilt", D1, D1, 4); // a, then b of the same date
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 1);
        DateWork a = out.work().get(0);
        out.confirm(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("rebuilt", LedgerEventType.DISPATCHED).size() == 1);

        warehouse.failNextLedgerAppend.set(true);
        byte[] succeeded = MessageCodec.encode(TaskEvent.succeeded(a, 1, Instant.now(), 10, 5, "v1"));
        assertThatThrownBy(() -> coordinator.submitTaskEvent(succeeded).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasMessageContaining("test: the ledger append failed");

        // the state went back to what the ledger holds: a dispatched, not succeeded; b not started
        await().atMost(Duration.ofSeconds(30)).until(() -> status("rebuilt", "a", D1) == TaskStatus.DISPATCHED);
        assertThat(status("rebuilt", "b", D1)).isEqualTo(TaskStatus.PLANNED);

        // Pub/Sub redelivers the event: written this time, and the run goes on to the end
        coordinator.submitTaskEvent(succeeded).toCompletableFuture().join();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("rebuilt", "b", D1) == TaskStatus.DISPATCHED);
        out.confirmAll();
        DateWork b = out.work().stream().filter(w -> w.processor().equals("b")).reduce((x, y) -> y).orElseThrow();
        event(TaskEvent.succeeded(b, 1, Instant.now(), 10, 5, "v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> out.runEvents(RunEventType.COMPLETED).size() == 1);
        assertThat(rows("rebuilt", null)).containsExactly("RUN_ACCEPTED", "a/2022-01-01 PLANNED 0",
                "b/2022-01-01 PLANNED 0", "a/2022-01-01 DISPATCHED 1", "a/2022-01-01 SUCCEEDED 1",
                "b/2022-01-01 DISPATCHED 1", "b/2022-01-01 SUCCEEDED 1", "RUN_FINISHED");
    }

    @Test
    void stopWaitsForTheConfirmationsOfWorkPublishedSoThatTheRestartDispatchesOnlyWhatWasNotPublished() {
        request("stopped", D1, D3, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 2);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(coordinator::stop);
        await().atMost(Duration.ofSeconds(30)).until(() -> !coordinator.running());
        out.confirm(0);
        out.confirm(1); // answered while the stop waits: recorded before the loop ends
        stopping.join();
        assertThat(rows("stopped", LedgerEventType.DISPATCHED))
                .containsExactlyInAnyOrder("a/2022-01-01 DISPATCHED 1", "a/2022-01-02 DISPATCHED 1");

        coordinator.start(); // rebuilt from the ledger: the two dates are in flight, not dispatched again
        assertThat(out.work()).hasSize(2);
        event(TaskEvent.succeeded(out.work().get(0), 1, Instant.now(), 10, 5, "v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> out.work().size() == 3);
        assertThat(out.work().get(2).taskId()).isEqualTo("a/2022-01-03");
        assertThat(out.work().get(2).dispatch()).isEqualTo(1);
    }

    private void request(String runId, LocalDate from, LocalDate to, int lastPhase) {
        BackfillRequest request = BackfillRequest.forRange(runId, from, to).withPhases(lastPhase == 3 ? List.of(3)
                : List.of(3, 4)).withCascade(false);
        byte[] body = MessageCodec.encode(request);
        coordinator.submit(() -> coordinator.handleRequest(body, runId)).toCompletableFuture().join();
    }

    /** Hands a task event to the coordinator and waits until it may be acked (its row durable, or it was dropped). */
    private void event(TaskEvent event) {
        coordinator.submitTaskEvent(MessageCodec.encode(event)).toCompletableFuture().join();
    }

    private TaskStatus status(String runId, String processor, LocalDate date) {
        return coordinator.read(s -> s.run(runId).orElseThrow().task(new TaskKey(processor, date)).status());
    }

    /** The run's ledger rows in the order written, of {@code type} only unless null: "task TYPE dispatch". */
    private List<String> rows(String runId, LedgerEventType type) {
        return new TaskLedger(warehouse).readAll().stream()
                .filter(e -> e.runId().equals(runId) && (type == null || e.type() == type))
                .map(PublishConfirmationsTest::describe).toList();
    }

    private static String describe(LedgerEvent e) {
        return e.task() == null ? e.type().name() : e.task().taskId() + " " + e.type() + " " + e.dispatch();
    }

    /** The coordinator's outgoing channel: DateWork waits for the test to confirm or fail it; run events go at once. */
    private static final class HeldPublishes extends MessageEmitter {

        private final List<Message<?>> work = new CopyOnWriteArrayList<>();
        private final List<RunEvent> runEvents = new CopyOnWriteArrayList<>();

        @Override
        public <M extends Message<? extends Object>> void send(M message) {
            if (message.getPayload() instanceof DateWork) {
                work.add(message);
            } else {
                if (message.getPayload() instanceof RunEvent e) {
                    runEvents.add(e);
                }
                message.ack();
            }
        }

        List<DateWork> work() {
            return work.stream().map(m -> (DateWork) m.getPayload()).toList();
        }

        List<RunEvent> runEvents(RunEventType type) {
            return runEvents.stream().filter(e -> e.type() == type).toList();
        }

        void confirm(int i) {
            work.get(i).ack();
        }

        void confirmAll() {
            work.forEach(Message::ack);
        }

        void fail(int i) {
            work.get(i).nack(new IllegalStateException("test: the publish was refused"));
        }
    }

    /** DuckDB in memory whose next ledger append fails when armed. */
    private static final class FailingLedger extends ForwardingWarehouse {

        final AtomicBoolean failNextLedgerAppend = new AtomicBoolean();

        FailingLedger(DuckDbWarehouse duckdb) {
            super(duckdb);
        }

        @Override
        public boolean appendIf(String table, List<Column> columns, List<Map<String, Object>> rows, String condition,
                                Map<String, Object> conditionParams) {
            if (table.equals("ops.task_events") && failNextLedgerAppend.compareAndSet(true, false)) {
                throw new IllegalStateException("test: the ledger append failed");
            }
            return super.appendIf(table, columns, rows, condition, conditionParams);
        }
    }
}
