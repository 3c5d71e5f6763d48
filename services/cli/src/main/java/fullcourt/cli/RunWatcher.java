package fullcourt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import fullcourt.progress.LiveConsole;
import fullcourt.progress.LiveView;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * Follows one run through the coordinator's API until it finishes, drawing its live view (per phase) in place
 * on a terminal, or printing it every {@code printEvery} elsewhere; then prints the run's report.
 */
final class RunWatcher {

    /** How the watcher waits between two reads; the real one sleeps. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final CoordinatorClient client;
    private final PrintWriter out;
    private final Duration interval;
    private final Duration printEvery;
    private final Clock clock;
    private final Pause pause;

    RunWatcher(CoordinatorClient client, PrintWriter out, Duration interval, Duration printEvery, Clock clock,
               Pause pause) {
        this.client = client;
        this.out = out;
        this.interval = interval;
        this.printEvery = printEvery;
        this.clock = clock;
        this.pause = pause;
    }

    /** Reads the run every {@code interval} until it finished; its last state, after its report was printed. */
    RunStatus follow(String runId) {
        LiveConsole console = new LiveConsole(out, LiveConsole.detect(), printEvery, clock);
        while (true) {
            RunStatus run = read(runId);
            if (run.finished()) {
                console.last(LiveView.lines(run.snapshot()));
                out.println();
                out.print(RunReport.render(run, StateColours.forStandardOutput()));
                out.flush();
                return run;
            }
            console.show(LiveView.lines(run.snapshot()));
            try {
                pause.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SystemFailureException("interrupted while following run " + runId);
            }
        }
    }

    private RunStatus read(String runId) {
        try {
            return RunStatusReader.run(client.runJson(runId));
        } catch (JsonProcessingException e) {
            throw client.unexpected("GET /runs/" + runId, e.getOriginalMessage());
        }
    }
}
