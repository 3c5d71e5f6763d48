package fullcourt.drills;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Questions a drill asks of the ledger, {@code ops.task_events}, once the all-in-one has stopped. */
final class LedgerChecks {

    /** One ledger row, as much of it as the checks need. */
    record Row(long seq, String runId, String taskId, String event, int dispatch, int attempt, Timestamp at,
               String detail) {
    }

    /** How much work a run did again: tasks, STARTED rows, tasks reported finished more than once, requeues. */
    record Rework(int tasks, int started, int finishedRows, int tasksFinishedTwice, int requeued, int runsFinished) {

        /** Executions beyond one per task, as the workers reported them. */
        int extraStarts() {
            return started - tasks;
        }
    }

    private final List<Row> rows;

    LedgerChecks(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static LedgerChecks read(Path database) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = WarehouseChecksums.readOnly(database);
             PreparedStatement st = c.prepareStatement("SELECT seq, run_id, task_id, event, dispatch, attempt, event_at,"
                     + " detail FROM ops.task_events ORDER BY seq");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getTimestamp(7), rs.getString(8)));
            }
        }
        return new LedgerChecks(rows);
    }

    List<Row> rows() {
        return rows;
    }

    Rework rework(String runId) {
        int tasks = 0;
        int started = 0;
        int finished = 0;
        int requeued = 0;
        int runsFinished = 0;
        Map<String, Integer> finishedPerTask = new HashMap<>();
        for (Row r : rows) {
            if (!r.runId().equals(runId)) {
                continue;
            }
            switch (r.event()) {
                case "PLANNED" -> tasks++;
                case "STARTED" -> started++;
                case "SUCCEEDED", "SKIPPED" -> {
                    finished++;
                    finishedPerTask.merge(r.taskId(), 1, Integer::sum);
                }
                case "REQUEUED" -> requeued++;
                case "RUN_FINISHED" -> runsFinished++;
                default -> {
                }
            }
        }
        int twice = (int) finishedPerTask.values().stream().filter(n -> n > 1).count();
        return new Rework(tasks, started, finished, twice, requeued, runsFinished);
    }

    /** Rows of the run with this event type (and, when not null, a detail containing {@code text}). */
    List<Row> events(String runId, String event, String text) {
        return rows.stream().filter(r -> r.runId().equals(runId) && r.event().equals(event))
                .filter(r -> text == null || (r.detail() != null && r.detail().contains(text))).toList();
    }

    /**
     * Times a (processor, date) was dispatched by one run while a dispatch of another run was still
     * open (not yet SUCCEEDED, SKIPPED, DEAD or REQUEUED), in the ledger's own order.
     */
    List<String> dispatchOverlaps() {
        Map<String, Map<String, Boolean>> open = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.taskId() == null) {
                continue;
            }
            Map<String, Boolean> byRun = open.computeIfAbsent(r.taskId(), k -> new HashMap<>());
            switch (r.event()) {
                case "DISPATCHED" -> {
                    byRun.forEach((run, isOpen) -> {
                        if (isOpen && !run.equals(r.runId())) {
                            out.add(r.taskId() + " dispatched by " + r.runId() + " (seq " + r.seq() + ") while open in " + run);
                        }
                    });
                    byRun.put(r.runId(), true);
                }
                case "SUCCEEDED", "SKIPPED", "DEAD", "REQUEUED" -> byRun.put(r.runId(), false);
                default -> {
                }
            }
        }
        return out;
    }

    /**
     * Executions of one (processor, date) by different runs whose worker-reported spans (STARTED to
     * the attempt's SUCCEEDED, SKIPPED or ATTEMPT_FAILED) intersect.
     */
    List<String> executionOverlaps() {
        record Span(String runId, long from, long to) {
        }
        Map<String, Long> starts = new HashMap<>();
        Map<String, List<Span>> spans = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.taskId() == null) {
                continue;
            }
            String attempt = r.runId() + "|" + r.taskId() + "|" + r.dispatch() + "|" + r.attempt();
            switch (r.event()) {
                case "STARTED" -> starts.putIfAbsent(attempt, r.at().getTime());
                case "SUCCEEDED", "SKIPPED", "ATTEMPT_FAILED" -> {
                    Long from = starts.remove(attempt);
                    if (from != null) {
                        spans.computeIfAbsent(r.taskId(), k -> new ArrayList<>())
                                .add(new Span(r.runId(), from, r.at().getTime()));
                    }
                }
                default -> {
                }
            }
        }
        List<String> out = new ArrayList<>();
        spans.forEach((task, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Span a = list.get(i);
                    Span b = list.get(j);
                    if (!a.runId().equals(b.runId()) && a.from() < b.to() && b.from() < a.to()) {
                        out.add(task + ": " + a.runId() + " and " + b.runId() + " ran at once");
                    }
                }
            }
        });
        return out;
    }
}
