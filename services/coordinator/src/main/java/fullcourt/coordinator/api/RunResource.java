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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "runs", description = "Runs and their tasks: status, grid, and the actions (replay, cancel, pause, resume)")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    Coordinator coordinator;
    @Inject
    Clock clock;
    @Inject
    Catalog catalog;

    @GET
    @Operation(summary = "List runs",
            description = "Every run the coordinator's ledger holds, newest state first, without per-task detail.")
    @APIResponse(responseCode = "200", description = "The runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.RUNS)))
    public List<RunView> runs() {
        return coordinator.read(s -> s.runs().stream()
                .map(r -> RunView.of(r, clock.instant(), false, inFlight(s), catalog)).toList());
    }

    @GET
    @Operation(summary = "Show a run",
            description = "State, counts per processor and phase, throughput, ETA, dead tasks with their errors, "
                    + "zero-row tasks, in-flight limit.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.RUN)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @Path("/{runId}")
    public RunView run(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId) {
        return coordinator.read(s -> s.run(runId).map(r -> RunView.of(r, clock.instant(), true, inFlight(s), catalog)))
                .orElseThrow(() -> unknown(runId));
    }

    @GET
    @Operation(summary = "List a run's tasks",
            description = "Every task of the run in plan order, optionally only those in one status.")
    @APIResponse(responseCode = "200", description = "The tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.TASKS)))
    @APIResponse(responseCode = "400", description = "Unknown status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = ApiExamples.BAD_STATUS)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @Path("/{runId}/tasks")
    public List<TaskView> tasks(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId,
            @Parameter(description = "Only tasks in this status") @QueryParam("status") TaskStatus status) {
        return coordinator.read(s -> s.run(runId).map(r -> r.tasks().stream()
                        .filter(t -> status == null || t.status() == status)
                        .map(t -> TaskView.of(t, List.of())).toList()))
                .orElseThrow(() -> unknown(runId));
    }

    @GET
    @Operation(summary = "Show one task",
            description = "The task with its timings, its ledger history and the attempts read from it.")
    @APIResponse(responseCode = "200", description = "The task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.TASK)))
    @APIResponse(responseCode = "400", description = "Not a date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = ApiExamples.BAD_DATE)))
    @APIResponse(responseCode = "404", description = "No such run, or the run has no such task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @Path("/{runId}/tasks/{processor}/{date}")
    public TaskView task(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId,
            @Parameter(description = "A processor of the catalog", example = "player_game_summary")
            @PathParam("processor") String processor,
            @Parameter(description = "The task's date", example = "2024-01-15")
            @PathParam("date") java.time.LocalDate date) {
        TaskKey key = TaskKey.parse(processor + "/" + date);
        Optional<TaskRecord> task = coordinator.read(s -> s.run(runId).map(r -> r.task(key)));
        TaskRecord t = task.orElseThrow(() -> new NotFoundException("run " + runId + " has no task " + key));
        return TaskView.of(t, coordinator.history(runId, key));
    }

    /** The run's tasks as a dates x processors grid of states: what the dashboard draws. */
    @GET
    @Operation(summary = "A run as a dates x processors grid",
            description = "One character per date and processor: the index of the task's status in statuses, "
                    + "or '.' where the processor has no task.")
    @APIResponse(responseCode = "200", description = "The grid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.GRID)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @Path("/{runId}/grid")
    public GridView grid(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId) {
        return coordinator.read(s -> s.run(runId).map(r -> GridView.of(r, catalog))).orElseThrow(() -> unknown(runId));
    }

    @POST
    @Operation(summary = "Replay dead tasks",
            description = "Re-dispatches the run's DEAD tasks (all, or those of the listed processors and dates) and "
                    + "unblocks their downstream. Needs the X-Fullcourt-Client header and a JSON body.")
    @APIResponse(responseCode = "200", description = "How many were replayed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.REPLAYED)))
    @APIResponse(responseCode = "400", description = "A body that is not the expected JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = ApiExamples.BAD_BODY)))
    @APIResponse(responseCode = "403",
            description = "Without the X-Fullcourt-Client header (415: without a JSON body); nothing changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "403", value = ApiExamples.NOT_JSON)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @APIResponse(responseCode = "409", description = "The run is not in a state for this action; the message says why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "409", value = ApiExamples.REFUSED)))
    @Path("/{runId}/replay")
    public Map<String, Object> replay(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId,
            @RequestBody(description = "Which dead tasks: empty lists or {} mean all",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "some", value = ApiExamples.REPLAY)))
            ReplayRequest body,
            @Parameter(description = "Any non-blank value (the CLI sends cli); recorded as who asked",
                    required = true, example = "cli")
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
    @Operation(summary = "Cancel a run",
            description = "Stops dispatching its remaining tasks; tasks in flight finish. Needs the X-Fullcourt-Client "
                    + "header and a JSON body ({}).")
    @APIResponse(responseCode = "200", description = "Cancelling",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.CANCELLED)))
    @APIResponse(responseCode = "403",
            description = "Without the X-Fullcourt-Client header (415: without a JSON body); nothing changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "403", value = ApiExamples.NOT_JSON)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @APIResponse(responseCode = "409", description = "The run is not in a state for this action; the message says why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "409", value = ApiExamples.REFUSED)))
    @Path("/{runId}/cancel")
    public Map<String, Object> cancel(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId,
            @Parameter(description = "Any non-blank value (the CLI sends cli); recorded as who asked",
                    required = true, example = "cli")
            @HeaderParam(StateChangeGuard.HEADER) String client) {
        return act(runId, id -> coordinator.cancel(id, client), "cancelled", true);
    }

    /** Nothing new of the run is dispatched until it is resumed; tasks in flight finish. */
    @POST
    @Operation(summary = "Pause a run",
            description = "Nothing new of the run is dispatched until it is resumed; tasks in flight finish.")
    @APIResponse(responseCode = "200", description = "Paused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.PAUSED)))
    @APIResponse(responseCode = "403",
            description = "Without the X-Fullcourt-Client header (415: without a JSON body); nothing changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "403", value = ApiExamples.NOT_JSON)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @APIResponse(responseCode = "409", description = "The run is not in a state for this action; the message says why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "409", value = ApiExamples.REFUSED)))
    @Path("/{runId}/pause")
    public Map<String, Object> pause(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId,
            @Parameter(description = "Any non-blank value (the CLI sends cli); recorded as who asked",
                    required = true, example = "cli")
            @HeaderParam(StateChangeGuard.HEADER) String client) {
        return act(runId, id -> coordinator.pause(id, client), "paused", true);
    }

    /** The same run dispatches again. */
    @POST
    @Operation(summary = "Resume a paused run", description = "The same run dispatches again.")
    @APIResponse(responseCode = "200", description = "Resumed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.RESUMED)))
    @APIResponse(responseCode = "403",
            description = "Without the X-Fullcourt-Client header (415: without a JSON body); nothing changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "403", value = ApiExamples.NOT_JSON)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "404", value = ApiExamples.NO_RUN)))
    @APIResponse(responseCode = "409", description = "The run is not in a state for this action; the message says why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "409", value = ApiExamples.REFUSED)))
    @Path("/{runId}/resume")
    public Map<String, Object> resume(
            @Parameter(description = "The run's id (a request's requestId)", example = ApiExamples.RUN_ID)
            @PathParam("runId") String runId,
            @Parameter(description = "Any non-blank value (the CLI sends cli); recorded as who asked",
                    required = true, example = "cli")
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
        List<RunView.TableInFlightView> tables = s.tableLimits().views().values().stream()
                .map(t -> new RunView.TableInFlightView(t.table(), s.inFlightOfTable(t.table()), t.limit(),
                        t.configured(), t.quotaErrors()))
                .toList();
        return new RunView.InFlightView(s.inFlightCount(), s.globalLimit(), limit.configured(), limit.quotaErrors(),
                tables);
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
