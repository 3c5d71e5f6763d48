package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeasonTest {

    @ParameterizedTest
    @CsvSource({"2021-22, 2021-10-19", "2022-23, 2022-10-18", "2023-24, 2023-10-24", "2024-25, 2024-10-22"})
    void seasonsOpenOnTheirRealOpeningNights(String label, LocalDate opening) {
        Season season = Season.of(label);
        assertThat(season.label()).isEqualTo(label);
        assertThat(season.regularStart()).isEqualTo(opening);
    }

    @ParameterizedTest
    @CsvSource({"2021-22", "2022-23", "2023-24", "2024-25", "2025-26"})
    void theCalendarHasARegularSeasonABreakAndPlayoffsWhereTheLeagueHasThem(String label) {
        Season s = Season.of(label);
        long regularDays = ChronoUnit.DAYS.between(s.regularStart(), s.regularEnd()) + 1;
        assertThat(regularDays).isBetween(170L, 175L);
        assertThat(s.regularEnd().getMonth()).isEqualTo(Month.APRIL);
        assertThat(s.regularEnd().getDayOfMonth()).isBetween(8, 18);
        long breakDays = ChronoUnit.DAYS.between(s.allStarBreakStart(), s.allStarBreakEnd()) + 1;
        assertThat(breakDays).isBetween(4L, 5L);
        assertThat(s.allStarBreakStart()).isAfterOrEqualTo(LocalDate.of(s.startYear() + 1, 2, 13));
        assertThat(s.allStarBreakEnd()).isBeforeOrEqualTo(LocalDate.of(s.startYear() + 1, 2, 23));
        assertThat(ChronoUnit.DAYS.between(s.regularEnd(), s.playoffsStart())).isBetween(5L, 8L);
        assertThat(s.playoffsEnd().getMonth()).isEqualTo(Month.JUNE);
        assertThat(s.playoffsEnd().getDayOfMonth()).isBetween(10, 22);
    }

    @Test
    void the2022AllStarBreakSurroundsAllStarSunday() {
        Season s = Season.of("2021-22");
        assertThat(s.allStarBreakStart()).isEqualTo(LocalDate.of(2022, 2, 18));
        assertThat(s.allStarBreakEnd()).isEqualTo(LocalDate.of(2022, 2, 22));
        assertThat(s.allStarBreakStart().plusDays(2).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(s.inAllStarBreak(LocalDate.of(2022, 2, 20))).isTrue();
        assertThat(s.inAllStarBreak(LocalDate.of(2022, 2, 23))).isFalse();
    }

    @Test
    void malformedLabelsAreRejectedNamingTheExpectedForm() {
        assertThatThrownBy(() -> Season.of("2022/23")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2022-23").hasMessageContaining("'2022/23'");
        assertThatThrownBy(() -> Season.of("2022-24")).hasMessageContaining("expected 2022-23");
        assertThatThrownBy(() -> Season.of("2019-20")).hasMessageContaining("2021-22");
        assertThatThrownBy(() -> Season.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
