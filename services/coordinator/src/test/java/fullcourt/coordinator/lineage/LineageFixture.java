package fullcourt.coordinator.lineage;

import fullcourt.coordinator.lineage.LineageFacts.ChangedInput;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.engine.lineage.InputKey;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.PartitionKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A season of three game dates (Jan 3, 4, 6; Jan 5 has no games) and three processors: points
 * (raw.box, same date), totals (points, season to date: the game dates before its own) and daily
 * (points and totals, same date). Facts start with every partition written by version v1 and
 * nothing changed; tests then change them (here and in the API's tests).
 */
public final class LineageFixture {

    public static final LocalDate JAN_3 = LocalDate.of(2022, 1, 3);
    public static final LocalDate JAN_4 = LocalDate.of(2022, 1, 4);
    public static final LocalDate JAN_6 = LocalDate.of(2022, 1, 6);

    public static final Catalog CATALOG = Catalog.of(List.of(
            new ProcessorDeclaration("points", 3, "analytics.points", "game_date", List.of(), DateDomain.SEASON_DAYS,
                    "sql", 2, List.of(new RawInput("raw.box", Window.SAME_DATE))),
            new ProcessorDeclaration("totals", 4, "precompute.totals", "game_date",
                    List.of(new Upstream("points", Window.SEASON_TO_DATE)), DateDomain.SEASON_DAYS, "sql", 2),
            new ProcessorDeclaration("daily", 4, "precompute.daily", "game_date",
                    List.of(new Upstream("points", Window.SAME_DATE), new Upstream("totals", Window.SAME_DATE)),
                    DateDomain.SEASON_DAYS, "sql", 2)));

    public static final SeasonCalendar CALENDAR = new SeasonCalendar(List.of(new SeasonCalendar.Season("2021-22",
            JAN_3, JAN_6, new TreeSet<>(List.of(JAN_3, JAN_4, JAN_6)))));

    final Map<String, String> versions = new HashMap<>(Map.of("points", "v1", "totals", "v1", "daily", "v1"));
    final Map<PartitionKey, LatestWrite> latest = new HashMap<>();
    final Map<PartitionKey, List<ChangedInput>> changed = new HashMap<>();
    final Set<PartitionKey> present = new HashSet<>();
    /** Writes that recorded their reads: every written partition, unless a test says otherwise. */
    final Set<PartitionKey> withReads = new HashSet<>();

    public LineageFixture() {
        for (String p : List.of("points", "totals", "daily")) {
            for (LocalDate d : List.of(JAN_3, JAN_4, JAN_6)) {
                written(p, d);
            }
        }
    }

    public void written(String processor, LocalDate date) {
        PartitionKey key = new PartitionKey(processor, date);
        latest.put(key, new LatestWrite(processor, date, processor + date, "v1", Instant.EPOCH, "run-1",
                LatestWrite.Outcome.WRITTEN, 3, "3:42", null));
        present.add(key);
        withReads.add(key);
    }

    public void changedInput(String processor, LocalDate date, String input, LocalDate inputDate) {
        changed.computeIfAbsent(new PartitionKey(processor, date), k -> new ArrayList<>())
                .add(new ChangedInput(new InputKey(input, inputDate), null, "3:42", "3:43", false));
    }

    public LineageFacts facts() {
        return new LineageFacts(versions, latest, changed, present, withReads);
    }

    public Staleness judge() {
        return new StalenessCheck(CATALOG).judge(CALENDAR, facts());
    }
}
