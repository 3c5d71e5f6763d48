package fullcourt.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fullcourt.coordinator.intake.MessageIntake;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.engine.testing.MessageEmitter;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.transport.OutgoingPubSubMetadata;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.transport.PullGates;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Two coordinators on one ledger and one set of subscriptions, as a Cloud Run rollout makes them: the application's
 * own (A) and a second one built by hand in the same JVM (B: its own loop, lease, gate, intake and publisher, the
 * same warehouse and emulator). Exactly one acts at a time; B takes over within the lease time once A is killed; no
 * task event is lost or applied twice. The test plays the phase services, answering work with task events.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
@TestProfile(TwoCoordinatorsProfile.class)
class TwoCoordinatorsTest {

    static final Duration LEASE = Duration.ofSeconds(TwoCoordinatorsProfile.LEASE_SECONDS);

    @Inject
    Coordinator a;
    @Inject
    PubSubRuntime runtime;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    PullGates gates;
    @Inject
    Warehouse warehouse;
    @Inject
    CoordinatorMetrics metrics;
    @Inject
    TaskSpans spans;
    @Inject
    HandBuiltCoordinators coordinators;

    private void publish(String topic, Object message) throws Exception {
        connector.publishRaw(topic, MessageCodec.encode(message), Map.of()).toCompletableFuture().get();
    }

    @Test
    void exactlyOneActsAndTheOtherTakesOverAKilledOneWithinTheLeaseTimeLosingNoEvent() throws Exception {
        LocalDate d1 = LocalDate.of(2022, 1, 1);
        LocalDate d2 = LocalDate.of(2022, 1, 2);
        Coordinator b = secondCoordinator();
        List<Cancellable> bInputs = new ArrayList<>();
        try (TopicProbe phase3 = new TopicProbe(runtime, Topics.DEFAULT.work(3));
             TopicProbe phase4 = new TopicProbe(runtime, Topics.DEFAULT.work(4));
             TopicProbe runEvents = new TopicProbe(runtime, Topics.DEFAULT.runEvents())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> a.lease().held() && a.running());
            long epochA = a.lease().epoch();
            MessageIntake intakeB = intakeOf(b);
            bInputs.add(pull("requests", "backfill-requests-coordinator",
                    m -> intakeB.request(m)));
            bInputs.add(pull("task-events", "task-events-coordinator", intakeB::taskEvent));
            b.begin(gates.gate("coordinator-lease-b"), "b");

            // both up: A holds the lease, B stands by naming A; only A is ready
            assertThat(b.lease().held()).isFalse();
            assertThat(b.running()).isFalse();
            assertThat(b.lease().status()).contains("held by " + a.lease().holder() + " (epoch " + epochA);
            RestAssured.given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'fullcourt-coordinator-lease' }.status", Matchers.equalTo("UP"));

            publish(Topics.DEFAULT.backfillRequests(), BackfillRequest.forRange("two", d1, d2).withPhases(List.of(3)));
            await().atMost(Duration.ofSeconds(30)).until(() -> phase3.messages().size() == 2);
            DateWork a1 = work(phase3, "a", d1);
            DateWork a2 = work(phase3, "a", d2);
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(a1, 1, Instant.now(), 10, 5, "v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> phase4.messages().size() == 1);
            // A's ledger writer has written the DISPATCHED row of that work (a kill before it redispatches the task)
            await().atMost(Duration.ofSeconds(30)).until(() -> count("DISPATCHED").size() == 3);
            assertThat(epochs()).containsOnlyKeys(epochA); // every row so far is A's
            assertThat(b.lease().held()).isFalse();

            // A is killed: no renewal, no release, its inputs cut. B takes over once A's lease runs out
            Instant killed = Instant.now();
            a.halt();
            publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(a2, 1, Instant.now(), 10, 5, "v1"));
            await().atMost(LEASE.plusSeconds(10)).until(() -> b.lease().held() && b.running());
            Duration takeover = Duration.between(killed, Instant.now());
            assertThat(takeover).isLessThanOrEqualTo(LEASE.plusMillis(500)); // the lease time, plus polling slack
            assertThat(b.lease().epoch()).isEqualTo(epochA + 1);

