package fullcourt.engine.worker;

import static fullcourt.engine.testing.Declarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.SimulatedLatency;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's meters as TaskRunner records them, on a registry whose clock the processors move. */
class TaskRunnerMetricsTest {

    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final ProcessorDeclaration TEAM_TOTALS = declaration("team_totals", 3);
    private static final ProcessorDeclaration ZONES = declaration("zone_analysis", 4);

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final WorkerMetrics metrics = new WorkerMetrics(registry);
    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final ExecutorService taskThreads = Executors.newCachedThreadPool();
    private final TaskRunner runner = new TaskRunner(warehouse, taskThreads, Duration.ofSeconds(30), SimulatedLatency.OFF,
            metrics);

    @AfterEach
    void stop() {
        taskThreads.shutdownNow();
        warehouse.close();
    }

    @Test
    void eachAttemptIsTimedUnderItsOutcome() {
        runner.run(taking(Duration.ofMillis(250), Outcome.written(3)), TEAM_TOTALS, JAN_2, "run-1", 1);
        runner.run(taking(Duration.ofMillis(750), Outcome.written(5)), TEAM_TOTALS, JAN_2.plusDays(1), "run-1", 1);
        runner.run(taking(Duration.ofMillis(40), Outcome.skipped("no games")), TEAM_TOTALS, JAN_2.plusDays(2), "run-1", 1);
        assertThatThrownBy(() -> runner.run(failing(Duration.ofSeconds(2), new RetryableFailure("429")), ZONES, JAN_2,
                "run-1", 1)).isInstanceOf(RetryableFailure.class);
        assertThatThrownBy(() -> runner.run(failing(Duration.ofMillis(10), new PermanentFailure("bad input")), ZONES,
                JAN_2, "run-1", 1)).isInstanceOf(PermanentFailure.class);

        // two successes of team_totals: 250 ms + 750 ms = 1 s in all
        assertThat(timer("team_totals", "3", "succeeded").count()).isEqualTo(2);
        assertThat(timer("team_totals", "3", "succeeded").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000.0);
        assertThat(timer("team_totals", "3", "skipped").count()).isEqualTo(1);
        assertThat(timer("team_totals", "3", "skipped").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
        assertThat(timer("zone_analysis", "4", "failed_retryable").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000.0);
        assertThat(timer("zone_analysis", "4", "failed_permanent").count()).isEqualTo(1);
        assertThat(registry.get(WorkerMetrics.TASK_ATTEMPTS).tags("processor", "team_totals", "phase", "3").counter()
                .count()).isEqualTo(3);
        assertThat(registry.get(WorkerMetrics.TASK_ATTEMPTS).tags("processor", "zone_analysis", "phase", "4").counter()
                .count()).isEqualTo(2);
        assertThat(registry.find(WorkerMetrics.TASK_RETRIES).counters()).as("no attempt after a first").isEmpty();
        assertThat(inFlight()).isZero();
    }

    @Test
    void attemptsAfterTheFirstCountAsRetries() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            runner.run(taking(Duration.ZERO, Outcome.written(1)), TEAM_TOTALS, JAN_2, "run-2", attempt);
        }

        // attempts 1, 2, 3: three attempts, of which 2 and 3 are retries
        assertThat(registry.get(WorkerMetrics.TASK_ATTEMPTS).tags("processor", "team_totals").counter().count())
                .isEqualTo(3);
        assertThat(registry.get(WorkerMetrics.TASK_RETRIES).tags("processor", "team_totals", "phase", "3").counter()
                .count()).isEqualTo(2);
    }

    @Test
    void anAttemptIsInFlightWhileItRunsAndCarriesItsTaskFieldsInTheLogContext() {
        AtomicReference<Double> inFlightInside = new AtomicReference<>();
        AtomicReference<Map<String, Object>> mdcInside = new AtomicReference<>();
        Processor observing = processor(task -> {
            inFlightInside.set(inFlight());
            mdcInside.set(Map.of("runId", MDC.get(TaskMdc.RUN_ID), "processor", MDC.get(TaskMdc.PROCESSOR),
                    "date", MDC.get(TaskMdc.DATE)));
            return Outcome.written(1);
        });

        runner.run(observing, TEAM_TOTALS, JAN_2, "run-3", 1);

        assertThat(inFlightInside.get()).isEqualTo(1.0);
        assertThat(inFlight()).isZero();
        assertThat(mdcInside.get()).isEqualTo(Map.of("runId", "run-3", "processor", "team_totals", "date", "2024-01-02"));
    }

    @Test
    void passedDeadlineIsARetryableFailure() {
        TaskRunner impatient = new TaskRunner(warehouse, taskThreads, Duration.ofMillis(100), SimulatedLatency.OFF,
                metrics);
        Processor stuck = processor(task -> {
            new java.util.concurrent.CountDownLatch(1).await(); // never released: the deadline interrupts it
            return Outcome.written(1);
        });

        assertThatThrownBy(() -> impatient.run(stuck, TEAM_TOTALS, JAN_2, "run-4", 1))
                .isInstanceOf(RetryableFailure.class);

        assertThat(timer("team_totals", "3", "failed_retryable").count()).isEqualTo(1);
        assertThat(inFlight()).isZero();
    }

    @Test
    void deadLettersAreCountedPerPhaseAndProcessor() {
        metrics.deadLettered(3, "team_totals");
        metrics.deadLettered(3, "team_totals");
        metrics.deadLettered(5, null);

        assertThat(registry.get(WorkerMetrics.DEAD_LETTERS).tags("processor", "team_totals", "phase", "3").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get(WorkerMetrics.DEAD_LETTERS).tags("processor", "unknown", "phase", "5").counter()
                .count()).isEqualTo(1);
    }

    private Timer timer(String processor, String phase, String outcome) {
        return registry.get(WorkerMetrics.TASK_DURATION)
                .tags("processor", processor, "phase", phase, "outcome", outcome).timer();
    }

    private double inFlight() {
        return registry.get(WorkerMetrics.TASKS_IN_FLIGHT).gauge().value();
    }

    /** A processor whose work takes {@code took} on the registry's clock. */
    private Processor taking(Duration took, Outcome outcome) {
        return processor(task -> {
            clock.add(took);
            return outcome;
        });
    }

    private Processor failing(Duration took, RuntimeException failure) {
        return processor(task -> {
            clock.add(took);
            throw failure;
        });
    }

    private interface Body {
        Outcome process(TaskContext task) throws Exception;
    }

    private static Processor processor(Body body) {
        return new Processor() {
            @Override
            public String name() {
                return "team_totals";
            }

            @Override
            public Outcome process(TaskContext task) throws Exception {
                return body.process(task);
            }
        };
    }
}
