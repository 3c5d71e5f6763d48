package fullcourt.coordinator.metrics;

import fullcourt.messages.BackfillRequest.Upstreams;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.dispatch.Dispatch;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.testing.ManualClock;
import fullcourt.messages.BackfillRequest;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The scheduler's gauges, read from a scheduler driven by ledger events as the coordinator drives it. */
class SchedulerGaugesTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    /** a (phase 3) -> b (4, needs a of D and the 2 dates before) -> c (5, needs b of D). */
    private final Catalog catalog = TestCatalogs.chain(4);
    private final Scheduler scheduler = new Scheduler(catalog, 2);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void gaugesCountTheActiveRunsTasksByStatusAndPhaseAndTheRunsByState() {
        SchedulerGauges.register(registry, catalog, () -> SchedulerCounts.of(scheduler, catalog));
        // a completed run and a cancelled one, of one task each: counted as runs, their tasks not
        addRun("done", BackfillRequest.forRange("done", D1.plusDays(20), D1.plusDays(20))
                .withProcessors(List.of("a")).withCascade(false));
        Dispatch only = dispatch().get(0);
        event("done", only.task(), LedgerEventType.SUCCEEDED);
        scheduler.apply(LedgerEvent.run("done", LedgerEventType.RUN_FINISHED, T0, "COMPLETED"));
        addRun("stopped", BackfillRequest.forRange("stopped", D1.plusDays(30), D1.plusDays(30))
                .withProcessors(List.of("a")).withCascade(false));
        scheduler.apply(LedgerEvent.run("stopped", LedgerEventType.CANCEL_REQUESTED, T0, null));
        scheduler.apply(LedgerEvent.run("stopped", LedgerEventType.RUN_FINISHED, T0, "CANCELLED"));

        // the active run: a, b, c over Jan 1..3 = 9 tasks; a of each date READY, b and c PLANNED
        addRun("live", BackfillRequest.forRange("live", D1, D1.plusDays(2)).withPhases(List.of(3)));
        assertThat(tasks("READY", 3)).isEqualTo(3);
        assertThat(tasks("PLANNED", 4)).isEqualTo(3);
        assertThat(tasks("PLANNED", 5)).isEqualTo(3);

        // global limit 2: a of Jan 1 and 2 go out; Jan 1 starts and succeeds, which readies b of Jan 1
        // (its earlier dates are outside the run); Jan 2 dies, which blocks b and c of Jan 2 and 3
        List<Dispatch> sent = dispatch();
        assertThat(sent).extracting(Dispatch::task).containsExactly(new TaskKey("a", D1), new TaskKey("a", D1.plusDays(1)));
        assertThat(tasks("DISPATCHED", 3)).isEqualTo(2);
        assertThat(gauge(SchedulerGauges.TASKS_IN_FLIGHT)).isEqualTo(2);
        assertThat(gauge(SchedulerGauges.IN_FLIGHT_LIMIT)).isEqualTo(2);
        scheduler.setGlobalLimit(1);
        assertThat(gauge(SchedulerGauges.IN_FLIGHT_LIMIT)).isEqualTo(1);
        scheduler.setGlobalLimit(2);
        event("live", new TaskKey("a", D1), LedgerEventType.STARTED);
        assertThat(tasks("RUNNING", 3)).isEqualTo(1);
        assertThat(tasks("DISPATCHED", 3)).isEqualTo(1);
        event("live", new TaskKey("a", D1), LedgerEventType.SUCCEEDED);
        event("live", new TaskKey("a", D1.plusDays(1)), LedgerEventType.DEAD);

        // phase 3: 1 succeeded + 1 dead + 1 ready (a of Jan 3) = 3
        assertThat(tasks("SUCCEEDED", 3)).isEqualTo(1);
        assertThat(tasks("DEAD", 3)).isEqualTo(1);
        assertThat(tasks("READY", 3)).isEqualTo(1);
        assertThat(tasks("RUNNING", 3)).isZero();
        // phase 4: b of Jan 1 ready + b of Jan 2 and 3 blocked = 3; phase 5: c of Jan 1 planned + 2 blocked = 3
        assertThat(tasks("READY", 4)).isEqualTo(1);
        assertThat(tasks("BLOCKED", 4)).isEqualTo(2);
        assertThat(tasks("PLANNED", 5)).isEqualTo(1);
        assertThat(tasks("BLOCKED", 5)).isEqualTo(2);
        assertThat(tasks("CANCELLED", 3)).as("the cancelled run is finished: not counted").isZero();
        assertThat(gauge(SchedulerGauges.TASKS_IN_FLIGHT)).isZero();
        assertThat(registry.get(SchedulerGauges.RUNS).tag("state", "active").gauge().value()).isEqualTo(1);
        assertThat(registry.get(SchedulerGauges.RUNS).tag("state", "completed").gauge().value()).isEqualTo(1);
        assertThat(registry.get(SchedulerGauges.RUNS).tag("state", "cancelled").gauge().value()).isEqualTo(1);
    }

    @Test
    void eachProcessorsLatestCompleteDateCountsEveryRunFinishedOrNot() {
        SchedulerGauges.register(registry, catalog, () -> SchedulerCounts.of(scheduler, catalog));
        // a finished run succeeded a of Jan 21; a live one succeeds a of Jan 1 and skips a of Jan 2
        addRun("done", BackfillRequest.forRange("done", D1.plusDays(20), D1.plusDays(20))
                .withProcessors(List.of("a")).withCascade(false));
        event("done", dispatch().get(0).task(), LedgerEventType.SUCCEEDED);
        scheduler.apply(LedgerEvent.run("done", LedgerEventType.RUN_FINISHED, T0, "COMPLETED"));
        addRun("live", BackfillRequest.forRange("live", D1, D1.plusDays(1)).withPhases(List.of(3)));
        dispatch();
        event("live", new TaskKey("a", D1), LedgerEventType.SUCCEEDED);
        event("live", new TaskKey("a", D1.plusDays(1)), LedgerEventType.SKIPPED);

        // 2022-01-21 00:00 UTC: 18,948 days after 1970-01-01 (52 years, 13 of them leap, + 20 days) x 86,400 s
        assertThat(latestComplete("a")).isEqualTo((52 * 365 + 13 + 20) * 86_400.0);
        assertThat(latestComplete("b")).as("nothing of b complete").isNaN();
    }

    private double latestComplete(String processor) {
        return registry.get(SchedulerGauges.LATEST_COMPLETE).tag("processor", processor).gauge().value();
    }

    @Test
    void everyStatusAndPhaseHasAGaugeFromTheStart() {
        SchedulerGauges.register(registry, catalog, () -> SchedulerCounts.EMPTY);

        // 9 statuses x 3 phases of the catalog
        assertThat(registry.find(SchedulerGauges.TASKS).gauges()).hasSize(9 * 3)
                .allSatisfy(g -> assertThat(g.value()).isZero());
    }

    @Test
    void countsAreTakenOncePerFreshnessPeriodAndKeptWhenTheLoopDoesNotAnswer() {
        AtomicInteger taken = new AtomicInteger();
        ManualClock clock = new ManualClock(T0);
        AtomicReference<Optional<SchedulerCounts>> answer = new AtomicReference<>(Optional.of(SchedulerCounts.EMPTY));
        CachedCounts counts = new CachedCounts(() -> {
            taken.incrementAndGet();
            return answer.get();
        }, clock, Duration.ofSeconds(1));
        SchedulerGauges.register(registry, catalog, counts);
        addRun("live", BackfillRequest.forRange("live", D1, D1.plusDays(2)).withPhases(List.of(3)));
        answer.set(Optional.of(SchedulerCounts.of(scheduler, catalog)));

        // a scrape reads all 27 + 1 + 3 gauges within one second: the loop is asked once
        registry.getMeters().forEach(m -> m.measure().forEach(Measurement::getValue));
        assertThat(taken).hasValue(1);
        assertThat(tasks("READY", 3)).isEqualTo(3);

        // a second later the loop is busy: the last counts stay
        clock.advance(Duration.ofSeconds(1));
        answer.set(Optional.empty());
        assertThat(tasks("READY", 3)).isEqualTo(3);
        assertThat(taken).hasValue(2);
    }

    private void addRun(String runId, BackfillRequest request) {
        scheduler.addRun(runId, request, T0, new Planner(catalog).plan(request.withUpstreams(Upstreams.ALLOW), k -> false, SeasonCalendar.EMPTY));
    }

    private List<Dispatch> dispatch() {
        List<Dispatch> chosen = scheduler.selectDispatches();
        chosen.forEach(d -> scheduler.apply(LedgerEvent.task(d.runId(), d.task(), LedgerEventType.DISPATCHED,
                d.dispatch(), 0, T0, null)));
        return chosen;
    }

    private void event(String runId, TaskKey task, LedgerEventType type) {
        scheduler.apply(LedgerEvent.task(runId, task, type, 1, 1, T0, type == LedgerEventType.DEAD ? "boom" : null));
    }

    private double tasks(String status, int phase) {
        return registry.get(SchedulerGauges.TASKS).tags("status", status, "phase", String.valueOf(phase)).gauge().value();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
