package fullcourt.bench.pipeline;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** One backfill through the running pipeline, and what the coordinator and its ledger say about it. */
final class PipelineRun {

    /** A finished run: its tasks (with their in-run upstreams) and the coordinator's own timestamps. */
    record Finished(String runId, List<TaskRecord> tasks, Instant accepted, Instant finished, Map<TaskStatus, Integer> counts,
                    Map<TaskKey, Long> durationMs) {

        double makespanSeconds() {
            // first dispatch to last result: the run's span as the ledger saw it
            Instant first = tasks.stream().map(TaskRecord::startedAt).filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo).orElse(accepted);
            Instant last = tasks.stream().map(TaskRecord::finishedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(finished);
            return Duration.between(first.isBefore(accepted) ? first : accepted, last).toMillis() / 1000.0;
        }

        Map<TaskKey, List<TaskKey>> upstreams() {
            Map<TaskKey, List<TaskKey>> out = new LinkedHashMap<>();
            tasks.forEach(t -> out.put(t.key(), t.upstreams()));
            return out;
        }

        long totalWorkMs() {
            return durationMs.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Coordinator coordinator;
    private final PubSubConnector connector;
    private final Warehouse warehouse;

    PipelineRun(Coordinator coordinator, PubSubConnector connector, Warehouse warehouse) {
        this.coordinator = coordinator;
        this.connector = connector;
        this.warehouse = warehouse;
    }

    Finished run(BackfillRequest request, Duration timeout) {
        publish(request);
        return await(request.requestId(), timeout);
    }

    /** Sends the request to the coordinator, as a client does; its run id is the request id. */
    void publish(BackfillRequest request) {
        try {
            connector.publishRaw(Topics.DEFAULT.backfillRequests(), MessageCodec.encode(request), Map.of())
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for run {@code id} to finish, then reads it back. */
    Finished await(String id, Duration timeout) {
        Awaitility.await("run " + id).atMost(timeout).pollInterval(Duration.ofMillis(100))
                // a coordinator that stood down (a lease not renewed in time on a loaded machine) leads again at once
                .ignoreExceptionsInstanceOf(fullcourt.coordinator.CoordinatorStopped.class)
                .until(() -> coordinator.read(s -> s.run(id).map(RunState::finished).orElse(false)));
        return coordinator.read(s -> {
            RunState r = s.run(id).orElseThrow();
            Map<TaskKey, Long> durations = durations(id);
            // a skip reports no duration: its STARTED-to-SKIPPED span stands in
            r.tasks().forEach(t -> durations.computeIfAbsent(t.key(), k -> t.startedAt() == null || t.finishedAt() == null
                    ? 0L : Duration.between(t.startedAt(), t.finishedAt()).toMillis()));
            return new Finished(id, List.copyOf(r.tasks()), r.acceptedAt(), r.finishedAt(), r.counts(), durations);
        });
    }

    /** Each task's own processing time (worker-measured), from the ledger's SUCCEEDED and SKIPPED rows. */
    Map<TaskKey, Long> durations(String runId) {
        Map<TaskKey, Long> out = new HashMap<>();
        for (Map<String, Object> r : warehouse.query("SELECT task_id, duration_ms FROM ops.task_events"
                + " WHERE run_id = @run AND event IN ('SUCCEEDED', 'SKIPPED')", Map.of("run", runId))) {
            Object ms = r.get("duration_ms");
            if (ms != null) {
                out.put(TaskKey.parse((String) r.get("task_id")), ((Number) ms).longValue());
            }
        }
        return out;
    }

    List<Map<String, Object>> query(String sql, Map<String, Object> params) {
        return warehouse.query(sql, params);
    }
}
