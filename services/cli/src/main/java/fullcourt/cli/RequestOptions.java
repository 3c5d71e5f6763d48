package fullcourt.cli;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import fullcourt.messages.BackfillRequest.Upstreams;
import fullcourt.messages.BackfillRequestValidator;
import fullcourt.messages.DateRef;
import fullcourt.messages.RequestLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of {@code fullcourt request} that make up the BackfillRequest, checked before anything is sent. */
public class RequestOptions {

    // Size limits and the processor catalog are the coordinator's to enforce: it knows its configuration.
    private static final RequestLimits NO_LIMITS = new RequestLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    @Option(names = "--from", paramLabel = "DATE", converter = DateRefConverter.class,
            description = "First date of the range, inclusive; needs --to. YYYY-MM-DD, or today, yesterday, today-N:"
                    + " sent as written, the coordinator counts them back from its today in the platform's time zone"
                    + " (fullcourt.coordinator.time-zone).%nDefault: none.")
    DateRef from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateRefConverter.class,
            description = "Last date of the range, inclusive; needs --from. YYYY-MM-DD, or today, yesterday, today-N."
                    + "%nDefault: none.")
    DateRef to;

    @Option(names = "--dates", paramLabel = "DATE", split = ",", converter = DateRefConverter.class,
            description = "Dates to recompute instead of a range (YYYY-MM-DD, or today, yesterday, today-N): a comma"
                    + " list, the option repeatable.%nDefault: none; give either --from/--to or --dates.")
    List<DateRef> dates = new ArrayList<>();

    @Option(names = "--phase", paramLabel = "N", split = ",",
            description = "Phase to recompute (3 analytics, 4 precompute, 5 predictions, 6 publishing):"
                    + " repeatable or a comma list.%nDefault: none; give --phase and/or --processor.")
    List<Integer> phases = new ArrayList<>();

    @Option(names = "--processor", paramLabel = "NAME", split = ",",
            description = "Processor (output table) to recompute, e.g. player_game_summary: repeatable or a"
                    + " comma list.%nDefault: none; give --phase and/or --processor.")
    List<String> processors = new ArrayList<>();

    @Option(names = "--cascade", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also recompute everything downstream of the scope, date by date;"
                    + " --no-cascade recomputes the scope only.%nDefault: cascade.")
    boolean cascade;

    @Option(names = "--missing-only",
            description = "Only the tasks whose output is missing from the data (partition absent: no rows and no"
                    + " finished write), mode missing; partitions present are left out, however old. Not with --stale."
                    + "%nDefault: off, every task of the scope runs (mode all).")
    boolean missingOnly;

    @Option(names = "--stale",
            description = {
                "Plans exactly the stale tasks of the scope and their stale downstream over windows (mode stale):"
                        + " partitions missing, written by another model version, or computed from inputs that"
                        + " changed since (raw corrections, re-run upstreams), as partition lineage says;"
                        + " --dry-run lists each task with its reason. Not with --missing-only.",
                "Default: off. See what is stale first with: fullcourt status --stale"})
    boolean stale;

    @Option(names = "--no-upstream",
            description = "Refuse the request, listing them, when partitions the tasks read (same date or"
                    + " windows) are outside the run and missing (or stale, with --stale), instead of pulling them"
                    + " into the run. Not with --allow-incomplete.%nDefault: off, such upstream tasks are pulled in.")
    boolean noUpstream;

    @Option(names = "--allow-incomplete",
            description = "Run even when partitions the tasks read are outside the run and missing (or stale),"
                    + " on what is there: lineage records what was read, so those outputs turn stale once the"
                    + " inputs exist. Not with --no-upstream.%nDefault: off, such upstream tasks are pulled in.")
    boolean allowIncomplete;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "per-date", converter = PolicyConverter.class,
            description = {
                "How the coordinator orders the run's tasks. Under every policy a task waits for its own upstreams"
                        + " and the per-processor and global in-flight limits apply.",
                "  per-date: each task starts as soon as its upstreams for its dates are done, so phase 5 of early"
                        + " dates runs while phase 3 of late dates computes. The fastest: pick it unless you have"
                        + " a reason below.",
                "  phase-barrier: the old runbook. The run's processors are grouped by dependency level (level 0"
                        + " needs none of the run's other processors, level k needs one of level k-1; phase 4's"
                        + " groups 1 to 4 are such levels), and a level starts only when every task of the levels"
                        + " before it has finished, on every date. A dead task does not hold the barrier: only its"
                        + " own downstream is blocked. Pick it to validate a whole level before the next one reads"
                        + " it, or to measure what per-date chaining saves.",
                "  sequential: one task of the run at a time, earliest date first, then phase. The slowest: pick"
                        + " it to keep the warehouse to one query from this run (a shared or quota-starved"
                        + " project), or to follow a run step by step.",
                "Default: ${DEFAULT-VALUE}."})
    Policy policy;

    @Option(names = "--dry-run",
            description = "Plan only: the coordinator answers with the plan and dispatches nothing.%nDefault: off.")
    boolean dryRun;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "A label kept with the run, e.g. --label reason=usage-rate-fix; repeatable.%nDefault: none.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The request these options describe under {@code requestId}.
     *
     * @throws ParameterException listing every problem that can be seen without the coordinator
     */
    BackfillRequest toRequest(String requestId) {
        List<String> problems = dateProblems();
        if (phases.isEmpty() && processors.isEmpty()) {
            problems.add("nothing to recompute: give --phase N and/or --processor NAME");
        }
        if (stale && missingOnly) {
            problems.add("--stale and --missing-only do not go together: --stale already runs the missing partitions"
                    + " (and the outdated ones); give one");
        }
        if (noUpstream && allowIncomplete) {
            problems.add("--no-upstream and --allow-incomplete do not go together: the first refuses a run on missing"
                    + " inputs, the second allows it; give one (neither pulls those inputs into the run)");
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(command.commandLine(), String.join(System.lineSeparator(), problems));
        }
        BackfillRequest request = (dates.isEmpty()
                ? BackfillRequest.forRange(requestId, from, to)
                : BackfillRequest.forDateRefs(requestId, dates))
                .withPhases(phases)
                .withProcessors(processors)
                .withCascade(cascade)
                .withMode(mode())
                .withUpstreams(noUpstream ? Upstreams.REFUSE : allowIncomplete ? Upstreams.ALLOW : Upstreams.PULL)
                .withPolicy(policy)
                .withDryRun(dryRun)
                .withLabels(labels);
        // The shared validator checks the rest exactly as the coordinator will (phase numbers, names, duplicates).
        List<String> invalid = BackfillRequestValidator.validate(request, NO_LIMITS, Set.copyOf(processors));
        if (!invalid.isEmpty()) {
            String nl = System.lineSeparator();
            throw new ParameterException(command.commandLine(),
                    "invalid request:" + nl + "  " + String.join(nl + "  ", invalid));
        }
        return request;
    }

    private BackfillRequest.Mode mode() {
        if (stale) {
            return BackfillRequest.Mode.STALE;
        }
        return missingOnly ? BackfillRequest.Mode.MISSING : BackfillRequest.Mode.ALL;
    }

    private List<String> dateProblems() {
        List<String> problems = new ArrayList<>();
        boolean range = from != null || to != null;
        if (range && !dates.isEmpty()) {
            problems.add("give either a range (--from and --to) or --dates, not both");
        } else if (!range && dates.isEmpty()) {
            problems.add("which dates? give --from DATE --to DATE, or --dates DATE,DATE,...");
        } else if (from == null && to != null) {
            problems.add("--to needs --from");
        } else if (from != null && to == null) {
            problems.add("--from needs --to");
        } else if (range && isBefore(to, from)) {
            problems.add("--to " + to + " is before --from " + from);
        }
        return problems;
    }

    // A calendar date against a relative day is for the coordinator to compare, once it has resolved them.
    private static boolean isBefore(DateRef a, DateRef b) {
        if (a.isRelative() != b.isRelative()) {
            return false;
        }
        return a.isRelative() ? a.daysBeforeToday() > b.daysBeforeToday() : a.date().isBefore(b.date());
    }
}
