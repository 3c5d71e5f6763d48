package fullcourt.coordinator.api;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.AdaptiveLimit;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.engine.catalog.Catalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The coordinator's status and control API, used by the CLI and the dashboard. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    Coordinator coordinator;
    @Inject
    Clock clock;
    @Inject
    Catalog catalog;

    @GET
    public List<RunView> runs() {
        return coordinator.read(s -> s.runs().stream()
                .map(r -> RunView.of(r, clock.instant(), false, inFlight(s), catalog)).toList());
    }

    @GET
    @Path("/{runId}")
    public RunView run(@PathParam("runId") String runId) {
        return coordinator.read(s -> s.run(runId).map(r -> RunView.of(r, clock.instant(), true, inFlight(s), catalog)))
                .orElseThrow(() -> unknown(runId));
    }

    @GET
    @Path("/{runId}/tasks")
    public List<TaskView> tasks(@PathParam("runId") String runId, @QueryParam("status") TaskStatus status) {
        return coordinator.read(s -> s.run(runId).map(r -> r.tasks().stream()
                        .filter(t -> status == null || t.status() == status)
                        .map(t -> TaskView.of(t, List.of())).toList()))
                .orElseThrow(() -> unknown(runId));
    }

    @GET
    @Path("/{runId}/tasks/{processor}/{date}")
    public TaskView task(@PathParam("runId") String runId, @PathParam("processor") String processor,
                         @PathParam("date") java.time.LocalDate date) {
        TaskKey key = TaskKey.parse(processor + "/" + date);
        Optional<TaskRecord> task = coordinator.read(s -> s.run(runId).map(r -> r.task(key)));
        TaskRecord t = task.orElseThrow(() -> new NotFoundException("run " + runId + " has no task " + key));
        return TaskView.of(t, coordinator.history(runId, key));
    }

    /** The run's tasks as a dates x processors grid of states: what the dashboard draws. */
    @GET
    @Path("/{runId}/grid")
    public GridView grid(@PathParam("runId") String runId) {
        return coordinator.read(s -> s.run(runId).map(r -> GridView.of(r, catalog))).orElseThrow(() -> unknown(runId));
    }

    @POST
    @Path("/{runId}/replay")
    public Map<String, Object> replay(@PathParam("runId") String runId, ReplayRequest body,
                                      @HeaderParam(StateChangeGuard.HEADER) String client) {
        RunStatus status = coordinator.read(s -> s.run(runId).map(RunState::status)).orElseThrow(() -> unknown(runId));
        if (status == RunStatus.CANCELLING || status == RunStatus.CANCELLED) {
            throw refused("run " + runId + " is " + status + ": a cancelled run dispatches nothing more; request its"
                    + " dates again (with --missing-only to skip what finished)");
        }
        var processors = new HashSet<>(body == null || body.processors() == null ? List.of() : body.processors());
        var dates = new HashSet<>(body == null || body.dates() == null ? List.<java.time.LocalDate>of() : body.dates());
        int replayed = coordinator.replay(runId, processors, dates, client);
        return Map.of("runId", runId, "replayed", replayed);
    }

    @POST
    @Path("/{runId}/cancel")
    public Map<String, Object> cancel(@PathParam("runId") String runId,
                                      @HeaderParam(StateChangeGuard.HEADER) String client) {
        return act(runId, id -> coordinator.cancel(id, client), "cancelled", true);
    }

    /** Nothing new of the run is dispatched until it is resumed; tasks in flight finish. */
    @POST
    @Path("/{runId}/pause")
    public Map<String, Object> pause(@PathParam("runId") String runId,
                                     @HeaderParam(StateChangeGuard.HEADER) String client) {
        return act(runId, id -> coordinator.pause(id, client), "paused", true);
    }

    /** The same run dispatches again. */
    @POST
    @Path("/{runId}/resume")
    public Map<String, Object> resume(@PathParam("runId") String runId,
                                      @HeaderParam(StateChangeGuard.HEADER) String client) {
        return act(runId, id -> coordinator.resume(id, client), "paused", false);
    }

    /** An action on the whole run: 404 for an unknown run, 409 with the coordinator's reason when it is refused. */
    private Map<String, Object> act(String runId, Function<String, Optional<String>> action, String field,
                                    boolean value) {
        requireRun(runId);
        action.apply(runId).ifPresent(reason -> {
            throw refused(reason);
        });
        return Map.of("runId", runId, field, value);
    }

    private RunView.InFlightView inFlight(Scheduler s) {
        AdaptiveLimit limit = coordinator.adaptiveLimit();
        return new RunView.InFlightView(s.inFlightCount(), s.globalLimit(), limit.configured(), limit.quotaErrors());
    }

    private void requireRun(String runId) {
        if (coordinator.read(s -> s.run(runId).map(RunState::runId)).isEmpty()) {
            throw unknown(runId);
        }
    }

    /** 409: the run is not in a state where the action makes sense; the body says why. */
    private static WebApplicationException refused(String reason) {
        return new WebApplicationException(reason, Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON).entity(Map.of("message", reason)).build());
    }

    private static NotFoundException unknown(String runId) {
        return new NotFoundException("no run '" + runId + "' (list runs with: fullcourt status)");
    }
}
