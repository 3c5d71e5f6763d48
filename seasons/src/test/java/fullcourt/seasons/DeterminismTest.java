package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void theSameSeedGivesIdenticalRowsAndAnotherSeedDifferentOnes() throws Exception {
        List<String> first = Sql.checksums(GeneratedSeason.connection());
        try (Connection again = DriverManager.getConnection("jdbc:duckdb:");
                Connection other = DriverManager.getConnection("jdbc:duckdb:")) {
            new SeasonGenerator(GeneratedSeason.SEED).generate(again, List.of(GeneratedSeason.SEASON));
            new SeasonGenerator(GeneratedSeason.SEED + 1).generate(other, List.of(GeneratedSeason.SEASON));
            assertThat(Sql.checksums(again)).isEqualTo(first);
            List<String> different = Sql.checksums(other);
            for (int i = 0; i < first.size(); i++) {
                assertThat(different.get(i)).isNotEqualTo(first.get(i));
            }
        }
    }

    @Test
    void regeneratingReplacesTheSeasonsRowsAndLeavesOtherSeasonsAlone() throws Exception {
        Season earlier = Season.of("2022-23");
        Season later = Season.of("2023-24");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            SeasonGenerator generator = new SeasonGenerator(7);
            GenerationReport both = generator.generate(db, List.of(later, earlier));
            assertThat(both.seasons()).extracting(SeasonSummary::season).containsExactly("2022-23", "2023-24");
            assertThat(generator.present(db, earlier)).isTrue();
            assertThat(generator.present(db, later)).isTrue();
            assertThat(generator.present(db, Season.of("2024-25"))).isFalse();
            List<String> laterBefore = Sql.checksums(db, later);

            GenerationReport again = generator.generate(db, List.of(earlier));

            assertThat(again.rows("schedule")).isEqualTo(1230 + again.seasons().get(0).playoffGames());
            assertThat(Sql.number(db, "SELECT count(*) FROM raw.schedule WHERE season = '2022-23'"))
                    .isEqualTo(again.rows("schedule"));
            assertThat(Sql.number(db, "SELECT count(*) FROM raw.shot_events WHERE game_date BETWEEN '"
                    + earlier.firstDay() + "' AND '" + earlier.lastDay() + "'")).isEqualTo(again.rows("shot_events"));
            assertThat(Sql.checksums(db, later)).isEqualTo(laterBefore);
        }
    }

    @Test
    void aSeasonsGamesDoNotDependOnWhichSeasonsAreGeneratedButItsPropLinesDo() throws Exception {
        Season season = GeneratedSeason.SEASON;
        Connection alone = GeneratedSeason.connection();
        try (Connection withNext = DriverManager.getConnection("jdbc:duckdb:")) {
            new SeasonGenerator(GeneratedSeason.SEED).generate(withNext, List.of(season, Season.of("2023-24")));
            List<String> aloneSums = Sql.checksums(alone, season);
            List<String> withNextSums = Sql.checksums(withNext, season);
            assertThat(withNextSums.subList(0, 4)).isEqualTo(aloneSums.subList(0, 4));
            // the odds source keeps only recent lines: the season before the last one has them after the All-Star break
            assertThat(Sql.rows(withNext, "SELECT min(game_date) FROM raw.prop_lines WHERE game_date <= '" + season.lastDay() + "'"))
                    .singleElement().satisfies(r -> assertThat(r.get(0)).isGreaterThan(season.allStarBreakEnd().toString()));
            assertThat(Sql.number(withNext, "SELECT count(*) FROM raw.prop_lines WHERE game_date < '" + season.allStarBreakEnd() + "'"))
                    .isZero();
        }
    }
}
