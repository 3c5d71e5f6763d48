package fullcourt.bench.pipeline;

import fullcourt.bench.capacity.SlotOccupancy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a task's round trip goes, from the ledger rows of one run: the coordinator's DISPATCHED
 * row (stamped once the round's publishes are sent), the worker's STARTED and SUCCEEDED stamps
 * (event_at) and the time the coordinator wrote the SUCCEEDED row (recorded_at). One JVM, one clock.
 */
final class TaskLatencies {

    /** Per stage, each task's milliseconds, in the order of the round trip. */
    static Map<String, double[]> of(PipelineRun pipeline, String runId) {
        List<Map<String, Object>> rows = pipeline.query("WITH t AS (SELECT task_id,"
                + " MAX(CASE WHEN event = 'DISPATCHED' THEN event_at END) AS dispatched,"
                + " MAX(CASE WHEN event = 'STARTED' THEN event_at END) AS started,"
                + " MAX(CASE WHEN event = 'SUCCEEDED' THEN event_at END) AS succeeded,"
                + " MAX(CASE WHEN event = 'SUCCEEDED' THEN recorded_at END) AS recorded"
                + " FROM ops.task_events WHERE run_id = @run AND task_id IS NOT NULL GROUP BY task_id)"
                + " SELECT date_diff('microsecond', dispatched, started) AS to_start,"
                + " date_diff('microsecond', started, succeeded) AS to_success,"
                + " date_diff('microsecond', succeeded, recorded) AS to_ledger,"
                + " date_diff('microsecond', dispatched, recorded) AS round_trip"
                + " FROM t WHERE dispatched IS NOT NULL AND recorded IS NOT NULL", Map.of("run", runId));
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String column : List.of("to_start", "to_success", "to_ledger", "round_trip")) {
            List<Double> ms = new ArrayList<>(rows.size());
            // a task whose STARTED row is missing (its event rejected while the coordinator stood down and led again)
            // has no stage before SUCCEEDED: it counts in the other stages only
            rows.stream().map(r -> (Number) r.get(column)).filter(java.util.Objects::nonNull)
                    .forEach(v -> ms.add(v.doubleValue() / 1000.0));
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.put(column, sorted);
        }
        return out;
    }

    /** Each task's slot: from its DISPATCHED row's stamp to the time its result (SUCCEEDED or SKIPPED) was written. */
    static List<SlotOccupancy.Interval> slots(PipelineRun pipeline, String runId) {
        List<SlotOccupancy.Interval> out = new ArrayList<>();
        for (Map<String, Object> r : pipeline.query("WITH t AS (SELECT task_id,"
                + " MAX(CASE WHEN event = 'DISPATCHED' THEN event_at END) AS dispatched,"
                + " MAX(CASE WHEN event IN ('SUCCEEDED', 'SKIPPED') THEN recorded_at END) AS recorded"
                + " FROM ops.task_events WHERE run_id = @run AND task_id IS NOT NULL GROUP BY task_id)"
                + " SELECT epoch_ms(dispatched) AS held_from, epoch_ms(recorded) AS held_to"
                + " FROM t WHERE dispatched IS NOT NULL AND recorded IS NOT NULL", Map.of("run", runId))) {
            out.add(new SlotOccupancy.Interval(((Number) r.get("held_from")).longValue(),
                    ((Number) r.get("held_to")).longValue()));
        }
        return out;
    }

    static double mean(double[] sorted) {
        return Arrays.stream(sorted).average().orElse(0);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private TaskLatencies() {
    }
}
