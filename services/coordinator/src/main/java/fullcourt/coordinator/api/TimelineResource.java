package fullcourt.coordinator.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.activity.RunTimeline;
import fullcourt.engine.catalog.Catalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/**
 * {@code GET /runs/{runId}/timeline[?rows=N]}: when each phase of each date (or bucket of dates, at most N rows,
 * default {@value #DEFAULT_ROWS}) started and finished, from the coordinator's state of the run.
 */
@Path("/runs/{runId}/timeline")
@Tag(name = "runs")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    static final int DEFAULT_ROWS = 60;

    @Inject
    Coordinator coordinator;
    @Inject
    Catalog catalog;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "A run's timeline",
            description = "When each phase of each date (or bucket of consecutive dates) was first dispatched and last"
                    + " finished, with its task counts: per-date chaining made visible. From the coordinator's state.")
    @APIResponse(responseCode = "200", description = "The timeline, one row per date or bucket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.TIMELINE)))
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = "{\"message\": \"rows: expected a whole number from 1 to 500, got 'all'\"}")))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    public RunTimeline timeline(
            @Parameter(description = "The run's id", example = ApiExamples.RUN_ID) @PathParam("runId") String runId,
            @Parameter(description = "Rows at most (dates are grouped into buckets beyond it; default 60, at most 500)",
                    example = "60") @QueryParam("rows") String rows) {
        int maxRows = rows(rows);
        return coordinator.read(s -> s.run(runId).map(r -> RunTimeline.of(r, catalog, maxRows, clock.instant())))
                .orElseThrow(() -> new NotFoundException("no run '" + runId + "' (list runs with: fullcourt status)"));
    }

    private static int rows(String rows) {
        if (rows == null || rows.isBlank()) {
            return DEFAULT_ROWS;
        }
        try {
            int n = Integer.parseInt(rows.strip());
            if (n >= 1 && n <= RunTimeline.MAX_ROWS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadParameter("rows: expected a whole number from 1 to " + RunTimeline.MAX_ROWS + ", got '" + rows
                + "'");
    }
}
