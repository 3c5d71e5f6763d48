package fullcourt.cli;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fullcourt request}: publishes one backfill request and prints the coordinator's answer. */
@Command(name = "request", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Publish a backfill request and print the coordinator's answer (plan or reasons).",
        customSynopsis = {
            "fullcourt request (--from DATE --to DATE | --dates DATE,...)",
            "                         (--phase N,... | --processor NAME,...) [OPTIONS]"},
        description = {
            "%nPublishes a backfill request on the backfill-requests topic and waits for the coordinator's answer:"
                    + " the run id and its plan when ACCEPTED, every reason when REJECTED.",
            "The run id is the request id. Dates and the scope are checked here first; the coordinator checks"
                    + " processors and size limits. A request id the coordinator already accepted is answered at once"
                    + " with that run, which it leaves as it is.",
            "With --wait the command then follows the run to its end (one line per phase) and exits with how it"
                    + " ended, for scripts: 0 only when every task SUCCEEDED or was SKIPPED."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE,
            ExitCodes.RUN_FAILED_LINE + " (--wait)", ExitCodes.RUN_CANCELLED_LINE + " (--wait)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  Recompute phases 3 to 6 for a season (cascade takes phase 3 down to 6):",
            "    fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3",
            "  Two processors on three dates, nothing downstream:",
            "    fullcourt request --dates 2022-01-03,2022-01-04,2022-01-05 \\",
            "        --processor player_game_summary,team_offense_game_summary --no-cascade",
            "  In a script: run it to its end, exit status 0 only if every task succeeded or was skipped:",
            "    fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3 --wait",
            "  See what would run, dispatching nothing:",
            "    fullcourt request --from 2022-01-01 --to 2022-01-31 --phase 4 --dry-run",
            "  The old runbook's order, each dependency level finished on every date before the next starts:",
            "    fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3 --policy phase-barrier",
            "  Yesterday's games and everything downstream, counted in the platform's time zone:",
            "    fullcourt request --from yesterday --to yesterday --phase 3",
            "  Fill only what is missing, on the local emulator, without waiting:",
            "    fullcourt request --from 2022-01-01 --to 2022-03-31 --phase 3 \\",
            "        --missing-only --emulator localhost:8085 --no-wait --label reason=refill",
            "  After a raw correction or a model change, see what is stale and why, then recompute exactly that:",
            "    fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3 \\",
            "        --stale --dry-run",
            "    fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3 --stale",
            "  Phase 5 only, refusing (and listing) missing upstream partitions rather than computing them:",
            "    fullcourt request --from 2022-01-01 --to 2022-01-31 --phase 5 \\",
            "        --no-cascade --no-upstream"})
public class RequestCommand implements Callable<Integer> {

    static final String RUN_EVENTS_SUBSCRIPTION_ENV = "FULLCOURT_RUN_EVENTS_SUBSCRIPTION";
    static final String OPERATORS_SUBSCRIPTION = "operator";
    static final String TEMPORARY_SUBSCRIPTION = "temporary";

    @Mixin
    RequestOptions scope;

    @Option(names = "--request-id", paramLabel = "ID",
            description = "Idempotency key and run id (A-Z a-z 0-9 . _ -); the coordinator ignores a repeat of an"
                    + " accepted id.%nDefault: generated, bf-<yyyyMMdd-HHmmss>-<4 hex digits> in UTC.")
    String requestId;

    @Option(names = "--wait",
            description = "Once the request is accepted, follow the run to its end as 'status RUN --watch' does (one"
                    + " line per phase, redrawn in place on a terminal), print its report, and exit with how it"
                    + " ended: 0 only when every task SUCCEEDED or was SKIPPED.%nDefault: off: return with the"
                    + " coordinator's answer.")
    boolean follow;

