package fullcourt.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerDateReplayTest {

    private static final String ROOT = "team_offense_game_summary";

    @Test
    void replaysTheMeasuredTasksWithTheirHandOffAgainstTheBoundOfTheirOwnTimes(@TempDir Path dir) throws IOException {
        // the root 1 s on both dates, then b 2 s on each (skipped on the second): both dates side by side, each task
        // holding its slot 100 ms more, so 1.1 + 2.1 = 3.2 s; the bound counts the measured times only, 1 + 2 = 3 s
        Path csv = dir.resolve("tasks.csv");
        Files.writeString(csv, """
                processor,date,status,duration_ms
                team_offense_game_summary,2024-01-01,SUCCEEDED,1000
                team_offense_game_summary,2024-01-02,SUCCEEDED,1000
                b,2024-01-01,SUCCEEDED,2000
                b,2024-01-02,SKIPPED,2000
                """);
        Catalog catalog = Catalog.of(List.of(
                new ProcessorDeclaration(ROOT, 3, "t.root", "game_date", List.of(), DateDomain.CALENDAR, "v1", 2),
                new ProcessorDeclaration("b", 4, "t.b", "game_date", List.of(new Upstream(ROOT, Window.SAME_DATE)),
                        DateDomain.CALENDAR, "v1", 2)));
        PerDateReplay.Measured measured = PerDateReplay.Measured.read(csv);
        assertThat(measured.skipped()).containsExactly(new TaskKey("b", LocalDate.of(2024, 1, 2)));
        PerDateReplay.Replay replay = PerDateReplay.replay(catalog, measured, 100);
        assertThat(replay.result().tasks()).isEqualTo(4);
        assertThat(replay.result().makespanMillis()).isEqualTo(3_200);
        assertThat(replay.bound().millis()).isEqualTo(3_000);
        // 4 slots: 2 x 1.1 s + 2 x 2.1 s = 6.4 s held over 6 s of work, 100 ms per task
        assertThat(replay.slots().slotSeconds()).isCloseTo(6.4, within(1e-9));
        assertThat(replay.slots().heldBeyondWorkMillisPerTask()).isCloseTo(100, within(1e-6));
    }
}
