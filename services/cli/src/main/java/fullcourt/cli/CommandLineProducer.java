package fullcourt.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** The command line Quarkus runs: picocli's, with our failure and usage-error reporting. */
@ApplicationScoped
class CommandLineProducer {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return configure(factory.create());
    }

    /** Shared with the tests, which build the command line without Quarkus. */
    static CommandLine configure(CommandLine commandLine) {
        return commandLine
                .setExecutionExceptionHandler(new FailureReporter())
                .setParameterExceptionHandler(new UsageErrorReporter());
    }
}
