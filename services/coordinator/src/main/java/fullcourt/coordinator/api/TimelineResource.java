package fullcourt.coordinator.api;

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
    public RunTimeline timeline(@PathParam("runId") String runId, @QueryParam("rows") String rows) {
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
