package fullcourt.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.SeasonCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlatformModelTest {

    private final Catalog catalog = CatalogReader.read("classpath:fullcourt-catalog.json");
    private final SeasonCalendar calendar = PlatformCalendar.build(CapacityModel.SEED);

    @Test
    void theCalendarHas918GameDatesFrom2021_10_19To2026_01_03WithoutAllStarBreaks() {
        int gameDates = calendar.seasons().stream().mapToInt(s -> s.gameDates().size()).sum();
        assertThat(gameDates).isEqualTo(918);
        assertThat(calendar.seasons()).hasSize(5);
        assertThat(calendar.isGameDate(PlatformCalendar.FIRST)).isTrue();
        assertThat(calendar.isGameDate(PlatformCalendar.LAST)).isTrue();
        assertThat(calendar.isGameDate(LocalDate.of(2023, 2, 18))).isFalse();
    }

    @Test
    void everyCatalogProcessorHasARunbookDuration() {
        catalog.all().forEach(d -> assertThat(RunbookDurations.MEAN_MILLIS).containsKey(d.name()));
    }

    @Test
    void drawnDurationsAverageTheRunbookMeanAndRepeatForTheSameSeed() {
        RunbookDurations durations = new RunbookDurations(catalog, calendar, 1, 0.5, 0);
        double mean = calendar.seasons().stream().flatMap(s -> s.gameDates().stream())
                .mapToLong(d -> durations.millis(new TaskKey("player_game_summary", d))).average().orElseThrow();
        // 120 h over 918 dates = 470.6 s; 918 lognormal draws with cv 0.5 stay within a few percent
        assertThat(mean / 1000).isCloseTo(470.6, within(470.6 * 0.06));
        TaskKey one = new TaskKey("player_game_summary", LocalDate.of(2023, 1, 10));
        assertThat(new RunbookDurations(catalog, calendar, 1, 0.5, 0).millis(one)).isEqualTo(durations.millis(one));
    }

    @Test
    void bootstrapDaysAndDaysWithoutGamesSkipInASecond() {
        RunbookDurations durations = new RunbookDurations(catalog, calendar, 1, 0.5, 0);
        TaskKey bootstrap = new TaskKey("player_composite_factors", PlatformCalendar.FIRST.plusDays(3));
        TaskKey allStar = new TaskKey("player_game_summary", LocalDate.of(2023, 2, 18));
        TaskKey phase3Early = new TaskKey("player_game_summary", PlatformCalendar.FIRST);
        assertThat(durations.skips(bootstrap)).isTrue();
        assertThat(durations.millis(allStar)).isEqualTo(RunbookDurations.SKIP_MILLIS);
        assertThat(durations.skips(phase3Early)).isFalse();
    }
}
