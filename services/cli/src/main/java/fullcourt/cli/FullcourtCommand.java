package fullcourt.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fullcourt}: the top command, which only holds the subcommands and the overall help. */
@TopCommand
@Command(name = "fullcourt", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {RequestCommand.class, StatusCommand.class, ReplayCommand.class, CancelCommand.class,
            PauseCommand.class, ResumeCommand.class, ValidateCommand.class, ProvisionCommand.class, LoadCommand.class, HelpCommand.class},
        header = "Run and watch Fullcourt backfills.",
        description = {
            "%n'request' publishes a backfill request on Pub/Sub and prints the coordinator's answer; 'status',"
                    + " 'replay', 'cancel', 'pause', 'resume' and 'validate' use the coordinator's REST API; 'load' checks raw files and"
                    + " loads them into the warehouse."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3",
            "  fullcourt status",
            "  fullcourt status bf-20240105-101500-3f2a",
            "  fullcourt replay bf-20240105-101500-3f2a --processor player_game_summary",
            "  fullcourt cancel bf-20240105-101500-3f2a",
            "  fullcourt provision --project acme-nba --project-number 123456789012 --dry-run",
            "  fullcourt load all samples/raw/*.csv --dry-run",
            "",
            "Where the system is: 'request' takes --emulator ($PUBSUB_EMULATOR_HOST, else Google Cloud),"
                    + " --project ($FULLCOURT_PROJECT, else fullcourt-local) and --topic-prefix"
                    + " ($FULLCOURT_TOPIC_PREFIX); the other commands take --coordinator"
                    + " ($FULLCOURT_COORDINATOR_URL, else http://localhost:8080).",
            "Run 'fullcourt COMMAND --help' for a command's options and examples."})
public class FullcourtCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    /** Without a command there is nothing to do but say what the commands are. */
    @Override
    public Integer call() {
        command.commandLine().usage(command.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
