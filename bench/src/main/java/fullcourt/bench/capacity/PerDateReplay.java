package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-date benchmark's run (section 1, {@code 1-per-date-tasks.csv}: each task's measured time and outcome) played
 * again on a virtual clock through the real planner and scheduler, with the limits of that benchmark: what the
 * scheduler's order gives on those durations in a second instead of minutes, against the same lower bound. Each task
 * holds its slot for its measured time plus a hand-off (the engine's dispatch -> STARTED and SUCCEEDED -> ledger row).
 *
 * <p>{@code java -cp <bench test classpath> fullcourt.bench.capacity.PerDateReplay <tasks.csv> [hand-off ms]}
 */
public final class PerDateReplay {

    public static final int GLOBAL = 100;
    public static final int PER_PROCESSOR = 15;

    /** The measured tasks: time and whether each was skipped. */
    public record Measured(Map<TaskKey, Long> millis, Set<TaskKey> skipped) {

        public static Measured read(Path csv) {
            Map<TaskKey, Long> millis = new HashMap<>();
            Set<TaskKey> skipped = new HashSet<>();
            try {
                List<String> lines = Files.readAllLines(csv);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",");
                    TaskKey key = new TaskKey(f[0], LocalDate.parse(f[1]));
                    millis.put(key, Long.parseLong(f[3]));
                    if (f[2].equals("SKIPPED")) {
                        skipped.add(key);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Measured(millis, skipped);
        }

        /** The season as the run saw it: every date of the run, game dates those whose phase-3 summary ran. */
        SeasonCalendar calendar(String gameDateProcessor) {
            TreeSet<LocalDate> dates = new TreeSet<>();
            TreeSet<LocalDate> games = new TreeSet<>();
            millis.keySet().forEach(k -> {
                dates.add(k.date());
                if (k.processor().equals(gameDateProcessor) && !skipped.contains(k)) {
                    games.add(k.date());
                }
            });
            return new SeasonCalendar(List.of(new SeasonCalendar.Season("replay", dates.first(), dates.last(), games)));
        }
    }

    /** The replay's outcome: the simulated run, its bound and slot occupancy. */
    public record Replay(SimulationResult result, LimitsBound bound, SlotOccupancy slots) {

        public String describe() {
            return String.format(Locale.ROOT, "makespan %.1f s, bound %.1f s (%s), %.2fx; %s",
                    result.makespanMillis() / 1000.0, bound.millis() / 1000.0, bound.binding(),
                    (double) result.makespanMillis() / bound.millis(), slots.describe());
        }
    }

    public static Replay replay(Catalog catalog, Measured measured, long handOffMillis) {
        SeasonCalendar calendar = measured.calendar("team_offense_game_summary");
        SeasonCalendar.Season season = calendar.seasons().iterator().next();
        BackfillRequest request = BackfillRequest.forRange("replay", season.first(), season.last())
                .withPhases(List.of(3)).withPolicy(Policy.PER_DATE);
        TaskDurations durations = new TaskDurations() {
            @Override
            public long millis(TaskKey task) {
                return measured.millis().getOrDefault(task, 0L) + handOffMillis;
            }

            @Override
            public boolean skips(TaskKey task) {
                return measured.skipped().contains(task);
            }
        };
        SimulationResult r = new VirtualClockRun(catalog, calendar, GLOBAL).run(request, durations);
        LimitsBound bound = LimitsBound.of(r.upstreams(), t -> measured.millis().getOrDefault(t, 0L), GLOBAL,
                p -> PER_PROCESSOR);
        List<SlotOccupancy.Interval> slots = new ArrayList<>();
        r.startMillis().forEach((t, start) -> slots.add(new SlotOccupancy.Interval(start, r.endMillis().get(t))));
        long work = r.startMillis().keySet().stream().mapToLong(t -> measured.millis().getOrDefault(t, 0L)).sum();
        return new Replay(r, bound, SlotOccupancy.of(slots, work, GLOBAL));
    }

    public static void main(String[] args) {
        Catalog catalog = Catalogs.withConcurrency(CatalogReader.read("classpath:fullcourt-catalog.json"), PER_PROCESSOR);
        Measured measured = Measured.read(Path.of(args[0]));
        long handOff = args.length > 1 ? Long.parseLong(args[1]) : 0;
        System.out.println(replay(catalog, measured, handOff).describe());
    }

    private PerDateReplay() {
    }
}
