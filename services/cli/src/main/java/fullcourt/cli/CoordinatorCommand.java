package fullcourt.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the coordinator's API: its connection options and its output. */
abstract class CoordinatorCommand implements Callable<Integer> {

    @Mixin
    CoordinatorOptions coordinator;

    @Spec
    CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }
}
