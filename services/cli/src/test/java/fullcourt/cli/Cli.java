package fullcourt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import picocli.CommandLine;

/** Runs the fullcourt command line in the test's JVM, without Quarkus, and keeps what it printed. */
final class Cli {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-05T10:15:00Z"), ZoneOffset.UTC);
    static final long SEED = 42;

    final int exitCode;
    final String out;
    final String err;

    private Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} with no Pub/Sub: {@code request} talks to {@code channels}. */
    static Cli run(RequestChannels channels, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CommandLineProducer.configure(
                new CommandLine(FullcourtCommand.class, factory(channels)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        // Lines end in \n whatever the platform, so that expected output can be written plainly.
        return new Cli(exitCode, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    /** Creates the commands as Quarkus would, with {@code channels}, the fixed clock and the seeded randomness. */
    static CommandLine.IFactory factory(RequestChannels channels) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RequestCommand.class) {
                    return type.cast(new RequestCommand(channels, new RequestIds(CLOCK, new Random(SEED)), CLOCK));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
    }

    /** Runs a command that needs no Pub/Sub. */
    static Cli run(String... args) {
        return run(options -> {
            throw new AssertionError("this command should not open Pub/Sub");
        }, args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