    @Option(names = "--no-wait",
            description = "Return once the request is published, without waiting for the coordinator's answer."
                    + "%nDefault: off: wait for the ACCEPTED or REJECTED answer, up to --timeout.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for the answer: 90s, 2m, 1h or PT90S.%nDefault: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--run-events-subscription", paramLabel = "SUBSCRIPTION",
            defaultValue = "${env:" + RUN_EVENTS_SUBSCRIPTION_ENV + ":-" + OPERATORS_SUBSCRIPTION + "}",
            description = "Where to hear the coordinator's answer: '" + OPERATORS_SUBSCRIPTION + "', the operators'"
                    + " subscription run-events-operator that provisioning creates (an operator needs only"
                    + " roles/pubsub.subscriber on it; commands share it, each acking its own answer); '"
                    + TEMPORARY_SUBSCRIPTION + "', a subscription of this command's own, created and deleted (needs"
                    + " the right to create subscriptions, e.g. roles/pubsub.editor); or the name of another existing"
                    + " subscription on run-events.%nDefault: " + OPERATORS_SUBSCRIPTION + ", or $"
                    + RUN_EVENTS_SUBSCRIPTION_ENV + " when set.")
    String runEventsSubscription;

    @Mixin
    PubSubOptions pubsub;

    @Mixin
    CoordinatorOptions coordinator;

    @Mixin
    WatchOptions watching;

    @Spec
    CommandSpec command;

    private final RequestChannels channels;
    private final RequestIds ids;
    private final Clock clock;

    @Inject
    public RequestCommand(RequestChannels channels, RequestIds ids, Clock clock) {
        this.channels = channels;
        this.ids = ids;
        this.clock = clock;
    }

    /** The shared subscription to hear the answer on; empty for a temporary one. */
    private Optional<String> runEventsSubscription() {
        String chosen = runEventsSubscription == null ? OPERATORS_SUBSCRIPTION : runEventsSubscription.trim();
        return switch (chosen) {
            case OPERATORS_SUBSCRIPTION -> Optional.of(pubsub.topics().runEventsOperatorSubscription());
            case TEMPORARY_SUBSCRIPTION -> Optional.empty();
            default -> Optional.of(chosen);
        };
    }

    @Override
    public Integer call() {
        if (follow && noWait) {
            throw new ParameterException(command.commandLine(),
                    "--wait follows the run to its end, --no-wait returns at once: give one of them");
        }
        boolean await = !noWait;
        String id = requestId != null ? requestId : ids.next();
        BackfillRequest request = scope.toRequest(id);
        PrintWriter out = command.commandLine().getOut();
        int answered;
        try (RequestChannel channel = channels.open(pubsub)) {
            RunEventStream events = await ? channel.openRunEvents(id, runEventsSubscription()) : null;
            String messageId = channel.publish(request);
            out.println("published request " + id + (request.dryRun() ? " (dry run)" : "") + ", run id " + id);
            out.flush();
            if (!await) {
                out.println(request.dryRun()
                        ? "not waiting: the plan of a dry run comes only in the coordinator's answer"
                        : "follow it with: fullcourt status " + id);
                return ExitCodes.OK;
            }
            Optional<RunEvent> answer = new AwaitedAnswer(id, messageId).awaitFrom(events, timeout, clock);
            answered = report(request, answer.orElseThrow(() -> noAnswer(id)), out);
        }
        if (!follow || answered != ExitCodes.OK || request.dryRun()) {
            return answered;
        }
        out.println("following run " + id + " to its end (Ctrl-C stops following; the run goes on)");
        out.flush();
        return RunOutcome.exitCode(watching.watcher(coordinator.client(), out).follow(id));
    }

    private int report(BackfillRequest request, RunEvent answer, PrintWriter out) {
        if (answer.type() == RunEventType.REJECTED) {
            PrintWriter err = command.commandLine().getErr();
            err.println("rejected: request " + request.requestId() + " (run " + answer.runId() + ")");
            answer.reasons().forEach(reason -> err.println("  - " + reason));
            return ExitCodes.USAGE;
        }
        out.println(request.dryRun()
                ? "dry run " + answer.runId() + ": the coordinator would run"
                : "accepted: run " + answer.runId());
        if (answer.plan() != null && !answer.plan().isBlank()) {
            out.println(answer.plan().stripTrailing());
        }
        if (!request.dryRun() && !follow) {
            out.println("follow it with: fullcourt status " + answer.runId() + " --watch");
        }
        return ExitCodes.OK;
    }

    private SystemFailureException noAnswer(String id) {
        return new SystemFailureException("published, but no answer from the coordinator within "
                + DurationText.of(timeout) + " on " + pubsub.topics().runEvents() + " of " + pubsub.target()
                + ": is the coordinator running on this project and topic prefix? It plans the request when it"
                + " starts. If request id " + id + " was accepted before, the repeat is ignored: fullcourt status "
                + id);
    }
}
