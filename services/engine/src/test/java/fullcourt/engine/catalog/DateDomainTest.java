package fullcourt.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DateDomainTest {

    private static final LocalDate OCT_19 = LocalDate.of(2021, 10, 19);

    /** Two seasons: 2021-22 plays Oct 19, 20, 22 (not 21) and Oct 25; 2022-23 starts Oct 18, 2022. */
    private static final SeasonCalendar CALENDAR = new SeasonCalendar(List.of(
            new SeasonCalendar.Season("2021-22", OCT_19, LocalDate.of(2021, 10, 25), new TreeSet<>(List.of(
                    OCT_19, LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 22), LocalDate.of(2021, 10, 25)))),
            new SeasonCalendar.Season("2022-23", LocalDate.of(2022, 10, 18), LocalDate.of(2022, 10, 19),
                    new TreeSet<>(List.of(LocalDate.of(2022, 10, 18), LocalDate.of(2022, 10, 19))))));

    @Test
    void seasonDaysAreEveryDayInsideASeasonGameDayOrNot() {
        List<LocalDate> dates = DateDomain.SEASON_DAYS.dates(LocalDate.of(2021, 10, 18), LocalDate.of(2022, 10, 18), CALENDAR);
        // Oct 19..25, 2021 (7 days, Oct 21, 23 and 24 without games) and Oct 18, 2022
        assertThat(dates).hasSize(8).startsWith(OCT_19).endsWith(LocalDate.of(2022, 10, 18));
    }

    @Test
    void previousCountsGameDatesOfTheSameSeasonOnly() {
        assertThat(DateDomain.SEASON_DAYS.window(LocalDate.of(2021, 10, 25), Window.previous(2), CALENDAR))
                .containsExactly(LocalDate.of(2021, 10, 22), LocalDate.of(2021, 10, 20)); // Oct 21 had no games
        assertThat(DateDomain.SEASON_DAYS.window(LocalDate.of(2022, 10, 19), Window.previous(5), CALENDAR))
                .containsExactly(LocalDate.of(2022, 10, 18)); // never reaches into 2021-22
    }

    @Test
    void seasonToDateIsEveryEarlierGameDateOfTheSeason() {
        assertThat(DateDomain.SEASON_DAYS.window(LocalDate.of(2021, 10, 24), Window.SEASON_TO_DATE, CALENDAR))
                .containsExactly(OCT_19, LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 22));
        assertThat(DateDomain.SEASON_DAYS.window(OCT_19, Window.SEASON_TO_DATE, CALENDAR)).isEmpty();
    }

    @Test
    void trailingDaysReachIntoEarlierSeasonsAndSkipTheOffSeason() {
        // 2022-10-19 looks back 366 days: Oct 18, 2022 and the whole 2021-22 span (Oct 19..25, 2021)
        assertThat(DateDomain.SEASON_DAYS.window(LocalDate.of(2022, 10, 19), Window.trailingDays(366), CALENDAR))
                .hasSize(8).startsWith(OCT_19).endsWith(LocalDate.of(2022, 10, 18))
                .doesNotContain(LocalDate.of(2022, 10, 19), LocalDate.of(2022, 1, 1));
        // two days back from Oct 22, 2021: Oct 20 and 21 (a season day without games is still a task)
        assertThat(DateDomain.SEASON_DAYS.window(LocalDate.of(2021, 10, 22), Window.trailingDays(2), CALENDAR))
                .containsExactly(LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 21));
    }

    @Test
    void bootstrapDaysAreTheFirstDaysOfEachSeason() {
        DateDomain withBootstrap = DateDomain.parse("season-days:bootstrap=3");
        assertThat(withBootstrap.isBootstrap(LocalDate.of(2021, 10, 21), CALENDAR)).isTrue(); // 19, 20, 21
        assertThat(withBootstrap.isBootstrap(LocalDate.of(2021, 10, 22), CALENDAR)).isFalse();
        assertThat(withBootstrap.isBootstrap(LocalDate.of(2022, 10, 19), CALENDAR)).isTrue();
        assertThat(DateDomain.SEASON_DAYS.isBootstrap(OCT_19, CALENDAR)).isFalse();
    }
}
