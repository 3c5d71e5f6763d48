package fullcourt.cli;

import java.util.List;
import picocli.CommandLine.Parameters;

/** A command that acts on a whole run through the coordinator's API ({@code cancel}, {@code pause}, {@code resume}). */
abstract class RunActionCommand extends CoordinatorCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id (the request id).")
    String runId;

    /** The action's path under {@code /runs/{id}/}. */
    abstract String action();

    /** What to print once the coordinator took it. */
    abstract List<String> done(String runId);

    @Override
    public Integer call() {
        coordinator.client().runAction(runId, action());
        done(runId).forEach(out()::println);
        return ExitCodes.OK;
    }
}
