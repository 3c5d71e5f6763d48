package fullcourt.drills;

import com.fasterxml.jackson.databind.JsonNode;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The overlap drill: two overlapping backfills never run the same (processor, date) at once. */
final class OverlapDrill implements Drill {

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("overlap");
        LocalDate from = scope.from();
        LocalDate to = scope.to();
        BackfillRequest a = BackfillRequest.forRange(scope.runId(), from, to).withPhases(List.of(3));
        BackfillRequest b = BackfillRequest.forRange("overlap-b", from, from.plusDays(10)).withPhases(List.of(3));
        DrillResult r = new DrillResult("7. Overlap", "two overlapping backfills published together: " + from + ".." + to
                + " and " + from + ".." + from.plusDays(10) + ", every phase (cascade)");
        app.start(Map.of(), "--serve");
        app.awaitApi("/runs", Duration.ofMinutes(3));
        try (RequestTopic topic = new RequestTopic(app.emulator())) {
            topic.publish(MessageCodec.encode(a));
            topic.publish(MessageCodec.encode(b));
            JsonNode ra = DrillScope.awaitState(app, a.requestId(), "COMPLETED", DrillScope.RUN_TIMEOUT);
            JsonNode rb = DrillScope.awaitState(app, b.requestId(), "COMPLETED", DrillScope.RUN_TIMEOUT);
            r.check("both runs complete clean (" + ra.path("totals") + " / " + rb.path("totals") + ")",
                    ra.path("totals").path("DEAD").asInt(-1) == 0 && rb.path("totals").path("DEAD").asInt(-1) == 0
                            && ra.path("totals").path("BLOCKED").asInt(-1) == 0
                            && rb.path("totals").path("BLOCKED").asInt(-1) == 0);
        }
        app.stop();
        LedgerChecks ledger = LedgerChecks.read(app.database());
        List<String> dispatch = ledger.dispatchOverlaps();
        List<String> execution = ledger.executionOverlaps();
        r.check("no (processor, date) dispatched by one run while in flight in the other" + first(dispatch),
                dispatch.isEmpty());
        r.check("no (processor, date) executing in both runs at once (worker STARTED..finish spans)" + first(execution),
                execution.isEmpty());
        scope.sameWarehouse(r, app);
        LedgerChecks.Rework ra = ledger.rework(a.requestId());
        LedgerChecks.Rework rb = ledger.rework(b.requestId());
        r.number("tasks: run A " + ra.tasks() + ", run B " + rb.tasks() + " (B's all overlap A's)");
        return r;
    }

    private static String first(List<String> problems) {
        return problems.isEmpty() ? "" : ": " + problems.size() + ", e.g. " + problems.get(0);
    }
}
