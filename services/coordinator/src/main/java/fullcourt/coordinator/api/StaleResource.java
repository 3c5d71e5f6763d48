package fullcourt.coordinator.api;

import fullcourt.coordinator.lineage.LineageService;
import fullcourt.engine.catalog.Catalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /stale[?from=D&to=D&processor=P&phase=N&limit=N]}: the stale partitions of the warehouse
 * now, with their reasons (the CLI's {@code status --stale}, the dashboard's Freshness panel).
 * Judged on the request's worker thread from the warehouse's lineage, never on the coordinator loop.
 */
@Path("/stale")
@Produces(MediaType.APPLICATION_JSON)
public class StaleResource {

    @Inject
    LineageService lineage;
    @Inject
    Catalog catalog;

    @GET
    public StaleView stale(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("processor") String processor, @QueryParam("phase") String phase,
                           @QueryParam("limit") String limit) {
        StaleQuery query = StaleQuery.parse(from, to, processor, phase, limit, catalog);
        return StaleView.of(lineage.staleness(), query, catalog);
    }
}
