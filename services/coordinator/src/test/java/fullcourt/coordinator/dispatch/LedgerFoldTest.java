package fullcourt.coordinator.dispatch;

import fullcourt.messages.BackfillRequest.Upstreams;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A coordinator restarted on its ledger resumes each run under the policy it was accepted with. */
class LedgerFoldTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    private final Catalog catalog = TestCatalogs.chain(10);
    private final TaskLedger ledger = new TaskLedger(DuckDbWarehouse.open(":memory:"));

    /** Accepts a request as the coordinator does: RUN_ACCEPTED and PLANNED rows in the ledger, then the run. */
    private Scheduler accept(BackfillRequest request) {
        Scheduler live = new Scheduler(catalog, 100);
        Plan plan = new Planner(catalog).plan(request.withUpstreams(Upstreams.ALLOW), live.doneEver(), SeasonCalendar.EMPTY);
        List<LedgerEvent> rows = new ArrayList<>();
        rows.add(LedgerEvent.accepted(request.requestId(), T0, request));
        rows.addAll(LedgerEvent.planned(request.requestId(), plan, T0));
        ledger.append(rows);
        live.addRun(request.requestId(), request, T0, plan);
        return live;
    }

    /** Writes a row, then folds it into the live state, as the coordinator does. */
    private void record(Scheduler live, LedgerEvent e) {
        ledger.append(e);
        live.apply(e);
    }

    private void dispatch(Scheduler live) {
        live.selectDispatches().forEach(d -> record(live, LedgerEvent.task(d.runId(), d.task(),
                LedgerEventType.DISPATCHED, d.dispatch(), 0, T0, null)));
    }

    private Scheduler restarted() {
        Scheduler rebuilt = new Scheduler(catalog, 100);
        LedgerFold.into(rebuilt, new Planner(catalog), ledger.readAll(), SeasonCalendar.EMPTY);
        return rebuilt;
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void aRestartedCoordinatorKeepsTheRunsPolicyAndChoosesWhatTheLiveOneWould(Policy policy) {
        Scheduler live = accept(BackfillRequest.forRange("r", D1, D3).withPhases(List.of(3)).withPolicy(policy));
        dispatch(live);
        record(live, LedgerEvent.task("r", new TaskKey("a", D1), LedgerEventType.SUCCEEDED, 1, 1, T0, null));

        Scheduler rebuilt = restarted();

        assertThat(rebuilt.run("r").orElseThrow().policy()).isEqualTo(policy);
        // per-date: a of Jan 2 and 3 in flight, b of Jan 1 has its upstream; phase-barrier: a of Jan 2 and 3 hold
        // level 1; sequential: a of Jan 1 was the only task sent, b of Jan 1 comes next in plan order
        Map<Policy, List<TaskKey>> next = Map.of(
                Policy.PER_DATE, List.of(new TaskKey("b", D1)),
                Policy.PHASE_BARRIER, List.of(),
                Policy.SEQUENTIAL, List.of(new TaskKey("b", D1)));
        assertThat(rebuilt.selectDispatches()).extracting(Dispatch::task).isEqualTo(next.get(policy));
        assertThat(rebuilt.selectDispatches()).isEqualTo(live.selectDispatches());
        assertThat(rebuilt.inFlightCount()).isEqualTo(live.inFlightCount()).isEqualTo(policy == Policy.SEQUENTIAL ? 0 : 2);
    }

    @Test
    void aSequentialRunRestartedWithATaskInFlightStillWaitsForIt() {
        Scheduler live = accept(BackfillRequest.forRange("r", D1, D2).withPhases(List.of(3))
                .withPolicy(Policy.SEQUENTIAL));
        dispatch(live);

        Scheduler rebuilt = restarted();

        assertThat(rebuilt.inFlightCount()).isEqualTo(1);
        assertThat(rebuilt.selectDispatches()).isEmpty();
        LedgerEvent done = LedgerEvent.task("r", new TaskKey("a", D1), LedgerEventType.SUCCEEDED, 1, 1, T0, null);
        rebuilt.apply(done);
        assertThat(rebuilt.selectDispatches()).extracting(Dispatch::task).containsExactly(new TaskKey("b", D1));
    }

    @Test
    void aRunAcceptedBeforePoliciesExistedIsRebuiltPerDate() {
        // The RUN_ACCEPTED row of an older coordinator: the request without a policy field.
        ledger.append(List.of(
                LedgerEvent.run("old", LedgerEventType.RUN_ACCEPTED, T0,
                        "{\"schemaVersion\":1,\"requestId\":\"old\",\"phases\":[3],\"from\":\"2022-01-01\","
                                + "\"to\":\"2022-01-01\",\"cascade\":true,\"mode\":\"all\",\"dryRun\":false}"),
                LedgerEvent.task("old", new TaskKey("a", D1), LedgerEventType.PLANNED, 0, 0, T0, null)));

        assertThat(restarted().run("old").orElseThrow().policy()).isEqualTo(Policy.PER_DATE);
    }
}
