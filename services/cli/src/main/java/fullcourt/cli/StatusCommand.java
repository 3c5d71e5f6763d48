package fullcourt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fullcourt status [RUN]}: the runs, or one run in detail, from the coordinator's API. */
@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Show the runs, or one run by processor with its dead tasks.",
        description = {
            "%nWithout RUN: a table of the coordinator's runs with their state, tasks done of all, throughput and ETA.",
            "With RUN: per processor its tasks, running (dispatched or running), succeeded, skipped, dead and"
                    + " blocked; the run's throughput and ETA; and its dead tasks with attempts and last error."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  fullcourt status",
            "  fullcourt status bf-20240105-101500-3f2a",
            "  fullcourt status bf-20240105-101500-3f2a --json | jq '.dead'",
            "  fullcourt status --coordinator http://coordinator.internal:8080"})
public class StatusCommand extends CoordinatorCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "Run id (the request id) to show in detail.%nDefault: none, list every run.")
    String runId;

    @Option(names = "--json", description = "Print the coordinator's JSON as it came, for scripts.%nDefault: off.")
    boolean json;

    @Override
    public Integer call() {
        CoordinatorClient client = coordinator.client();
        PrintWriter out = out();
        String body = runId == null ? client.runsJson() : client.runJson(runId);
        if (json) {
            out.println(body.strip());
            return ExitCodes.OK;
        }
        try {
            out.print(runId == null
                    ? RunsTable.render(RunStatusReader.runs(body))
                    : RunReport.render(RunStatusReader.run(body)));
        } catch (JsonProcessingException e) {
            throw client.unexpected(runId == null ? "GET /runs" : "GET /runs/" + runId, e.getOriginalMessage());
        }
        return ExitCodes.OK;
    }
}
