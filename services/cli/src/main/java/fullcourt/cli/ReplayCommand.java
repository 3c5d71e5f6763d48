package fullcourt.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fullcourt replay RUN}: re-dispatches a run's dead tasks once their cause is fixed. */
@Command(name = "replay", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Re-dispatch a run's dead tasks after a fix.",
        description = {
            "%nRe-dispatches the DEAD tasks of a run, all of them or those of some processors and/or dates, once"
                    + " what killed them is fixed. Their BLOCKED downstream tasks follow when they succeed.",
            "The dead tasks and their errors are listed by: fullcourt status RUN"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  fullcourt replay bf-20240105-101500-3f2a",
            "  fullcourt replay bf-20240105-101500-3f2a --processor player_game_summary",
            "  fullcourt replay bf-20240105-101500-3f2a --dates 2022-01-03,2022-01-04"})
public class ReplayCommand extends CoordinatorCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (the request id) whose dead tasks to replay.")
    String runId;

    @Option(names = "--processor", paramLabel = "NAME", split = ",",
            description = "Only dead tasks of this processor: repeatable or a comma list.%nDefault: every processor.")
    List<String> processors = new ArrayList<>();

    @Option(names = "--dates", paramLabel = "DATE", split = ",", converter = DateConverter.class,
            description = "Only dead tasks of these dates, YYYY-MM-DD: a comma list, repeatable.%nDefault: every date.")
    List<LocalDate> dates = new ArrayList<>();

    @Override
    public Integer call() {
        int replayed = coordinator.client().replay(runId, processors, dates);
        PrintWriter out = out();
        if (replayed == 0) {
            out.println("no dead task of run " + runId + " matched: nothing re-dispatched");
        } else {
            out.println("re-dispatched " + replayed + " dead task" + (replayed == 1 ? "" : "s") + " of run " + runId);
            out.println("follow it with: fullcourt status " + runId);
        }
        return ExitCodes.OK;
    }
}
