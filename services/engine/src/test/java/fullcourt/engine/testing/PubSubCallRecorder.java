package fullcourt.engine.testing;

import static org.awaitility.Awaitility.await;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import fullcourt.engine.transport.PubSubClientInterceptor;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every Pub/Sub call a service makes: its gRPC method ({@code google.pubsub.v1.Subscriber/Pull}) and the
 * topic or subscription its request names, as sent. A module's tests enable a bean of it (an alternative) in the
 * profile of the test that reads it.
 */
public class PubSubCallRecorder implements PubSubClientInterceptor {

    /** One call: the full gRPC method name and the resource its request names (the full resource name). */
    public record Call(String method, String resource) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void sendMessage(Q message) {
                calls.add(new Call(method.getFullMethodName(), resourceOf(message)));
                super.sendMessage(message);
            }
        };
    }

    /** The request's {@code subscription}, else {@code topic}, else {@code name} (a Topic or Subscription created). */
    static String resourceOf(Object request) {
        if (request instanceof Message m) {
            for (String field : List.of("subscription", "topic", "name")) {
                FieldDescriptor f = m.getDescriptorForType().findFieldByName(field);
                if (f != null && f.getType() == FieldDescriptor.Type.STRING && !((String) m.getField(f)).isEmpty()) {
                    return (String) m.getField(f);
                }
            }
        }
        return "";
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * The calls from the service's start until it reports {@code ready} (its {@code /q/health/ready} answers 200) and
     * it has asked for each of {@code needs} at least once (its pullers have all pulled): whatever it asks for at
     * start, it asked by then.
     */
    public List<Call> untilReadyAndAsked(BooleanSupplier ready, List<String> needs) {
        await().atMost(Duration.ofSeconds(60)).until(ready::getAsBoolean);
        await().atMost(Duration.ofSeconds(60)).until(() -> PubSubPermissions.needs(calls()).containsAll(needs));
        return calls();
    }
}
