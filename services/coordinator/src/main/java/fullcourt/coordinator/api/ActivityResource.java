package fullcourt.coordinator.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fullcourt.coordinator.activity.ActivitySampler;
import fullcourt.coordinator.activity.ActivitySamples;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /activity[?after=INSTANT]}: the coordinator's recent samples (tasks finished per second by phase,
 * tasks in flight against the global limit), oldest first; with {@code after}, only those taken later, so a
 * page polling it fetches what is new.
 */
@Path("/activity")
@Tag(name = "runs")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    /** The samples, how far apart they are taken and how many are kept, and the catalog's phases. */
    public record ActivityView(long intervalMillis, int kept, List<Integer> phases,
                               List<ActivitySamples.Sample> samples) {
    }

    @Inject
    ActivitySampler sampler;
    @Inject
    Catalog catalog;

    @GET
    @Operation(summary = "Recent activity",
            description = "The coordinator's recent samples, oldest first: tasks finished per second by phase, and tasks"
                    + " in flight against the adaptive and the configured limit. Sampled in memory, never from the ledger.")
    @APIResponse(responseCode = "200", description = "The samples",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.ACTIVITY)))
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = "{\"message\": \"after: expected an instant such as 2024-04-01T12:00:00Z, got 'now'\"}")))
    public ActivityView activity(
            @Parameter(description = "Only samples taken after this instant (what a polling page has not seen)",
                    example = "2024-05-01T09:00:00Z") @QueryParam("after") String after) {
        Instant since = null;
        if (after != null && !after.isBlank()) {
            try {
                since = Instant.parse(after.strip());
            } catch (DateTimeParseException e) {
                throw new BadParameter("after: expected an instant such as 2024-04-01T12:00:00Z, got '" + after + "'");
            }
        }
        List<Integer> phases = catalog.all().stream().map(ProcessorDeclaration::phase).distinct().sorted().toList();
        return new ActivityView(sampler.interval().toMillis(), sampler.samples().capacity(), phases,
                sampler.samples().after(since));
    }
}
