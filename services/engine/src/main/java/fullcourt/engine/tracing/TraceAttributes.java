package fullcourt.engine.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trace context of a Pub/Sub message, carried in its attributes ({@code traceparent}, {@code tracestate}: W3C
 * Trace Context) by the application's propagator: how one task's trace crosses from the coordinator to a worker and
 * back. The only place that reads or writes those attributes.
 */
public final class TraceAttributes {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> attributes) {
            return attributes.keySet();
        }

        @Override
        public String get(Map<String, String> attributes, String key) {
            return attributes == null ? null : attributes.get(key);
        }
    };

    private final TextMapPropagator propagator;

    public TraceAttributes(TextMapPropagator propagator) {
        this.propagator = propagator;
    }

    /** {@code attributes} plus the trace context of {@code context}; {@code attributes} itself is left as it was. */
    public Map<String, String> with(Map<String, String> attributes, Context context) {
        Map<String, String> out = new LinkedHashMap<>(attributes);
        propagator.inject(context, out, Map::put);
        return out;
    }

    /**
     * The context a message's attributes carry, on top of the root context (never the receiving thread's): the root
     * itself when they carry none, or one the propagator cannot read (a span started on it begins a new trace).
     */
    public Context extract(Map<String, String> attributes) {
        return attributes == null || attributes.isEmpty() ? Context.root()
                : propagator.extract(Context.root(), attributes, GETTER);
    }
}
