package fullcourt.engine.worker;

import static fullcourt.engine.testing.Declarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.ProcessorBug;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final ProcessorDeclaration TEAM_TOTALS = declaration("team_totals", 3);

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final ExecutorService taskThreads = Executors.newCachedThreadPool();
    private final TaskRunner runner = new TaskRunner(warehouse, taskThreads, Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        taskThreads.shutdownNow();
        warehouse.close();
    }

    @Test
    void returnsTheOutcomeOfAProcessorThatWroteItsPartition() {
        AtomicReference<TaskContext> seen = new AtomicReference<>();
        Processor writer = processor("team_totals", task -> {
            seen.set(task);
            ProcessorDeclaration d = task.declaration();
            return Outcome.written(task.warehouse().replacePartition(d.table(), d.partitionColumn(), task.date(),
                    "SELECT CAST(@game_date AS DATE) AS game_date, 'ATL' AS team, 112 AS points",
                    Map.of("game_date", task.date()), task.cancellation()));
        });

        Outcome outcome = runner.run(writer, TEAM_TOTALS, JAN_2, "run-7", 2);

        assertThat(outcome).isEqualTo(new Outcome.Written(1));
        assertThat(warehouse.query("SELECT game_date, team, points FROM team_totals", Map.of()))
                .containsExactly(Map.of("game_date", JAN_2, "team", "ATL", "points", 112));
        assertThat(seen.get()).satisfies(task -> {
            assertThat(task.declaration()).isEqualTo(TEAM_TOTALS);
            assertThat(task.date()).isEqualTo(JAN_2);
            assertThat(task.runId()).isEqualTo("run-7");
            assertThat(task.attempt()).isEqualTo(2);
            assertThat(task.cancellation().isCancelled()).isFalse();
        });
    }

    @Test
    void theProcessorRunsInTheTraceOfTheWorkerThatWaitsForIt() {
        // the worker's task span, current on the worker thread; the processor runs on a task thread
        Span taskSpan = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault()));
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        try (Scope scope = taskSpan.makeCurrent()) {
            runner.run(processor("team_totals", task -> {
                seen.set(Span.current().getSpanContext());
                return Outcome.skipped("no games");
            }), TEAM_TOTALS, JAN_2, "run-7", 1);
        }

        assertThat(seen.get()).isEqualTo(taskSpan.getSpanContext());
    }

    @Test
    void returnsASkippedOutcomeAsIs() {
        Outcome outcome = runner.run(processor("team_totals", task -> Outcome.skipped("no games on 2024-01-02")),
                TEAM_TOTALS, JAN_2, "run-7", 1);

        assertThat(outcome).isEqualTo(new Outcome.Skipped("no games on 2024-01-02"));
    }

    @Test
    void processorPastTheDeadlineIsCancelledAndTheAttemptIsRetryable() throws InterruptedException {
        TaskRunner impatient = new TaskRunner(warehouse, taskThreads, Duration.ofMillis(200));
        CountDownLatch neverReleased = new CountDownLatch(1);
        CountDownLatch cancelHookRan = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Processor stuck = processor("team_totals", task -> {
            task.cancellation().onCancel(cancelHookRan::countDown);
            try {
                neverReleased.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return Outcome.skipped("only reached once interrupted");
        });

        assertThatThrownBy(() -> impatient.run(stuck, TEAM_TOTALS, JAN_2, "run-7", 1))
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("team_totals 2024-01-02 exceeded its deadline of PT0.2S and was cancelled"
                        + " (fullcourt.worker.deadline)");
        assertThat(cancelHookRan.await(5, TimeUnit.SECONDS)).as("cancellation hook ran").isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("processor thread interrupted").isTrue();
    }

    @Test
    void theProcessorsDeclaredDeadlineNotTheGlobalOneBoundsItsTask() throws InterruptedException {
        // global 30 s; the catalog gives team_totals 200 ms: the task is cancelled at 200 ms, naming the catalog
        ProcessorDeclaration quick = TEAM_TOTALS.withDeadline(Duration.ofMillis(200));
        CountDownLatch interrupted = new CountDownLatch(1);
        Processor stuck = processor("team_totals", task -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return Outcome.skipped("only reached once interrupted");
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> runner.run(stuck, quick, JAN_2, "run-7", 1))
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("team_totals 2024-01-02 exceeded its deadline of PT0.2S and was cancelled"
                        + " (the catalog's deadline of team_totals)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("processor thread interrupted").isTrue();
    }

    @Test
    void aLongerDeclaredDeadlineLetsItsTaskOutliveTheGlobalOne() {
        // global 200 ms; the catalog gives team_totals 30 s: a task working 600 ms (watching for a cancellation all
        // along) finishes uncancelled
        TaskRunner impatient = new TaskRunner(warehouse, taskThreads, Duration.ofMillis(200));
        ProcessorDeclaration patient = TEAM_TOTALS.withDeadline(Duration.ofSeconds(30));
        Processor slow = processor("team_totals", task -> {
            long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
            while (System.nanoTime() < end) {
                if (task.cancellation().isCancelled() || Thread.currentThread().isInterrupted()) {
                    return Outcome.skipped("cancelled");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            return Outcome.skipped("took 600 ms");
        });

        assertThat(impatient.run(slow, patient, JAN_2, "run-7", 1)).isEqualTo(new Outcome.Skipped("took 600 ms"));
        assertThatThrownBy(() -> impatient.run(slow, TEAM_TOTALS, JAN_2, "run-7", 1))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("exceeded its deadline of PT0.2S and was cancelled (fullcourt.worker.deadline)");
    }

    @Test
    void aConfiguredDeadlineOfTheProcessorOverridesTheCatalogs() {
        TaskRunner drill = new TaskRunner(warehouse, taskThreads,
                new TaskDeadlines(Duration.ofSeconds(30), Map.of("team_totals", Duration.ofMillis(200))),
                fullcourt.engine.warehouse.SimulatedLatency.OFF, WorkerMetrics.none());
        Processor slow = processor("team_totals", task -> {
            new CountDownLatch(1).await(); // hangs until the runner interrupts it at the deadline
            return Outcome.skipped("too late");
        });

        assertThatThrownBy(() -> drill.run(slow, TEAM_TOTALS.withDeadline(Duration.ofHours(4)), JAN_2, "run-7", 1))
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("team_totals 2024-01-02 exceeded its deadline of PT0.2S and was cancelled"
                        + " (fullcourt.worker.deadlines.team_totals)");
    }

    @Test
    void retryableFailureOfTheProcessorStaysRetryable() {
        RetryableFailure quota = new RetryableFailure("quota exceeded");

        assertThatThrownBy(() -> runner.run(processor("team_totals", task -> {
            throw quota;
        }), TEAM_TOTALS, JAN_2, "run-7", 1)).isSameAs(quota);
    }

    @Test
    void permanentFailureOfTheProcessorStaysPermanent() {
        PermanentFailure badInput = new PermanentFailure("box score has no teams");

        assertThatThrownBy(() -> runner.run(processor("team_totals", task -> {
            throw badInput;
        }), TEAM_TOTALS, JAN_2, "run-7", 1)).isSameAs(badInput);
    }

    @Test
    void brokenSqlInTheProcessorIsPermanent() {
        assertThatThrownBy(() -> runner.run(processor("team_totals",
                task -> Outcome.written(task.warehouse().update("INSERT INTO nowhere VALUES (1", Map.of()))),
                TEAM_TOTALS, JAN_2, "run-7", 1))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("syntax error");
    }

    @Test
    void aCheckedExceptionBecomesRetryableKeepingItAsTheCause() {
        IOException hiccup = new IOException("connection reset");

        assertThatThrownBy(() -> runner.run(processor("team_totals", task -> {
            throw hiccup;
        }), TEAM_TOTALS, JAN_2, "run-7", 1))
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("IOException: connection reset")
                .hasCause(hiccup);
    }

    @Test
    void aWrappedIoErrorIsRetryableLikeACheckedOne() {
        UncheckedIOException hiccup = new UncheckedIOException(new IOException("connection reset"));

        assertThatThrownBy(() -> runner.run(processor("team_totals", task -> {
            throw hiccup;
        }), TEAM_TOTALS, JAN_2, "run-7", 1))
                .isInstanceOf(RetryableFailure.class)
                .hasCause(hiccup);
    }

    @Test
    void anUntypedRuntimeExceptionIsABugInTheProcessorTriedOnceAndPermanent() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> runner.run(processor("team_totals", task -> {
            runs.incrementAndGet();
            return Outcome.written(rowsOf(null));
        }), TEAM_TOTALS, JAN_2, "run-7", 1))
                .isInstanceOf(ProcessorBug.class)
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("bug in processor team_totals, not retried: java.lang.NullPointerException")
                .cause()
                .isInstanceOf(NullPointerException.class)
                .satisfies(npe -> assertThat(npe.getStackTrace()[0].getMethodName()).isEqualTo("rowsOf"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void otherUntypedRuntimeExceptionsAreBugsToo() {
        for (RuntimeException bug : List.of(new ClassCastException("class Long cannot be cast to class String"),
                new IllegalArgumentException("no season for 2021-11-02"), new IllegalStateException("no column x"))) {
            assertThatThrownBy(() -> runner.run(processor("team_totals", task -> {
                throw bug;
            }), TEAM_TOTALS, JAN_2, "run-7", 1))
                    .isInstanceOf(ProcessorBug.class)
                    .hasMessage("bug in processor team_totals, not retried: " + bug)
                    .hasCause(bug);
        }
    }

    @Test
    void aProcessorReturningNoOutcomeIsABug() {
        assertThatThrownBy(() -> runner.run(processor("team_totals", task -> null), TEAM_TOTALS, JAN_2, "run-7", 1))
                .isInstanceOf(ProcessorBug.class)
                .hasMessage("bug in processor team_totals, not retried: it returned no outcome (null) for 2024-01-02");
    }

    private static long rowsOf(List<Long> counts) {
        return counts.size();
    }

    @Test
    void neverRunsMoreThanTheDeclaredConcurrencyOfAProcessorAtOnce() throws Exception {
        ProcessorDeclaration twoAtATime = declaration("team_totals", 3, /* concurrency */ 2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        Processor holding = processor("team_totals", task -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                return gate.await(30, TimeUnit.SECONDS) ? Outcome.written(1) : Outcome.skipped("gate never opened");
            } finally {
                inside.decrementAndGet();
            }
        });
        List<Thread> callers = new CopyOnWriteArrayList<>();
        ExecutorService callerPool = Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r, "caller-" + callers.size());
            callers.add(t);
            return t;
        });
        try {
            List<Future<Outcome>> results = new ArrayList<>();
            for (int day = 1; day <= 6; day++) {
                LocalDate date = LocalDate.of(2024, 1, day);
                results.add(callerPool.submit(() -> runner.run(holding, twoAtATime, date, "run-7", 1)));
            }

            // 6 tasks, 2 slots: 2 inside the processor and the other 6 - 2 = 4 callers waiting for a
            // slot. A third slot would leave only 3 waiting, so this would never hold.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> inside.get() == 2 && waitingForASlot(callers) == 4);
            gate.countDown();

            for (Future<Outcome> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new Outcome.Written(1));
            }
            assertThat(mostInside).hasValue(2);
        } finally {
            gate.countDown();
            callerPool.shutdownNow();
        }
    }

    @Test
    void concurrencyLimitsOfDifferentProcessorsAreIndependent() throws Exception {
        ProcessorDeclaration oneAtATime = declaration("team_totals", 3, /* concurrency */ 1);
        ProcessorDeclaration otherOneAtATime = declaration("box_scores", 3, /* concurrency */ 1);
        CountDownLatch bothInside = new CountDownLatch(2);
        Processor waitsForTheOther = processor("either", task -> {
            bothInside.countDown();
            return bothInside.await(10, TimeUnit.SECONDS) ? Outcome.written(1) : Outcome.skipped("ran alone");
        });
        ExecutorService callerPool = Executors.newFixedThreadPool(2);
        try {
            Future<Outcome> first = callerPool.submit(() -> runner.run(waitsForTheOther, oneAtATime, JAN_2, "run-7", 1));
            Future<Outcome> second = callerPool.submit(() -> runner.run(waitsForTheOther, otherOneAtATime, JAN_2, "run-7", 1));

            assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(new Outcome.Written(1));
            assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(new Outcome.Written(1));
        } finally {
            callerPool.shutdownNow();
        }
    }

    /** Callers parked in TaskRunner's per-processor semaphore, waiting for a slot. */
    private static long waitingForASlot(List<Thread> callers) {
        return callers.stream()
                .filter(t -> Arrays.stream(t.getStackTrace()).anyMatch(f ->
                        f.getClassName().equals("java.util.concurrent.Semaphore") && f.getMethodName().equals("acquire")))
                .count();
    }

    private interface Body {
        Outcome process(TaskContext task) throws Exception;
    }

    private static Processor processor(String name, Body body) {
        return new Processor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome process(TaskContext task) throws Exception {
                return body.process(task);
            }
        };
    }
}
