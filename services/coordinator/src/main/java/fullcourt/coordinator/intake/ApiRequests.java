package fullcourt.coordinator.intake;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.lineage.LineageService;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.coordinator.trust.RequestSize;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequestValidator;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RequestLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Backfill requests sent to the coordinator's API (the dashboard's form) instead of published on
 * {@code backfill-requests}, answered in the response. A dry run is planned here, off the loop, as the
 * coordinator plans a published one, and nothing is recorded. Any other request is checked and planned
 * the same way first, so a refusal comes back with its reasons; then it goes to the loop through the path a
 * published request takes ({@link Coordinator#handleRequest}), which plans it again, records it, answers on
 * {@code run-events} as usual and dispatches.
 */
@ApplicationScoped
public class ApiRequests {

    private static final long ACCEPT_TIMEOUT_SECONDS = 60;

    /** How the coordinator answered: {@code plan} when planned, {@code reasons} when not. */
    public record Answer(Outcome outcome, String runId, String plan, List<String> reasons) {
    }

    /** DRY_RUN and ACCEPTED planned the request; REJECTED is bad input; REFUSED conflicts with a run. */
    public enum Outcome {
        DRY_RUN, ACCEPTED, REJECTED, REFUSED
    }

    @Inject
    Coordinator coordinator;
    @Inject
    LineageService lineage;
    @Inject
    Warehouse warehouse;
    @Inject
    Catalog catalog;
    @Inject
    CoordinatorConfig config;
    @Inject
    Clock clock;

    /** Answers the request in {@code body} (a BackfillRequest as JSON), starting its run unless it is a dry run. */
    public Answer submit(byte[] body) {
        BackfillRequest request;
        try {
            request = new PlatformDay(clock, config.timeZone()).resolve(MessageCodec.decode(body, BackfillRequest.class));
        } catch (InvalidMessageException e) {
            return new Answer(Outcome.REJECTED, null, null, e.problems());
        }
        String runId = request.requestId();
        List<String> problems = new ArrayList<>(BackfillRequestValidator.validate(request,
                new RequestLimits(config.maxRangeDays(), config.maxDates()), catalog.names()));
        RequestSize.problem(request).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return new Answer(Outcome.REJECTED, runId, null, problems);
        }
        Optional<RunStatus> existing = coordinator.read(s -> s.run(runId).map(RunState::status));
        if (existing.isPresent()) {
            return new Answer(Outcome.REFUSED, runId, null, List.of("request id " + runId + " is run " + runId
                    + " already (" + existing.get() + "): the request id is the run id, give another"));
        }
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        Plan plan = new Planner(catalog).plan(request,
                lineage.states(calendar, request.mode() == BackfillRequest.Mode.STALE), calendar);
        if (plan.isRefused()) {
            return new Answer(Outcome.REJECTED, runId, null, plan.refusalReasons());
        }
        if (request.dryRun()) {
            return new Answer(Outcome.DRY_RUN, runId, "DRY RUN, nothing dispatched\n" + plan.describe(), List.of());
        }
        awaitHandled(request);
        return coordinator.read(s -> s.run(runId)).isPresent()
                ? new Answer(Outcome.ACCEPTED, runId, plan.describe(), List.of())
                : new Answer(Outcome.REFUSED, runId, null, List.of("the coordinator planned request " + runId
                        + " again and did not accept it: its reasons are in its log and on run-events"));
    }

    private void awaitHandled(BackfillRequest request) {
        byte[] encoded = MessageCodec.encode(request);
        try {
            coordinator.submit(() -> coordinator.handleRequest(encoded, "api-" + request.requestId()))
                    .toCompletableFuture().get(ACCEPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the coordinator did not take request " + request.requestId() + " within "
                    + ACCEPT_TIMEOUT_SECONDS + " s: see fullcourt status " + request.requestId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
