package fullcourt.engine.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceAttributesTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private final TraceAttributes traces = new TraceAttributes(W3CTraceContextPropagator.getInstance());

    @Test
    void injectThenExtractGivesTheSameContext() {
        Context sent = Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "value").build())));
        Map<String, String> routing = Map.of("runId", "r1", "processor", "alpha");

        Map<String, String> attributes = traces.with(routing, sent);

        // W3C: version 00, trace id, parent (span) id, flags 01 = sampled
        assertThat(attributes).containsEntry("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01")
                .containsEntry("tracestate", "vendor=value")
                .containsEntry("runId", "r1").containsEntry("processor", "alpha").hasSize(4);
        assertThat(routing).hasSize(2); // the message's own attributes are left alone
        SpanContext received = Span.fromContext(traces.extract(attributes)).getSpanContext();
        assertThat(received.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(received.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(received.isSampled()).isTrue();
        assertThat(received.isRemote()).isTrue();
        assertThat(received.getTraceState().get("vendor")).isEqualTo("value");
    }

    @Test
    void aMessageWithoutTraceAttributesGivesTheRootContext() {
        assertThat(traces.extract(null)).isSameAs(Context.root());
        assertThat(traces.extract(Map.of())).isSameAs(Context.root());
        assertThat(Span.fromContext(traces.extract(Map.of("runId", "r1"))).getSpanContext().isValid()).isFalse();
    }

    @Test
    void extractingNeverInheritsTheReceivingThreadsSpan() {
        Span current = Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));
        try (Scope scope = current.makeCurrent()) {
            assertThat(Span.fromContext(traces.extract(Map.of("runId", "r1"))).getSpanContext().isValid()).isFalse();
        }
    }

    @Test
    void aMalformedTraceparentIsIgnored() {
        for (String malformed : new String[] {"garbage", "00-" + TRACE_ID + "-" + SPAN_ID,
                "00-" + "0".repeat(32) + "-" + SPAN_ID + "-01", "00-" + TRACE_ID + "-" + "0".repeat(16) + "-01",
                "00-" + TRACE_ID.toUpperCase() + "-" + SPAN_ID + "-01", "ff-" + TRACE_ID + "-" + SPAN_ID + "-01", ""}) {
            Map<String, String> attributes = new HashMap<>(Map.of("runId", "r1", "traceparent", malformed));
            assertThat(Span.fromContext(traces.extract(attributes)).getSpanContext().isValid())
                    .as("traceparent '%s'", malformed).isFalse();
        }
    }
}
