package fullcourt.local;

import static org.awaitility.Awaitility.await;

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the end-to-end tests do to the running pipeline: publish requests, wait, read the ledger. */
final class PipelineDriver {

    private final Coordinator coordinator;
    private final PubSubConnector connector;
    private final Warehouse warehouse;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    PipelineDriver(Coordinator coordinator, PubSubConnector connector, Warehouse warehouse,
                   io.micrometer.core.instrument.MeterRegistry meters) {
        this.coordinator = coordinator;
        this.connector = connector;
        this.warehouse = warehouse;
        this.meters = meters;
    }

    /** Publishes {@code body} as is to {@code topic}. */
    void publishTo(String topic, byte[] body, Map<String, String> attributes) {
        try {
            connector.publishRaw(topic, body, attributes).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void publishRequest(BackfillRequest request) {
        publishRaw(MessageCodec.encode(request));
    }

    void publishRaw(byte[] body) {
        try {
            connector.publishRaw(Topics.DEFAULT.backfillRequests(), body, Map.of()).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void publishWork(int phase, byte[] body, Map<String, String> attributes) {
        try {
            connector.publishRaw(Topics.DEFAULT.work(phase), body, attributes).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The coordinator's count of {@code message}s rejected for {@code reason} (see {@code MessageScreen}). */
    double rejected(String message, String reason) {
        var counter = meters.find(fullcourt.coordinator.metrics.CoordinatorMetrics.REJECTED)
                .tags("message", message, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    boolean finished(String runId) {
        return coordinator.read(s -> s.run(runId).map(RunState::finished).orElse(false));
    }

    /** Waits for the run to finish; fails within a minute if it was never accepted (a rejection, say). */
    void awaitFinished(String runId, Duration timeout) {
        await("run " + runId + " accepted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> coordinator.read(s -> s.run(runId).isPresent()));
        await("run " + runId + " finished").atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> finished(runId));
    }

    void awaitSucceeded(String runId, int atLeast) {
        await().atMost(Duration.ofSeconds(60)).until(() -> coordinator.read(s -> s.run(runId)
                .map(r -> r.counts().get(TaskStatus.SUCCEEDED) >= atLeast).orElse(false)));
    }

    Map<TaskKey, TaskStatus> statuses(String runId) {
        return coordinator.read(s -> {
            Map<TaskKey, TaskStatus> out = new HashMap<>();
            s.run(runId).orElseThrow().tasks().forEach(t -> out.put(t.key(), t.status()));
            return out;
        });
    }

    TaskRecord task(String runId, TaskKey key) {
        return coordinator.read(s -> s.run(runId).orElseThrow().task(key));
    }

    /** Ledger rows of one kind for a run, as (task -> list of their times), in ledger order. */
    Map<TaskKey, List<Instant>> eventTimes(String runId, String event) {
        Map<TaskKey, List<Instant>> out = new HashMap<>();
        for (Map<String, Object> r : warehouse.query("SELECT task_id, event_at FROM ops.task_events"
                + " WHERE run_id = @run AND event = @event ORDER BY seq", Map.of("run", runId, "event", event))) {
            Object at = r.get("event_at");
            Instant instant = at instanceof java.sql.Timestamp ts ? ts.toInstant()
                    : ((java.time.LocalDateTime) at).toInstant(java.time.ZoneOffset.UTC);
            out.computeIfAbsent(TaskKey.parse((String) r.get("task_id")), k -> new java.util.ArrayList<>()).add(instant);
        }
        return out;
    }

    long ledgerRows(String runId) {
        return ((Number) warehouse.query("SELECT COUNT(*) AS n FROM ops.task_events WHERE run_id = @run",
                Map.of("run", runId)).get(0).get("n")).longValue();
    }

    List<Map<String, Object>> rows(String sql, Map<String, Object> params) {
        return warehouse.query(sql, params);
    }

    static List<LocalDate> dates(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
