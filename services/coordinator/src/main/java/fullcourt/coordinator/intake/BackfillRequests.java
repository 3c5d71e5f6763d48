package fullcourt.coordinator.intake;

import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.dispatch.RunBook;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.lineage.LineageService;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.coordinator.trust.MessageScreen;
import fullcourt.coordinator.trust.RequestSize;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequestValidator;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.LogText;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RequestLimits;
import fullcourt.messages.RunEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Backfill requests, handled on the coordinator's loop: resolved, validated, planned and recorded as a run; a bad
 * one becomes a REJECTED run event, never an exception.
 */
public final class BackfillRequests {

    private static final Logger LOG = Logger.getLogger(BackfillRequests.class);

    private final RunBook book;
    private final Planner planner;
    private final Catalog catalog;
    private final Warehouse warehouse;
    private final LineageService lineage;
    private final CoordinatorConfig config;
    private final CoordinatorMetrics metrics;
    private final Clock clock;

    public BackfillRequests(RunBook book, Planner planner, Catalog catalog, Warehouse warehouse,
                            LineageService lineage, CoordinatorConfig config, CoordinatorMetrics metrics,
                            Clock clock) {
        this.book = book;
        this.planner = planner;
        this.catalog = catalog;
        this.warehouse = warehouse;
        this.lineage = lineage;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Resolves, validates, plans and records the request in {@code body}. */
    public void handle(byte[] body, String messageId) {
        BackfillRequest request;
        try {
            request = MessageCodec.decode(body, BackfillRequest.class);
        } catch (InvalidMessageException e) {
            reject("rejected-" + messageId, null, e.problems());
            return;
        }
        request = new PlatformDay(clock, config.timeZone()).resolve(request);
        List<String> problems = new ArrayList<>(BackfillRequestValidator.validate(request,
                new RequestLimits(config.maxRangeDays(), config.maxDates()), catalog.names()));
        RequestSize.problem(request).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            reject(request.requestId(), request.requestId(), problems);
            return;
        }
        String runId = request.requestId();
        try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
            accept(request, runId);
        }
    }

    private void accept(BackfillRequest request, String runId) {
        Optional<RunState> existing = book.scheduler().run(runId);
        if (existing.isPresent()) {
            // answered at once, so a client waiting for an answer to a repeated id is not left to time out
            RunState run = existing.get();
            LOG.infof("Request %s already accepted as run %s; ignoring the duplicate", request.requestId(), runId);
            book.publishRunEvent(RunEvent.accepted(runId, request.requestId(), clock.instant(), "already accepted at "
                    + run.acceptedAt() + ", now " + run.status() + ": this repeat of request id " + runId
                    + " changes nothing"));
            return;
        }
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        Plan plan = planner.plan(request, lineage.states(calendar, request.mode() == BackfillRequest.Mode.STALE),
                calendar);
        if (plan.isRefused()) {
            reject(runId, request.requestId(), plan.refusalReasons());
            return;
        }
        Instant now = clock.instant();
        if (request.dryRun()) {
            book.publishRunEvent(RunEvent.accepted(runId, request.requestId(), now,
                    "DRY RUN, nothing dispatched\n" + plan.describe()));
            LOG.infof("Dry run %s: %d tasks planned, nothing dispatched", runId, plan.tasks().size());
            return;
        }
        List<LedgerEvent> rows = new ArrayList<>(plan.tasks().size() + 1);
        rows.add(LedgerEvent.accepted(runId, now, request));
        rows.addAll(LedgerEvent.planned(runId, plan, now));
        book.append(rows);
        book.scheduler().addRun(runId, request, now, plan);
        book.publishRunEvent(RunEvent.accepted(runId, request.requestId(), now, plan.describe()));
        LOG.infof("Run %s accepted: %s", runId, plan.describe().lines().findFirst().orElse(""));
        book.afterChange();
    }

    private void reject(String runId, String requestId, List<String> reasons) {
        try (TaskMdc mdc = TaskMdc.ofRun(runId)) {
            metrics.rejected(MessageScreen.REQUEST, "invalid");
            LOG.warnf("Request %s rejected: %s", LogText.of(runId),
                    LogText.of(String.join("; ", RunEvent.firstOf(reasons)), 2000));
            book.publishRunEvent(RunEvent.rejected(runId, requestId, clock.instant(), reasons));
        }
    }
}
