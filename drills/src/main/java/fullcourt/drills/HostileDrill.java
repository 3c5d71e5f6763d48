package fullcourt.drills;

import com.fasterxml.jackson.databind.JsonNode;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The hostile-input drill: malformed or hostile requests are rejected with their reason, nothing planned. */
final class HostileDrill implements Drill {

    @Override
    public DrillResult run(DrillScope scope) throws Exception {
        AllInOne app = scope.fresh("hostile");
        List<HostileRequests.Hostile> hostile = HostileRequests.all();
        DrillResult r = new DrillResult("6. Hostile input", hostile.size() + " malformed or hostile bodies published"
                + " on backfill-requests: " + hostile.stream().map(HostileRequests.Hostile::name)
                .collect(Collectors.joining("; ")));
        app.start(Map.of(), "--serve");
        app.awaitApi("/runs", Duration.ofMinutes(3));
        List<String> wrong = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        try (RequestTopic topic = new RequestTopic(app.emulator())) {
            Map<HostileRequests.Hostile, String> ids = new LinkedHashMap<>();
            for (HostileRequests.Hostile h : hostile) {
                ids.put(h, topic.publish(h.body()));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (rejected(topic).size() < hostile.size() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            for (HostileRequests.Hostile h : hostile) {
                RunEvent e = rejected(topic).stream().filter(ev -> ev.runId().equals("rejected-" + ids.get(h))
                        || (h.requestId() != null && ev.runId().equals(h.requestId()))).findFirst().orElse(null);
                String reasons = e == null ? "(no REJECTED event)" : String.join("; ", e.reasons());
                if (e == null || !reasons.contains(h.expectedReason())) {
                    wrong.add(h.name() + ": " + reasons);
                } else if (examples.size() < 8) {
                    examples.add(h.name() + " -> " + abbreviate(reasons, 140));
                }
            }
            r.check("every one REJECTED with its specific reason" + (wrong.isEmpty() ? "" : ": " + wrong), wrong.isEmpty());
            String runs = app.api("GET", "/runs", null);
            r.check("nothing planned: GET /runs is empty (" + runs + ")", "[]".equals(runs));
            BackfillRequest valid = BackfillRequest.forRange("drill-valid-after-hostile", scope.from(), scope.from().plusDays(2))
                    .withPhases(List.of(3));
            topic.publish(MessageCodec.encode(valid));
            JsonNode done = DrillScope.awaitState(app, valid.requestId(), "COMPLETED", Duration.ofMinutes(10));
            r.check("still serving: a valid request afterwards completes (" + done.path("totals") + ")",
                    done.path("totals").path("DEAD").asInt(-1) == 0);
        }
        app.stop();
        LedgerChecks ledger = LedgerChecks.read(app.database());
        Set<String> accepted = ledger.rows().stream().filter(row -> row.event().equals("RUN_ACCEPTED"))
                .map(LedgerChecks.Row::runId).collect(Collectors.toSet());
        r.check("the ledger holds only the valid run (" + accepted + ")", accepted.equals(Set.of("drill-valid-after-hostile")));
        r.number("rejections, e.g.: " + String.join(" | ", examples));
        return r;
    }

    private static List<RunEvent> rejected(RequestTopic topic) {
        return topic.events().stream().filter(e -> e.type() == RunEventType.REJECTED).toList();
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }
}
