package fullcourt.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a command's failure as one message, without a stack trace, and picks the exit code from its type. */
final class FailureReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (failure instanceof RefusedException) {
            err.println(name + ": " + failure.getMessage());
            return ExitCodes.USAGE;
        }
        if (failure instanceof SystemFailureException) {
            err.println(name + ": " + failure.getMessage());
            return ExitCodes.SYSTEM_FAILURE;
        }
        // A bug rather than a situation: the trace is what a bug report needs.
        err.println(name + ": unexpected error: " + failure);
        failure.printStackTrace(err);
        return ExitCodes.SYSTEM_FAILURE;
    }
}
