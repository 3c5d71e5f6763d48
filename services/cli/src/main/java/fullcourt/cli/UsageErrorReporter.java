package fullcourt.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Prints what was wrong with the arguments and where the help is, instead of the whole usage text. */
final class UsageErrorReporter implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("Try '" + name + " --help' for the options and examples.");
        return ExitCodes.USAGE;
    }
}
