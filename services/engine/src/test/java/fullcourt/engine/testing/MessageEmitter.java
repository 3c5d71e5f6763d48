package fullcourt.engine.testing;

import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * An outgoing channel for tests: a subclass says what becomes of each message ({@link #send(Message)}); the rest of
 * the Emitter contract is an always-open channel. Code under test sends messages with metadata, never bare payloads.
 */
public abstract class MessageEmitter implements Emitter<Object> {

    @Override
    public CompletionStage<Void> send(Object payload) {
        throw new UnsupportedOperationException("Fullcourt sends messages with metadata (ConfirmedPublisher)");
    }

    @Override
    public abstract <M extends Message<? extends Object>> void send(M message);

    @Override
    public void complete() {
    }

    @Override
    public void error(Exception e) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean hasRequests() {
        return true;
    }
}
