package fullcourt.coordinator.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.CoordinatorStopped;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger writer against a real ledger (DuckDB in memory): the test thread plays the coordinator's loop, handing
 * batches over; the append can be held (a gate the test opens) or made to fail for chosen rows.
 */
class LedgerWriterTest {

    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TaskLedger ledger = new TaskLedger(DuckDbWarehouse.open(":memory:"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger rebuildsAsked = new AtomicInteger();
    /** Appends wait for a permit while held; released in full unless a test holds it. */
    private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    private Predicate<LedgerEvent> refused = row -> false;
    /** Appends tried, each one transaction. */
    private final AtomicInteger appends = new AtomicInteger();
    private LedgerWriter writer;

    private LedgerWriter writer(int capacity) {
        Consumer<List<LedgerEvent>> append = rows -> {
            gate.acquireUninterruptibly();
            appends.incrementAndGet();
            if (rows.stream().anyMatch(refused)) {
                throw new IllegalStateException("refused by the warehouse");
            }
            ledger.append(rows);
        };
        writer = new LedgerWriter(append, capacity, new CoordinatorMetrics(registry), rebuildsAsked::incrementAndGet);
        return writer;
    }

    @AfterEach
    void close() {
        if (gate.availablePermits() < Integer.MAX_VALUE / 2) {
            gate.release(Integer.MAX_VALUE / 2);
        }
        writer.close(WAIT);
    }

    /** A SUCCEEDED row of task {@code p_day} (processor p, day {@code day} of January 2022). */
    private static LedgerEvent succeeded(int day) {
        return LedgerEvent.task("r1", new TaskKey("p", LocalDate.of(2022, 1, day)), LedgerEventType.SUCCEEDED, 1, 1,
                T0, null);
    }

    private List<LocalDate> datesInLedger() {
        return ledger.readAll().stream().map(e -> e.task().date()).toList();
    }

    private static void durable(CompletableFuture<Void> written) throws Exception {
        written.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void rowsReachTheLedgerInTheOrderTheyWereHandedOver() throws Exception {
        writer(2);
        List<LocalDate> handed = new ArrayList<>();
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            // days 1..30 in an order that is not sorted: 3 rows per batch, batches alternating both ends of the month
            int first = batch % 2 == 0 ? 28 - 3 * (batch / 2) : 1 + 3 * (batch / 2);
            List<LedgerEvent> rows = List.of(succeeded(first), succeeded(first + 1), succeeded(first + 2));
            rows.forEach(r -> handed.add(r.task().date()));
            if (batch % 3 == 0) {
                written.addAll(writer.appendEach(rows));
            } else {
                written.add(writer.append(rows));
            }
        }
        durable(written.get(written.size() - 1));
        assertThat(written).allMatch(w -> w.isDone() && !w.isCompletedExceptionally()); // one writer, in order

        assertThat(datesInLedger()).containsExactlyElementsOf(handed).hasSize(30);
        assertThat(rebuildsAsked).hasValue(0);
    }

    @Test
    void aBatchIsReportedWrittenOnlyOnceItIsDurable() throws Exception {
        writer(4);
        gate.drainPermits();

        CompletableFuture<Void> written = writer.append(List.of(succeeded(1), succeeded(2)));
        List<CompletableFuture<Void>> each = writer.appendEach(List.of(succeeded(3)));

        assertThat(written).isNotDone(); // its message may not be acked yet
        assertThat(each.get(0)).isNotDone();
        assertThat(datesInLedger()).isEmpty();

        gate.release(2);
        durable(each.get(0));
        assertThat(written).isCompletedWithValue(null);
        assertThat(each.get(0)).isCompletedWithValue(null);
        assertThat(datesInLedger()).containsExactly(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 2),
                LocalDate.of(2022, 1, 3));
    }

    @Test
    void aFailedAppendFailsItsRowsWritesNothingAfterItAndAsksForARebuild() throws Exception {
        writer(4);
        refused = row -> row.task().date().getDayOfMonth() == 2;
        gate.drainPermits();
        CompletableFuture<Void> first = writer.append(List.of(succeeded(1)));
        CompletableFuture<Void> failing = writer.append(List.of(succeeded(2), succeeded(3)));
        CompletableFuture<Void> behind = writer.append(List.of(succeeded(4))); // queued before the failure is known
        gate.release(Integer.MAX_VALUE / 2);

        assertThatFails(failing, IllegalStateException.class);
        assertThatFails(behind, LedgerWriter.LedgerBehind.class);
        assertThat(first).isCompletedWithValue(null);
        assertThat(writer.failed()).isTrue();
        assertThat(rebuildsAsked).hasValue(1);
        // all or nothing: day 3 went with day 2; day 4 was never tried
        assertThat(datesInLedger()).containsExactly(LocalDate.of(2022, 1, 1));

        // a turn that runs before the rebuild: refused at once, and the rebuild asked for again
        List<CompletableFuture<Void>> later = writer.appendEach(List.of(succeeded(5)));
        assertThatFails(later.get(0), LedgerWriter.LedgerBehind.class);
        assertThat(rebuildsAsked).hasValue(2);
        assertThat(datesInLedger()).containsExactly(LocalDate.of(2022, 1, 1));
    }

    @Test
    void inAnIsolatingBatchARefusedRowFailsAloneButNothingLaterIsWritten() throws Exception {
        writer(4);
        refused = row -> row.task().date().getDayOfMonth() == 2;
        gate.drainPermits();
        List<CompletableFuture<Void>> each = writer.appendEach(List.of(succeeded(1), succeeded(2), succeeded(3)));
        CompletableFuture<Void> behind = writer.append(List.of(succeeded(4)));
        gate.release(Integer.MAX_VALUE / 2);

        assertThatFails(each.get(1), IllegalStateException.class);
        assertThat(each.get(0)).succeedsWithin(WAIT);
        assertThat(each.get(2)).succeedsWithin(WAIT);
        assertThatFails(behind, LedgerWriter.LedgerBehind.class);
        assertThat(datesInLedger()).containsExactly(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 3));
        assertThat(rebuildsAsked).hasValue(1);
    }

