package fullcourt.cli;

import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import fullcourt.infra.PubSubConnection;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.Topics;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/** {@link RequestChannel} on Pub/Sub, the emulator or Google Cloud, through {@link PubSubConnection}. */
final class PubSubRequestChannel implements RequestChannel {

    private final Topics topics;
    private final PubSubConnection connection;
    private final PubSubFailures failures;
    private final PubSubCalls calls;
    private final RandomGenerator random;
    private RunEventSubscription runEvents;

    PubSubRequestChannel(PubSubOptions options, RandomGenerator random) {
        this.topics = options.topics();
        this.failures = new PubSubFailures(options);
        this.calls = new PubSubCalls(failures);
        this.random = random;
        this.connection = options.connect();
    }

    @Override
    public RunEventStream openRunEvents(String requestId, java.util.Optional<String> subscription) {
        if (runEvents == null) {
            if (subscription.isPresent()) {
                runEvents = RunEventSubscription.shared(connection, subscription.get(), requestId, calls, failures);
            } else {
                String subscriptionId = topics.runEvents() + "-cli-" + String.format("%08x", random.nextInt());
                runEvents = RunEventSubscription.temporary(connection, topics.runEvents(), subscriptionId, calls,
                        failures);
            }
        }
        return runEvents;
    }

    @Override
    public String publish(BackfillRequest request) {
        String topic = topics.backfillRequests();
        String action = "publish to " + topic;
        Publisher publisher;
        try {
            publisher = connection.publisherBuilder(topic).setRetrySettings(PubSubCalls.RETRY).build();
        } catch (IOException | RuntimeException e) {
            throw failures.of(action, e);
        }
        try {
            PubsubMessage message = PubsubMessage.newBuilder()
                    .setData(ByteString.copyFrom(MessageCodec.encode(request)))
                    .putAttributes("runId", request.requestId())
                    .build();
            return calls.await(action, () -> publisher.publish(message));
        } finally {
            publisher.shutdown();
            try {
                publisher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        try {
            if (runEvents != null) {
                runEvents.close();
            }
        } finally {
            connection.close();
        }
    }
}
