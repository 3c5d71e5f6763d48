package fullcourt.coordinator.api;

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
    public ActivityView activity(@QueryParam("after") String after) {
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
