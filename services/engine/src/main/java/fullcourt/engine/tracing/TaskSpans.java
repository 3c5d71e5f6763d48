package fullcourt.engine.tracing;

import fullcourt.messages.DateWork;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The spans of one task's trace: the coordinator's dispatch (the root), the worker's run of it (a child, through the
 * work message's attributes) and the coordinator's handling of each TaskEvent the worker sent back (a child of the
 * worker's span, through the event's attributes). With the OpenTelemetry SDK disabled every span is a no-op.
 */
@Singleton
public class TaskSpans {

    public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("fullcourt.run_id");
    public static final AttributeKey<String> PROCESSOR = AttributeKey.stringKey("fullcourt.processor");
    public static final AttributeKey<String> DATE = AttributeKey.stringKey("fullcourt.date");
    public static final AttributeKey<Long> DISPATCH = AttributeKey.longKey("fullcourt.dispatch");
    public static final AttributeKey<Long> DELIVERY_ATTEMPT = AttributeKey.longKey("fullcourt.delivery_attempt");
    public static final AttributeKey<String> EVENT = AttributeKey.stringKey("fullcourt.event");
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");

    private final Tracer tracer;
    private final TraceAttributes attributes;

    @Inject
    public TaskSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("fullcourt");
        this.attributes = new TraceAttributes(openTelemetry.getPropagators().getTextMapPropagator());
    }

    /** The start of a task's trace, when the coordinator publishes its DateWork; ended once Pub/Sub confirmed it. */
    public Span dispatch(DateWork work) {
        return task(tracer.spanBuilder("dispatch " + work.processor()).setNoParent().setSpanKind(SpanKind.PRODUCER),
                work);
    }

    /** The worker's run of {@code work}, a child of the dispatch whose context {@code messageAttributes} carry. */
    public Span run(DateWork work, Map<String, String> messageAttributes, int deliveryAttempt) {
        return task(tracer.spanBuilder("process " + work.processor()).setParent(attributes.extract(messageAttributes))
                .setSpanKind(SpanKind.CONSUMER).setAttribute(DELIVERY_ATTEMPT, (long) deliveryAttempt), work);
    }

    /** The coordinator's handling of a TaskEvent, a child of the worker's span whose context the event carries. */
    public Span eventHandling(Map<String, String> messageAttributes) {
        String type = messageAttributes.getOrDefault("type", "unknown");
        return tracer.spanBuilder("handle " + type).setParent(attributes.extract(messageAttributes))
                .setSpanKind(SpanKind.CONSUMER).setAttribute(MESSAGING_SYSTEM, "gcp_pubsub").setAttribute(EVENT, type)
                .startSpan();
    }

    /** A message's attributes with the trace context of {@code span} added, to publish it in that span's trace. */
    public Map<String, String> attributes(Map<String, String> messageAttributes, Span span) {
        return attributes.with(messageAttributes, Context.root().with(span));
    }

    /** Marks {@code span} failed, with the first line of {@code error} (the rest is in the log and the ledger). */
    public static void failed(Span span, String error, Throwable cause) {
        span.setStatus(StatusCode.ERROR, error == null ? "" : error.lines().findFirst().orElse(""));
        if (cause != null) {
            span.recordException(cause);
        }
    }

    private static Span task(SpanBuilder span, DateWork work) {
        return span.setAttribute(MESSAGING_SYSTEM, "gcp_pubsub").setAttribute(RUN_ID, work.runId())
                .setAttribute(PROCESSOR, work.processor())
                .setAttribute(DATE, work.date() == null ? "" : work.date().toString())
                .setAttribute(DISPATCH, (long) work.dispatch()).startSpan();
    }
}
