package fullcourt.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The runs of {@code fullcourt status} as a table: id, state, done/total, rate per minute, ETA. */
final class RunsTable {

    private RunsTable() {
    }

    /** Oldest first, so the newest run is next to the prompt; each state in its colour when {@code colours} has. */
    static String render(List<RunStatus> runs, StateColours colours) {
        if (runs.isEmpty()) {
            return "no runs yet; start one with: fullcourt request --help" + System.lineSeparator();
        }
        TextTable table = new TextTable("RUN", "STATE", ">DONE/TOTAL", ">RATE/MIN", ">ETA", "ACCEPTED")
                .style(1, colours::paint);
        runs.stream()
                .sorted(Comparator.comparing(RunStatus::acceptedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(run -> table.row(run.runId(), run.state(),
                        run.progress().finished() + "/" + run.progress().total(),
                        rate(run), eta(run), InstantText.of(run.acceptedAt())));
        return table.render();
    }

    static String rate(RunStatus run) {
        return String.format(Locale.ROOT, "%.1f", run.progress().tasksPerMinute());
    }

    static String eta(RunStatus run) {
        Long seconds = run.progress().etaSeconds();
        return run.finished() || seconds == null ? "-" : DurationText.ofSeconds(seconds);
    }
}
