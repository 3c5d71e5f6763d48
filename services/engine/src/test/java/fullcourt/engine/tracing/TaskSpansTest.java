package fullcourt.engine.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.messages.DateWork;
import fullcourt.messages.TaskEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spans of a task's trace and how they link, with an in-memory SDK: no broker, no Quarkus. */
class TaskSpansTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final TaskSpans spans = new TaskSpans(OpenTelemetrySdk.builder().setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build());
    private final DateWork work = DateWork.of("run-1", "alpha/2024-03-01", "alpha", LocalDate.of(2024, 3, 1), 3);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void theWorkersSpanAndTheEventsHandlingFollowTheDispatchInOneTrace() {
        Span dispatch = spans.dispatch(work);
        Map<String, String> workAttributes = spans.attributes(work.attributes(), dispatch);
        dispatch.end();
        Span run = spans.run(work, workAttributes, 2);
        TaskEvent started = TaskEvent.started(work, 2, Instant.parse("2024-03-02T08:00:00Z"), "v1");
        Map<String, String> eventAttributes = spans.attributes(started.attributes(), run);
        run.end();
        spans.eventHandling(eventAttributes).end();

        SpanData d = span("dispatch alpha");
        SpanData r = span("process alpha");
        SpanData h = span("handle STARTED");
        assertThat(d.getParentSpanContext().isValid()).isFalse();
        assertThat(d.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(r.getTraceId()).isEqualTo(d.getTraceId());
        assertThat(r.getParentSpanId()).isEqualTo(d.getSpanId());
        assertThat(h.getTraceId()).isEqualTo(d.getTraceId());
        assertThat(h.getParentSpanId()).isEqualTo(r.getSpanId());
        assertThat(h.getAttributes().get(TaskSpans.EVENT)).isEqualTo("STARTED");
        for (SpanData task : new SpanData[] {d, r}) {
            assertThat(task.getAttributes().get(TaskSpans.RUN_ID)).isEqualTo("run-1");
            assertThat(task.getAttributes().get(TaskSpans.PROCESSOR)).isEqualTo("alpha");
            assertThat(task.getAttributes().get(TaskSpans.DATE)).isEqualTo("2024-03-01");
            assertThat(task.getAttributes().get(TaskSpans.DISPATCH)).isEqualTo(3L);
        }
        assertThat(r.getAttributes().get(TaskSpans.DELIVERY_ATTEMPT)).isEqualTo(2L);
    }

    @Test
    void aDispatchStartsANewTraceEvenInsideAnotherSpan() {
        Span outer = spans.eventHandling(Map.of("type", "SUCCEEDED"));
        try (Scope scope = outer.makeCurrent()) {
            spans.dispatch(work).end();
        }
        outer.end();
        SpanData d = span("dispatch alpha");
        assertThat(d.getParentSpanContext().isValid()).isFalse();
        assertThat(d.getTraceId()).isNotEqualTo(span("handle SUCCEEDED").getTraceId());
    }

    @Test
    void workWithoutTraceAttributesRunsInANewTrace() {
        spans.run(work, Map.of("runId", "run-1"), 1).end();
        spans.run(work, Map.of("runId", "run-1", "traceparent", "not a traceparent"), 1).end();

        assertThat(exported.getFinishedSpanItems()).hasSize(2).allSatisfy(s -> {
            assertThat(s.getParentSpanContext().isValid()).isFalse();
            assertThat(s.getSpanContext().isValid()).isTrue();
        });
    }

    @Test
    void aFailedSpanHasErrorStatusWithTheErrorsFirstLine() {
        Span run = spans.run(work, Map.of(), 1);
        TaskSpans.failed(run, "division by zero\n  at Model.java:12", new ArithmeticException("division by zero"));
        run.end();

        SpanData r = span("process alpha");
        assertThat(r.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(r.getStatus().getDescription()).isEqualTo("division by zero");
        assertThat(r.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    }

    private SpanData span(String name) {
        return exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + exported.getFinishedSpanItems()));
    }
}
