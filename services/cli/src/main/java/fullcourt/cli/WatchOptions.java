package fullcourt.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a run is followed to its end ({@code status RUN --watch}, {@code request --wait}): its two intervals. */
public class WatchOptions {

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "While following a run: how often to read it (and redraw the view on a terminal)."
                    + "%nDefault: ${DEFAULT-VALUE}.")
    Duration interval;

    @Option(names = "--print-every", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "While following a run with the output not a terminal (a CI log, a file): how often to"
                    + " print the view, as plain lines.%nDefault: ${DEFAULT-VALUE}.")
    Duration printEvery;

    RunWatcher watcher(CoordinatorClient client, PrintWriter out) {
        return new RunWatcher(client, out, interval, printEvery, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }
}
