package fullcourt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code fullcourt status [RUN]}: the runs, or one run in detail; {@code --stale}: the stale partitions. */
@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Show the runs, one run by processor with its dead tasks, or the stale partitions.",
        customSynopsis = {
            "fullcourt status [RUN] [--json] [--coordinator URL]",
            "fullcourt status RUN --watch [--interval DURATION] [--print-every DURATION]",
            "fullcourt status --stale [--from DATE] [--to DATE] [--processor NAME | --phase N] [--limit N] [--json]"},
        description = {
            "%nWithout RUN: a table of the coordinator's runs with their state, tasks done of all, throughput and ETA.",
            "With RUN: per processor its tasks, running (dispatched or running), succeeded, skipped, dead, blocked"
                    + " and cancelled; the run's throughput and ETA; its dead tasks with attempts and last error; and"
                    + " the tasks that succeeded with 0 rows on a date where rows are expected. Its exit status says"
                    + " how the run stands (below), so a script can tell a run with dead tasks from a good one.",
            "With RUN --watch: follows the run to its end, one line per phase (bar, done/total, rate, ETA,"
                    + " running, retries, dead), redrawn in place on a terminal and printed every --print-every"
                    + " otherwise; then the report above, and the exit status of how the run ended.",
            "With --stale: the partitions of the warehouse that are stale now, outside any run, judged from partition"
                    + " lineage: missing, without lineage, interrupted, of another model version, computed from a raw"
                    + " date or an upstream partition that changed since, or reading a stale upstream (through windows"
                    + " too). Per processor the stale count by kind, the most common reasons, then the first"
                    + " partitions with their reasons. Exit status 4 when any is stale, 0 when nothing is:"
                    + " 'fullcourt request ... --stale' recomputes exactly them."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.RUN_OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE,
            ExitCodes.STALE_FOUND_LINE, ExitCodes.RUN_FAILED_LINE, ExitCodes.RUN_CANCELLED_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  fullcourt status",
            "  fullcourt status bf-20240105-101500-3f2a",
            "  fullcourt status bf-20240105-101500-3f2a --json | jq '.dead'",
            "  Follow a run to its end; exit status 0 only if every task succeeded or was skipped:",
            "    fullcourt status bf-20240105-101500-3f2a --watch",
            "  fullcourt status --coordinator http://coordinator.internal:8080",
            "  What is stale in the whole warehouse, and why:",
            "    fullcourt status --stale",
            "  Phase 4 in January 2022, listing up to 100 partitions:",
            "    fullcourt status --stale --from 2022-01-01 --to 2022-01-31 --phase 4 \\",
            "        --limit 100",
            "  In a script, recompute only when something is stale (exit status 4):",
            "    fullcourt status --stale > /dev/null; [ $? -eq 4 ] && \\",
            "        fullcourt request --from 2021-10-19 --to 2025-06-30 --phase 3 --stale"})
public class StatusCommand extends CoordinatorCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "Run id (the request id) to show in detail.%nDefault: none, list every run.")
    String runId;

    @Option(names = "--json", description = "Print the coordinator's JSON as it came, for scripts.%nDefault: off.")
    boolean json;

    @Option(names = "--watch",
            description = "With RUN: follow it until it ends, drawing one line per phase; then its report.%nDefault:"
                    + " off.")
    boolean watch;

    @Mixin
    WatchOptions watching;

    @Option(names = "--stale",
            description = "Show the stale partitions of the warehouse (not of a run), with their reasons; exit"
                    + " status 4 when there are any.%nDefault: off.")
    boolean stale;

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
            description = "With --stale: first date judged (YYYY-MM-DD).%nDefault: the calendar's first game date.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class,
            description = "With --stale: last date judged (YYYY-MM-DD), inclusive.%nDefault: the calendar's last game"
                    + " date.")
    LocalDate to;

    @Option(names = "--processor", paramLabel = "NAME",
            description = "With --stale: only this processor, e.g. player_game_summary.%nDefault: every processor.")
    String processor;

    @Option(names = "--phase", paramLabel = "N",
            description = "With --stale: only this phase's processors (3 to 6).%nDefault: every phase.")
    Integer phase;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "With --stale: how many stale partitions to list (all are counted).%nDefault:"
                    + " ${DEFAULT-VALUE}.")
    int limit;

    @Override
    public Integer call() {
        return stale ? staleness() : runs();
    }

    private int runs() {
        List<String> staleOnly = staleOnlyOptionsGiven();
        if (!staleOnly.isEmpty()) {
            throw new ParameterException(command.commandLine(), String.join(", ", staleOnly)
                    + (staleOnly.size() == 1 ? " goes" : " go") + " with --stale: add --stale to see stale partitions");
        }
        if (watch && (runId == null || json)) {
            throw new ParameterException(command.commandLine(), runId == null
                    ? "--watch follows one run: give its id, e.g. fullcourt status bf-20240105-101500-3f2a --watch"
                    : "--watch draws the run for a person: drop --json (or --watch)");
        }
        CoordinatorClient client = coordinator.client();
        PrintWriter out = out();
        if (watch) {
            return RunOutcome.exitCode(watching.watcher(client, out).follow(runId));
        }
        String body = runId == null ? client.runsJson() : client.runJson(runId);
        StateColours colours = StateColours.forStandardOutput();
        try {
            if (runId == null) {
                out.print(json ? body.strip() + System.lineSeparator() : RunsTable.render(RunStatusReader.runs(body), colours));
                return ExitCodes.OK;
            }
            RunStatus run = RunStatusReader.run(body);
            out.print(json ? body.strip() + System.lineSeparator() : RunReport.render(run, colours));
            return RunOutcome.exitCode(run);
        } catch (JsonProcessingException e) {
            throw client.unexpected(runId == null ? "GET /runs" : "GET /runs/" + runId, e.getOriginalMessage());
        }
    }

    private int staleness() {
        List<String> problems = new ArrayList<>();
        if (runId != null) {
            problems.add("--stale shows the warehouse, not a run: drop " + runId + " (or --stale)");
        }
        if (watch) {
            problems.add("--watch follows a run, not --stale: drop one of them");
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("--to " + to + " is before --from " + from);
        }
        if (phase != null && (phase < 3 || phase > 6)) {
            problems.add("--phase must be 3, 4, 5 or 6, got " + phase);
        }
        if (limit < 0) {
            problems.add("--limit must be 0 or more, got " + limit);
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(command.commandLine(), String.join(System.lineSeparator(), problems));
        }
        CoordinatorClient client = coordinator.client();
        String body = client.staleJson(from, to, processor, phase, limit);
        StaleStatus status;
        try {
            status = JSON.readValue(body, StaleStatus.class);
        } catch (JsonProcessingException e) {
            throw client.unexpected("GET /stale", e.getOriginalMessage());
        }
        out().print(json ? body.strip() + System.lineSeparator() : StaleReport.render(status));
        return status.stale() > 0 ? ExitCodes.STALE_FOUND : ExitCodes.OK;
    }

    private List<String> staleOnlyOptionsGiven() {
        List<String> given = new ArrayList<>();
        for (String name : List.of("--from", "--to", "--processor", "--phase", "--limit")) {
            if (command.commandLine().getParseResult().hasMatchedOption(name)) {
                given.add(name);
            }
        }
        return given;
    }
}