            // B rebuilt the run from the ledger and gets the event published while nobody consumed
            await().atMost(Duration.ofSeconds(30)).until(() -> phase4.messages().size() == 2);
            for (DateWork bWork : phase4.decoded(DateWork.class)) {
                publish(Topics.DEFAULT.taskEvents(), TaskEvent.succeeded(bWork, 1, Instant.now(), 10, 5, "v1"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> runEvents.decoded(RunEvent.class).stream()
                    .anyMatch(e -> e.type() == RunEventType.COMPLETED && e.runId().equals("two")));

            // each task SUCCEEDED exactly once; each dispatched once; A's epoch only before the kill, B's after
            assertThat(count("SUCCEEDED")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "a/2022-01-01", 1L, "a/2022-01-02", 1L, "b/2022-01-01", 1L, "b/2022-01-02", 1L));
            assertThat(count("DISPATCHED")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "a/2022-01-01", 1L, "a/2022-01-02", 1L, "b/2022-01-01", 1L, "b/2022-01-02", 1L));
            assertThat(phase3.messages()).hasSize(2);
            assertThat(phase4.messages()).hasSize(2);
            Map<Long, List<String>> byEpoch = epochs();
            assertThat(byEpoch).containsOnlyKeys(epochA, epochA + 1);
            assertThat(byEpoch.get(epochA)).containsExactly("RUN_ACCEPTED", "PLANNED", "PLANNED", "PLANNED", "PLANNED",
                    "DISPATCHED", "DISPATCHED", "SUCCEEDED", "DISPATCHED");
            assertThat(byEpoch.get(epochA + 1)).containsExactly("SUCCEEDED", "DISPATCHED", "SUCCEEDED", "SUCCEEDED",
                    "RUN_FINISHED");
        } finally {
            bInputs.forEach(Cancellable::cancel);
            b.onStop(null);
        }
    }

    private static DateWork work(TopicProbe probe, String processor, LocalDate date) {
        return probe.decoded(DateWork.class).stream().filter(w -> w.processor().equals(processor) && w.date().equals(date))
                .findFirst().orElseThrow();
    }

    /** The run's ledger events by the lease epoch they were written under, in the order written. */
    private Map<Long, List<String>> epochs() {
        Map<Long, List<String>> out = new TreeMap<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT epoch, event FROM ops.task_events WHERE run_id = @run ORDER BY seq", Map.of("run", "two"))) {
            out.computeIfAbsent(((Number) r.get("epoch")).longValue(), e -> new ArrayList<>()).add((String) r.get("event"));
        }
        return out;
    }

    private Map<String, Long> count(String event) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> r : warehouse.query("SELECT task_id, COUNT(*) AS n FROM ops.task_events"
                + " WHERE run_id = @run AND event = @event GROUP BY task_id", Map.of("run", "two", "event", event))) {
            out.put((String) r.get("task_id"), ((Number) r.get("n")).longValue());
        }
        return out;
    }

    /** A second coordinator of this process's beans: the same catalog, warehouse and broker, its own everything else. */
    private Coordinator secondCoordinator() {
        return coordinators.on(warehouse, new PublishingEmitter(connector, Topics.DEFAULT.runEvents()));
    }

    /** The application's own intake code, handing B's messages to B. */
    private MessageIntake intakeOf(Coordinator b) throws ReflectiveOperationException {
        MessageIntake intake = new MessageIntake();
        Map<String, Object> beans = Map.of("coordinator", b, "metrics", metrics, "spans", spans);
        for (Map.Entry<String, Object> bean : beans.entrySet()) {
            Field f = MessageIntake.class.getDeclaredField(bean.getKey());
            f.setAccessible(true);
            f.set(intake, bean.getValue());
        }
        return intake;
    }

    /** Pulls {@code subscription} through the connector, as a channel of B's gated by B's lease would. */
    @SuppressWarnings("unchecked")
    private Cancellable pull(String channel, String subscription, Consumer<Message<byte[]>> handler) {
        Map<String, String> attributes = Map.of("channel-name", channel + "-b", "subscription", subscription,
                "max-outstanding-messages", "50", "gate", "coordinator-lease-b");
        Config channelConfig = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(attributes, "channel " + channel + "-b", 500)).build();
        return Multi.createFrom().publisher(connector.getPublisher(channelConfig))
                .subscribe().with(m -> handler.accept((Message<byte[]>) m));
    }

    /** B's outgoing channel: publishes each message and acks it once Pub/Sub confirmed, as the connector's does. */
    private static final class PublishingEmitter extends MessageEmitter {

        private final PubSubConnector connector;
        private final String defaultTopic;

        PublishingEmitter(PubSubConnector connector, String defaultTopic) {
            this.connector = connector;
            this.defaultTopic = defaultTopic;
        }

        @Override
        public <M extends Message<? extends Object>> void send(M message) {
            OutgoingPubSubMetadata meta = message.getMetadata(OutgoingPubSubMetadata.class).orElse(null);
            String topic = meta != null && meta.topic() != null ? meta.topic() : defaultTopic;
            Map<String, String> attributes = meta != null && meta.attributes() != null ? meta.attributes() : Map.of();
            connector.publishRaw(topic, MessageCodec.encode(message.getPayload()), attributes)
                    .whenComplete((id, failure) -> {
                        if (failure == null) {
                            message.ack();
                        } else {
                            message.nack(failure);
                        }
                    });
        }
    }
}