    @Test
    void batchesThatWaitedForAnAppendGoTogetherInTheNextInTheirOrder() throws Exception {
        writer(8);
        gate.drainPermits();
        CompletableFuture<Void> first = writer.append(List.of(succeeded(1)));
        await().atMost(WAIT).until(gate::hasQueuedThreads); // day 1's append holds the writer
        CompletableFuture<Void> second = writer.append(List.of(succeeded(5), succeeded(4)));
        List<CompletableFuture<Void>> each = writer.appendEach(List.of(succeeded(3), succeeded(2)));
        CompletableFuture<Void> last = writer.append(List.of(succeeded(6)));

        gate.release(Integer.MAX_VALUE / 2);
        durable(last);

        assertThat(appends).hasValue(2); // day 1, then the three batches that waited, in one
        assertThat(List.of(first, second, each.get(0), each.get(1))).allMatch(w -> w.isDone()
                && !w.isCompletedExceptionally());
        assertThat(datesInLedger()).extracting(LocalDate::getDayOfMonth).containsExactly(1, 5, 4, 3, 2, 6);
    }

    @Test
    void whenTheBatchesThatWaitedFailTogetherEachIsWrittenAloneUpToTheOneRefused() throws Exception {
        writer(8);
        refused = row -> row.task().date().getDayOfMonth() == 3;
        gate.drainPermits();
        writer.append(List.of(succeeded(1)));
        await().atMost(WAIT).until(gate::hasQueuedThreads);
        CompletableFuture<Void> second = writer.append(List.of(succeeded(2)));
        CompletableFuture<Void> refusedBatch = writer.append(List.of(succeeded(3), succeeded(4)));
        CompletableFuture<Void> behind = writer.append(List.of(succeeded(5)));

        gate.release(Integer.MAX_VALUE / 2);

        assertThatFails(refusedBatch, IllegalStateException.class);
        assertThatFails(behind, LedgerWriter.LedgerBehind.class);
        assertThat(second).isCompletedWithValue(null);
        // day 1; the three together (refused); day 2 alone; days 3 and 4 alone (refused); day 5 never tried
        assertThat(appends).hasValue(4);
        assertThat(datesInLedger()).extracting(LocalDate::getDayOfMonth).containsExactly(1, 2);
        assertThat(rebuildsAsked).hasValue(1);
    }

    @Test
    void aRowTheFoldWouldRefuseFailsAtOnceAloneWithoutStoppingTheWriter() throws Exception {
        writer(4);
        LedgerEvent noTask = new LedgerEvent("r1", null, LedgerEventType.SUCCEEDED, 1, 1, T0, null, null, null);

        List<CompletableFuture<Void>> each = writer.appendEach(List.of(succeeded(1), noTask));

        assertThatFails(each.get(1), InvalidLedgerRow.class);
        assertThat(each.get(0)).succeedsWithin(WAIT);
        assertThat(writer.failed()).isFalse();
        assertThat(rebuildsAsked).hasValue(0);
        assertThat(datesInLedger()).containsExactly(LocalDate.of(2022, 1, 1));
    }

    @Test
    void handingOverWaitsWhileTheQueueIsFull() throws Exception {
        writer(2);
        gate.drainPermits();
        writer.append(List.of(succeeded(1)));
        await().atMost(WAIT).until(gate::hasQueuedThreads); // day 1 taken, its append held at the gate
        writer.append(List.of(succeeded(2)));
        writer.append(List.of(succeeded(3))); // the queue (2) is full now

        List<CompletableFuture<Void>> fourth = new ArrayList<>();
        Thread loop = new Thread(() -> fourth.add(writer.append(List.of(succeeded(4)))));
        loop.start();
        await().atMost(WAIT).until(() -> loop.getState() == Thread.State.WAITING);
        assertThat(loop.isAlive()).isTrue();

        gate.release(Integer.MAX_VALUE / 2);
        loop.join(WAIT.toMillis());
        assertThat(loop.isAlive()).isFalse();
        durable(fourth.get(0));
        assertThat(datesInLedger()).hasSize(4);
        assertThat(registry.get(CoordinatorMetrics.LEDGER_QUEUE_FULL).timer().count()).isEqualTo(1);
    }

    @Test
    void closingWritesWhatWaitsThenRefusesMore() throws Exception {
        writer(4);
        CompletableFuture<Void> waiting = writer.append(List.of(succeeded(1), succeeded(2)));

        writer.close(WAIT);

        assertThat(waiting).isCompletedWithValue(null);
        assertThat(datesInLedger()).hasSize(2);
        assertThatFails(writer.append(List.of(succeeded(3))), CoordinatorStopped.class);
        assertThat(datesInLedger()).hasSize(2);
    }

    private static void assertThatFails(CompletableFuture<Void> written, Class<? extends Throwable> why) {
        assertThat(written).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).withCauseInstanceOf(why);
    }
}
