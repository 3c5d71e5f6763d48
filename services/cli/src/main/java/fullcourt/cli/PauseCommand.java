package fullcourt.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code fullcourt pause RUN}: nothing new of the run is dispatched until {@code fullcourt resume RUN}. */
@Command(name = "pause", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Pause a run: in-flight tasks finish, nothing new is dispatched until it is resumed.",
        description = {
            "%nPauses a run: the coordinator dispatches none of its tasks until 'fullcourt resume RUN', which goes on"
                    + " with the same run. Tasks already in flight finish and are recorded. The pause is in the"
                    + " ledger: a restarted coordinator keeps the run paused. A finished or cancelled run is refused"
                    + " with the reason."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {"  fullcourt pause bf-20240105-101500-3f2a", "  fullcourt resume bf-20240105-101500-3f2a"})
public class PauseCommand extends RunActionCommand {

    @Override
    String action() {
        return "pause";
    }

    @Override
    List<String> done(String runId) {
        return List.of("paused run " + runId + ": nothing new is dispatched; tasks in flight finish",
                "go on with: fullcourt resume " + runId);
    }
}
