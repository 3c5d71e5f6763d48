package fullcourt.coordinator.api;

import fullcourt.coordinator.lineage.LineageService;
import fullcourt.engine.catalog.Catalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /stale[?from=D&to=D&processor=P&phase=N&limit=N]}: the stale partitions of the warehouse
 * now, with their reasons (the CLI's {@code status --stale}, the dashboard's Freshness panel).
 * Judged on the request's worker thread from the warehouse's lineage, never on the coordinator loop.
 */
@Path("/stale")
@Tag(name = "warehouse", description = "What is true in the warehouse, independent of runs: staleness and validation")
@Produces(MediaType.APPLICATION_JSON)
public class StaleResource {

    @Inject
    LineageService lineage;
    @Inject
    Catalog catalog;

    @GET
    @Operation(summary = "Stale partitions",
            description = "The warehouse's stale partitions now (missing, a changed version, or an input that changed),"
                    + " with their reasons, counts by processor and a dates x processors grid; from the lineage.")
    @APIResponse(responseCode = "200", description = "The stale partitions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.STALE)))
    @APIResponse(responseCode = "400", description = "A bad parameter; the message lists every problem",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = "{\"message\": \"from: expected a date YYYY-MM-DD, got 'yesterday-ish'\"}")))
    public StaleView stale(
            @Parameter(description = "First date (default: the calendar's first game date)", example = "2023-10-24")
            @QueryParam("from") String from,
            @Parameter(description = "Last date (default: the calendar's last game date)", example = "2024-04-14")
            @QueryParam("to") String to,
            @Parameter(description = "Only this processor", example = "player_game_summary")
            @QueryParam("processor") String processor,
            @Parameter(description = "Only this phase (3 to 6)", example = "4")
            @QueryParam("phase") String phase,
            @Parameter(description = "Partitions listed at most (default 500, at most 50000)", example = "100")
            @QueryParam("limit") String limit) {
        StaleQuery query = StaleQuery.parse(from, to, processor, phase, limit, catalog);
        return StaleView.of(lineage.staleness(), query, catalog);
    }
}
