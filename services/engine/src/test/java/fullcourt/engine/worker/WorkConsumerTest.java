package fullcourt.engine.worker;

import static fullcourt.engine.testing.Declarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.config.EngineConfig;
import fullcourt.engine.faults.FaultConfig;
import fullcourt.engine.processor.DailyQuotaExhausted;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.messages.Quota;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.ProcessorBug;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.transport.IncomingPubSubMetadata;
import fullcourt.engine.testing.MessageEmitter;
import fullcourt.engine.transport.OutgoingPubSubMetadata;
import fullcourt.engine.transport.PubSubConfig;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.messages.DateWork;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.TaskEvent;
import fullcourt.messages.TaskEventType;
import fullcourt.messages.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker loop without a broker: a work message handed to {@code handle} as Pub/Sub delivers it,
 * what the worker publishes caught as it is sent, and whether the message was acked (no other
 * delivery) or nacked (Pub/Sub delivers it again: another attempt).
 */
class WorkConsumerTest {

    private static final LocalDate NOV_2 = LocalDate.of(2021, 11, 2);
    private static final Instant NOW = Instant.parse("2021-11-03T08:00:00Z");
    private static final fullcourt.messages.DispatchToken TOKENS = fullcourt.messages.DispatchToken.withKey("k".repeat(32));
    private static final DateWork WORK = TOKENS.signed(
            DateWork.of("run-1", "team_totals/2021-11-02", "team_totals", NOV_2, 1));

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    /** Pub/Sub refusing every STARTED event published. */
    private volatile boolean refuseStarted;
    private WorkConsumer consumer;

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.stop();
        }
        warehouse.close();
    }

    @Test
    void theWorkersLongestDeadlineIsItsProcessorsDeclaredOne() {
        consumer = consumer(declaration("team_totals", 3).withDeadline(Duration.ofHours(4)), Map.of(),
                task -> Outcome.skipped("no games"));

        // the catalog's 4 h, not the global 10 min: the liveness check allows that long plus the publishes
        assertThat(consumer.longestDeadline()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aWorkerRefusesToStartWhenItsMessagesLeasesWouldEndBeforeItsLongestTask() {
        // 4 h 59 min of task + 2 x 60 s of publishing = 5 h 1 min > the 5 h lease extension
        assertThatThrownBy(() -> consumer(declaration("team_totals", 3).withDeadline(Duration.ofMinutes(299)),
                Map.of(), task -> Outcome.skipped("no games")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fullcourt.pubsub.max-lease-extension (PT5H) is shorter than the longest task deadline of"
                        + " this worker's processors (PT4H59M) plus the time to publish its events (PT2M): raise it to"
                        + " at least PT5H1M, or shorten the deadline");
    }

    @Test
    void aConfiguredDeadlineOfAProcessorReplacesItsDeclaredOne() {
        consumer = consumer(declaration("team_totals", 3).withDeadline(Duration.ofHours(4)),
                Map.of("fullcourt.worker.deadlines.team_totals", "20s"), task -> Outcome.skipped("no games"));

        assertThat(consumer.longestDeadline()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anUnexpectedExceptionIsABugTriedOnceAndDeadLetteredWithItsStackTrace() {
        consumer = consumer(task -> {
            runs.incrementAndGet();
            return isCall(null) ? Outcome.written(1) : Outcome.skipped("no call");
        });

        Delivery first = deliver(1);

        assertThat(runs).as("processor runs").hasValue(1);
        assertThat(first.acked).as("acked: Pub/Sub delivers it no more").isTrue();
        assertThat(first.nacked).isFalse();
        assertThat(events()).extracting(TaskEvent::type).as("no STARTED: the attempt ended within started-after")
                .containsExactly(TaskEventType.ATTEMPT_FAILED);
        TaskEvent failed = events().get(0);
        assertThat(failed.startedAt()).as("the end carries the start").isEqualTo(NOW);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.error())
                .startsWith("bug in processor team_totals, not retried: java.lang.NullPointerException: Cannot invoke"
                        + " \"Object.equals(Object)\" because \"o\" is null\n\tat java.base/java.util.ImmutableCollections")
                .contains("\n\tat fullcourt.engine.worker.WorkConsumerTest.isCall(WorkConsumerTest.java:")
                .hasSizeLessThanOrEqualTo(ProcessorBug.reason("team_totals").length() + StackTraceExcerpt.MAX_CHARS);
        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.meta.topic()).isEqualTo(Topics.DEFAULT.workDeadLetter(3));
            assertThat(dead.meta.attributes()).containsEntry("CloudPubSubDeadLetterSourceDeliveryCount", "1")
                    .hasEntrySatisfying(DeadLetterAttributes.ERROR,
                            e -> assertThat(e).startsWith("bug in processor team_totals, not retried:"));
        });
    }

    @Test
    void aRetryableFailureIsNackedSoThatPubSubDeliversItAgain() {
        consumer = consumer(task -> {
            if (runs.incrementAndGet() == 1) {
                throw new RetryableFailure("query failed, will retry: write-write conflict");
            }
            return Outcome.written(5);
        });

        Delivery first = deliver(1);
        Delivery second = deliver(2);

        assertThat(runs).as("processor runs").hasValue(2);
        assertThat(first.nacked).isTrue();
        assertThat(first.acked).isFalse();
        assertThat(second.acked).isTrue();
        assertThat(events()).extracting(e -> e.type() + "#" + e.attempt() + "@" + e.startedAt()).containsExactly(
                "ATTEMPT_FAILED#1@" + NOW, "SUCCEEDED#2@" + NOW);
        assertThat(events().get(0).retryable()).isTrue();
        assertThat(events().get(0).error()).isEqualTo("query failed, will retry: write-write conflict");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anAttemptThatEndsWithinStartedAfterIsReportedByItsEndAloneWhichCarriesItsStart() {
        consumer = consumer(task -> Outcome.written(3));

        Delivery first = deliver(1);

        assertThat(first.acked).isTrue();
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(TaskEventType.SUCCEEDED);
            assertThat(e.rows()).isEqualTo(3);
            assertThat(e.startedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void withStartedAfterZeroEveryAttemptIsReportedStartedBeforeItRuns() {
        List<String> sentBeforeTheRun = new CopyOnWriteArrayList<>();
        consumer = consumer(declaration("team_totals", 3), Map.of("fullcourt.worker.started-after", "0s"), task -> {
            events().forEach(e -> sentBeforeTheRun.add(e.type().name()));
            return Outcome.written(2);
        });

        deliver(1);

        assertThat(sentBeforeTheRun).containsExactly("STARTED");
        assertThat(events()).extracting(e -> e.type() + "@" + e.startedAt())
                .as("the end carries no start: STARTED reported it").containsExactly("STARTED@null", "SUCCEEDED@null");
    }

    @Test
    void anAttemptThatOutlivesStartedAfterIsReportedStartedWhileItRuns() {
        consumer = consumer(declaration("team_totals", 3), Map.of("fullcourt.worker.started-after", "20ms"), task -> {
            // still running: the STARTED comes from the timer
            await().atMost(Duration.ofSeconds(30)).until(() -> !events().isEmpty());
            return Outcome.written(2);
        });

        deliver(1);

        assertThat(events()).extracting(e -> e.type() + "@" + e.startedAt())
                .containsExactly("STARTED@null", "SUCCEEDED@null");
        assertThat(events().get(0).at()).isEqualTo(NOW);
    }

    @Test
    void aStartedThatPubSubDidNotConfirmLeavesTheStartToTheEnd() {
        refuseStarted = true;
        consumer = consumer(declaration("team_totals", 3), Map.of("fullcourt.worker.started-after", "20ms"), task -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events().isEmpty());
            return Outcome.written(2);
        });

        Delivery first = deliver(1);

        assertThat(first.acked).as("a STARTED lost costs the attempt nothing").isTrue();
        assertThat(events()).extracting(e -> e.type() + "@" + e.startedAt())
                .containsExactly("STARTED@null", "SUCCEEDED@" + NOW);
    }

    @Test
    void aDailyQuotaIsNotRetriedTheTaskIsDeadLetteredAtItsFirstFailureWithTheQuotaNamed() {
        Quota daily = Quota.table("analytics.team_totals", true,
                "Number of partition modifications to a column partitioned table");
        consumer = consumer(task -> {
            runs.incrementAndGet();
            throw new DailyQuotaExhausted("replace partition failed: quotaExceeded: Quota exceeded: Your table exceeded"
                    + " quota for Number of partition modifications to a column partitioned table", daily, null);
        });

        Delivery first = deliver(1);

        assertThat(runs).as("processor runs").hasValue(1);
        assertThat(first.acked).as("acked: Pub/Sub delivers it no more").isTrue();
        assertThat(first.nacked).isFalse();
        TaskEvent failed = events().get(0);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.quotaError()).isTrue();
        assertThat(failed.quota()).as("the quota as the adapter named it").isEqualTo(daily);
        assertThat(deadLetters()).singleElement().satisfies(dead -> assertThat(dead.meta.attributes())
                .hasEntrySatisfying(DeadLetterAttributes.ERROR, e -> assertThat(e)
                        .contains("Number of partition modifications to a column partitioned table")));
    }

    @Test
    void aTablesRateLimitIsNackedAndReportedWithItsTable() {
        consumer = consumer(task -> {
            throw new QuotaExceeded("rateLimitExceeded: too many table update operations for this table",
                    Quota.table("analytics.team_totals", false, "table update operations"), null);
        });

        Delivery first = deliver(1);

        assertThat(first.nacked).isTrue();
        TaskEvent failed = events().get(0);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.quota()).isEqualTo(Quota.table("analytics.team_totals", false, "table update operations"));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void workWithoutAValidDispatchTokenIsDeadLetteredWithTheReasonAndNeverRun() {
        consumer = consumer(task -> {
            runs.incrementAndGet();
            return Outcome.written(1);
        });
        DateWork forged = DateWork.of("no-such-run", "team_totals/2021-11-02", "team_totals", NOV_2, 1);
        DateWork otherKey = fullcourt.messages.DispatchToken.withKey("j".repeat(32)).signed(forged);
        DateWork otherDispatch = forged.withToken(TOKENS.sign("no-such-run", "team_totals", NOV_2, 2));

        List<Delivery> deliveries = List.of(deliver(forged, 3), deliver(otherKey, 3), deliver(otherDispatch, 3));

        assertThat(runs).as("processor runs").hasValue(0);
        assertThat(events()).as("no event names a run no coordinator dispatched").isEmpty();
        assertThat(deliveries).allSatisfy(d -> assertThat(d.acked).as("acked: never redelivered").isTrue());
        assertThat(deadLetters()).extracting(d -> d.meta.attributes().get(DeadLetterAttributes.ERROR))
                .satisfiesExactly(
                        e -> assertThat(e).startsWith("work refused (no-token): no dispatch token"),
                        e -> assertThat(e).startsWith("work refused (unknown-key): dispatch token signed with key "
                                + fullcourt.messages.DispatchToken.keyId("j".repeat(32))),
                        e -> assertThat(e).startsWith("work refused (bad-token): dispatch token does not verify"));
        assertThat(consumer.meters.counter(WorkerMetrics.REJECTED_WORK, "reason", "no-token").count()).isEqualTo(1.0);
        assertThat(consumer.meters.counter(WorkerMetrics.REJECTED_WORK, "reason", "unknown-key").count()).isEqualTo(1.0);
        assertThat(consumer.meters.counter(WorkerMetrics.REJECTED_WORK, "reason", "bad-token").count()).isEqualTo(1.0);
    }

    @Test
    void workOfAnotherPhaseOnThisPhasesTopicIsRefusedEvenWhenThisProcessServesBoth() {
        consumer = consumer(task -> {
            runs.incrementAndGet();
            return Outcome.written(1);
        });

        Delivery onPhase4 = deliver(WORK, 4);

        assertThat(runs).hasValue(0);
        assertThat(onPhase4.acked).isTrue();
        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.meta.topic()).isEqualTo(Topics.DEFAULT.workDeadLetter(4));
            assertThat(dead.meta.attributes().get(DeadLetterAttributes.ERROR)).isEqualTo("work refused (wrong-phase):"
                    + " processor team_totals is of phase 3, not of phase 4 whose work topic this came on");
        });
        assertThat(consumer.meters.counter(WorkerMetrics.REJECTED_WORK, "reason", "wrong-phase").count()).isEqualTo(1.0);
    }

    /** The best-bets ranking's bug of issue 14: {@code Set.of(...).contains(null)} throws. */
    private static boolean isCall(String recommendation) {
        return Set.of("OVER", "UNDER").contains(recommendation);
    }

    private Delivery deliver(int attempt) {
        return deliver(WORK, 3, attempt);
    }

    private Delivery deliver(DateWork work, int phase) {
        return deliver(work, phase, 1);
    }

    private Delivery deliver(DateWork work, int phase, int attempt) {
        Delivery delivery = new Delivery();
        IncomingPubSubMetadata meta = new IncomingPubSubMetadata(Topics.DEFAULT.workSubscription(phase), "m-" + attempt,
                work.attributes(), attempt, Instant.parse("2021-11-03T08:00:00Z"));
        consumer.handle(Message.of(MessageCodec.encode(work), Metadata.of(meta), () -> {
            delivery.acked = true;
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            delivery.nacked = true;
            return CompletableFuture.completedFuture(null);
        }));
        return delivery;
    }

    private List<TaskEvent> events() {
        return sent.stream().filter(s -> s.payload instanceof TaskEvent).map(s -> (TaskEvent) s.payload).toList();
    }

    private List<Sent> deadLetters() {
        return sent.stream().filter(s -> s.meta.topic() != null).toList();
    }

    private WorkConsumer consumer(Body body) {
        return consumer(declaration("team_totals", 3), Map.of(), body);
    }

    /** A worker serving only {@code declared}, with {@code settings} on top of the test's. */
    private WorkConsumer consumer(fullcourt.engine.catalog.ProcessorDeclaration declared, Map<String, String> settings,
                                  Body body) {
        WorkConsumer c = new WorkConsumer();
        c.catalog = Catalog.of(List.of(declared));
        c.warehouse = warehouse;
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(WorkerConfig.class).withMapping(EngineConfig.class).withMapping(FaultConfig.class)
                .withMapping(PubSubConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("fullcourt.worker.phases", "3",
                        "fullcourt.worker.workers", "1", "fullcourt.worker.lineage", "false",
                        "fullcourt.warehouse.duckdb-path", ":memory:"), "test", 100))
                .withSources(new PropertiesConfigSource(settings, "test-settings", 200))
                .build();
        c.config = config.getConfigMapping(WorkerConfig.class);
        c.engine = config.getConfigMapping(EngineConfig.class);
        c.faultConfig = config.getConfigMapping(FaultConfig.class);
        c.pubsub = config.getConfigMapping(PubSubConfig.class);
        c.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        c.processors = new OneProcessor(new Processor() {
            @Override
            public String name() {
                return "team_totals";
            }

            @Override
            public Outcome process(TaskContext task) throws Exception {
                return body.process(task);
            }
        });
        c.out = new CapturingEmitter();
        c.meters = new SimpleMeterRegistry();
        c.dispatchTokens = TOKENS;
        c.spans = new TaskSpans(OpenTelemetry.noop());
        c.start(new StartupEvent());
        return c;
    }

    private interface Body {
        Outcome process(TaskContext task) throws Exception;
    }

    private static final class Delivery {
        volatile boolean acked;
        volatile boolean nacked;
    }

    private record Sent(Object payload, OutgoingPubSubMetadata meta) {
    }

    /** Pub/Sub confirming every publish at once; a dead letter is the one sent to a topic of its own. */
    private final class CapturingEmitter extends MessageEmitter {

        @Override
        public <M extends Message<?>> void send(M message) {
            sent.add(new Sent(message.getPayload(), message.getMetadata(OutgoingPubSubMetadata.class).orElseThrow()));
            if (refuseStarted && message.getPayload() instanceof TaskEvent e && e.type() == TaskEventType.STARTED) {
                message.nack(new IllegalStateException("publish not confirmed"));
            } else {
                message.ack();
            }
        }
    }

    /** The CDI beans implementing {@link Processor}: one. */
    private record OneProcessor(Processor processor) implements Instance<Processor> {

        @Override
        public Iterator<Processor> iterator() {
            return List.of(processor).iterator();
        }

        @Override
        public Processor get() {
            return processor;
        }

        @Override
        public Instance<Processor> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Processor> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Processor> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return false;
        }

        @Override
        public boolean isAmbiguous() {
            return false;
        }

        @Override
        public void destroy(Processor instance) {
        }

        @Override
        public Handle<Processor> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<Processor>> handles() {
            throw new UnsupportedOperationException();
        }
    }
}
