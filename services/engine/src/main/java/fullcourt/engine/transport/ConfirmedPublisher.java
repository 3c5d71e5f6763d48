package fullcourt.engine.transport;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sends through an {@link Emitter} and completes when Pub/Sub has confirmed the publish. */
public final class ConfirmedPublisher {

    private ConfirmedPublisher() {
    }

    /** Publishes to the channel's topic, or to {@code topic} when not null. */
    public static CompletionStage<Void> send(Emitter<Object> emitter, Object payload, Map<String, String> attributes,
                                             String topic) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message<Object> message = Message.of(payload, Metadata.of(new OutgoingPubSubMetadata(topic, attributes)),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
