package fullcourt.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    @Test
    void drawsAHeadingAndOneLinePerPhaseWithBarRateEtaAndCounts() {
        // 100 s in. Phase 3: 2,310 of 4,770 finished = 48.4% -> 48%, bar 20 x 0.484 = 9.7 -> 9 marks;
        // 2,310 / 100 s = 23.1/s, (4,770 - 2,310) / 23.1 = 106.5 s -> ETA 1m46s.
        // Phase 4: all 100 finished (2 dead, 3 blocked among them) at 1.0/s, 7 redeliveries.
        // Phase 5: nothing finished yet, so no rate to project an ETA from.
        RunSnapshot run = new RunSnapshot("bf-a", "RUNNING", Duration.ofSeconds(100), List.of(
                new PhaseProgress(3, 4770, 2310, 4, 0, 0, 0, 0),
                new PhaseProgress(4, 100, 100, 0, 7, 2, 3, 0),
                new PhaseProgress(5, 10, 0, 0, 0, 0, 0, 0)));

        assertThat(LiveView.lines(run)).containsExactly(
                "bf-a  RUNNING  1m40s",
                "  phase 3  [#########...........]   2,310/4,770   48%    23.1/s    ETA 1m46s    running   4  retries 0  dead 0",
                "  phase 4  [####################]     100/100    100%     1.0/s    done         running   0  retries 7  dead 2"
                        + "  blocked 3",
                "  phase 5  [....................]       0/10       0%     0.0/s    ETA -        running   0  retries 0  dead 0");
    }

    @Test
    void aCancelledPhaseSaysHowManyTasksWereCancelled() {
        // 6 of 10 finished: 1 succeeded before the cancel, 5 cancelled; 60% -> 12 marks
        RunSnapshot run = new RunSnapshot("bf-c", "CANCELLED", Duration.ofSeconds(3725), List.of(
                new PhaseProgress(6, 10, 6, 4, 0, 0, 0, 5)));

        List<String> lines = LiveView.lines(run);

        assertThat(lines.get(0)).isEqualTo("bf-c  CANCELLED  1h02m");
        assertThat(lines.get(1)).startsWith("  phase 6  [############........]").endsWith("dead 0  cancelled 5");
    }

    @Test
    void belowOneTaskASecondTheRateIsPerMinute() {
        // 30 of 90 in 10 minutes: 0.05/s = 3.0/min, 60 left at that rate -> 20 minutes
        RunSnapshot run = new RunSnapshot("bf-s", "RUNNING", Duration.ofMinutes(10), List.of(
                new PhaseProgress(5, 90, 30, 2, 0, 0, 0, 0)));

        assertThat(LiveView.lines(run).get(1)).contains("    3.0/min  ETA 20m00s ");
    }

    @Test
    void tasksThePlanSkippedCountAsFinishedButNotInTheRate() {
        // 100 s in: 300 of 1,000 finished, 200 of them skipped as planned (never ran): 100 ran at 1.0/s,
        // 700 left at that rate -> 11m40s (counting the skipped ones, 3.0/s would promise 3m53s)
        RunSnapshot run = new RunSnapshot("bf-k", "RUNNING", Duration.ofSeconds(100), List.of(
                new PhaseProgress(4, 1000, 300, 2, 0, 0, 0, 0, 200)));

        assertThat(LiveView.lines(run).get(1)).contains("     300/1,000   30%     1.0/s    ETA 11m40s ");
    }

    @Test
    void aRunWithoutTasksSaysSo() {
        assertThat(LiveView.lines(new RunSnapshot("bf-e", "COMPLETED", Duration.ofSeconds(3), List.of())))
                .containsExactly("bf-e  COMPLETED  3s", "  no tasks");
    }
}
