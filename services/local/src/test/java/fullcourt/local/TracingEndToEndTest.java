package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fullcourt.engine.tracing.TaskSpans;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.local.pipeline.Faults;
import fullcourt.messages.BackfillRequest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One trace per task across Pub/Sub: the coordinator's dispatch, the worker's run of the task (its child, through the
 * DateWork's attributes) and the coordinator's handling of each TaskEvent (children of the worker's span, through the
 * events' attributes), with the worker's log lines carrying the trace and span ids. Spans come from the application's
 * own exporter bean ({@link InMemorySpans}); the application is shared, so spans are picked by this test's run id.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class TracingEndToEndTest extends PipelineTest {

    private static final String RUN = "traced";
    private static final LocalDate GOOD = LocalDate.of(2022, 11, 15);
    private static final LocalDate BAD = LocalDate.of(2022, 11, 16);

    @Inject
    InMemorySpanExporter exported;

    @Test
    void aTasksTraceRunsFromItsDispatchThroughTheWorkerToTheHandlingOfItsEvents() throws Exception {
        Instant since = Instant.now();
        Faults.fail("alpha", Set.of(BAD), "traced failure");
        driver.publishRequest(BackfillRequest.forRange(RUN, GOOD, BAD).withProcessors(List.of("alpha"))
                .withCascade(false));
        driver.awaitFinished(RUN, Duration.ofSeconds(60));

        // the good date: dispatched once, run once, its events handled, all in one trace
        SpanData dispatch = await().atMost(Duration.ofSeconds(10)).until(() -> only(taskSpans("dispatch alpha", GOOD)),
                s -> s != null);
        assertThat(dispatch.getParentSpanContext().isValid()).isFalse();
        assertThat(dispatch.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(dispatch.getAttributes().get(TaskSpans.DISPATCH)).isEqualTo(1L);
        SpanData run = await().atMost(Duration.ofSeconds(10)).until(() -> only(taskSpans("process alpha", GOOD)),
                s -> s != null);
        assertThat(run.getTraceId()).isEqualTo(dispatch.getTraceId());
        assertThat(run.getParentSpanId()).isEqualTo(dispatch.getSpanId());
        assertThat(run.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(run.getAttributes().get(TaskSpans.RUN_ID)).isEqualTo(RUN);
        assertThat(run.getAttributes().get(TaskSpans.PROCESSOR)).isEqualTo("alpha");
        assertThat(run.getAttributes().get(TaskSpans.DATE)).isEqualTo("2022-11-15");
        assertThat(run.getAttributes().get(TaskSpans.DISPATCH)).isEqualTo(1L);
        assertThat(run.getAttributes().get(TaskSpans.DELIVERY_ATTEMPT)).isEqualTo(1L);
        assertThat(run.getAttributes().get(TaskSpans.EVENT)).isEqualTo("SUCCEEDED");
        assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        // its STARTED is a message of its own only when the attempt outlived fullcourt.worker.started-after (a slow
        // machine); otherwise the SUCCEEDED carried the start
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(childrenOf(run))
                .extracting(SpanData::getName).contains("handle SUCCEEDED").doesNotHaveDuplicates()
                .isSubsetOf("handle STARTED", "handle SUCCEEDED"));

        // the bad date: every attempt a child of its one dispatch, each failed with the processor's error
        SpanData badDispatch = only(taskSpans("dispatch alpha", BAD));
        List<SpanData> attempts = taskSpans("process alpha", BAD);
        assertThat(attempts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getTraceId()).isEqualTo(badDispatch.getTraceId());
            assertThat(a.getParentSpanId()).isEqualTo(badDispatch.getSpanId());
            assertThat(a.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(a.getStatus().getDescription()).endsWith("traced failure");
            assertThat(a.getAttributes().get(TaskSpans.EVENT)).isEqualTo("ATTEMPT_FAILED");
        });
        assertThat(badDispatch.getTraceId()).isNotEqualTo(dispatch.getTraceId());

        // the worker's log line about the good task carries the ids of its span
        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> JsonLog.linesSince(since).stream()
                .filter(l -> l.path("message").asText().startsWith("alpha 2022-11-15: SUCCEEDED")).findFirst()
                .orElse(null), l -> l != null);
        assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(run.getTraceId());
        assertThat(line.path("mdc").path("spanId").asText()).isEqualTo(run.getSpanId());
        assertThat(line.path("mdc").path("runId").asText()).isEqualTo(RUN);
    }

    /** The finished spans named {@code name} about this test's run on {@code date}. */
    private List<SpanData> taskSpans(String name, LocalDate date) {
        return exported.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name) && RUN.equals(s.getAttributes().get(TaskSpans.RUN_ID))
                        && date.toString().equals(s.getAttributes().get(TaskSpans.DATE)))
                .toList();
    }

    private List<SpanData> childrenOf(SpanData parent) {
        return exported.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(parent.getTraceId()) && s.getParentSpanId().equals(parent.getSpanId()))
                .toList();
    }

    /** The one span of {@code spans}, or null while there is none; more than one fails. */
    private static SpanData only(List<SpanData> spans) {
        assertThat(spans).hasSizeLessThanOrEqualTo(1);
        return spans.isEmpty() ? null : spans.get(0);
    }
}
