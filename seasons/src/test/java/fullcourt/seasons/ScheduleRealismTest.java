package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScheduleRealismTest {

    private static Connection db;

    @BeforeAll
    static void generate() throws Exception {
        db = GeneratedSeason.connection();
    }

    @Test
    void everyTeamPlays82RegularSeasonGames41AtHome() throws Exception {
        List<List<String>> perTeam = Sql.rows(db, """
                SELECT team, count(*) AS games, count(*) FILTER (WHERE home) AS home_games
                FROM (SELECT home_team AS team, true AS home FROM raw.schedule WHERE season_type = 'regular'
                      UNION ALL
                      SELECT away_team, false FROM raw.schedule WHERE season_type = 'regular')
                GROUP BY team""");
        assertThat(perTeam).hasSize(30).allSatisfy(row -> {
            assertThat(row.get(1)).as("games of %s", row.get(0)).isEqualTo("82");
            assertThat(row.get(2)).as("home games of %s", row.get(0)).isEqualTo("41");
        });
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.schedule WHERE season_type = 'regular'")).isEqualTo(1230);
    }

    @Test
    void teamsMeetTwoToFourTimes() throws Exception {
        List<List<String>> meetings = Sql.rows(db, """
                SELECT least(home_team, away_team) a, greatest(home_team, away_team) b, count(*) n
                FROM raw.schedule WHERE season_type = 'regular' GROUP BY ALL""");
        assertThat(meetings).hasSize(30 * 29 / 2);
        assertThat(meetings).extracting(r -> Integer.parseInt(r.get(2))).allSatisfy(n -> assertThat(n).isBetween(2, 4));
    }

    @Test
    void noGamesDuringTheAllStarBreak() throws Exception {
        Season s = GeneratedSeason.SEASON;
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.schedule WHERE game_date BETWEEN '"
                + s.allStarBreakStart() + "' AND '" + s.allStarBreakEnd() + "'")).isZero();
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.player_box_scores WHERE game_date BETWEEN '"
                + s.allStarBreakStart() + "' AND '" + s.allStarBreakEnd() + "'")).isZero();
    }

    @Test
    void gamesStayWithinTheSeasonWindows() throws Exception {
        Season s = GeneratedSeason.SEASON;
        assertThat(Sql.rows(db, "SELECT min(game_date), max(game_date) FROM raw.schedule WHERE season_type = 'regular'"))
                .containsExactly(List.of(s.regularStart().toString(), s.regularEnd().toString()));
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.schedule WHERE season_type = 'playoffs' AND game_date NOT BETWEEN '"
                + s.playoffsStart() + "' AND '" + s.playoffsEnd() + "'")).isZero();
        assertThat(Sql.number(db, "SELECT count(DISTINCT season) FROM raw.schedule")).isEqualTo(1);
    }

    @Test
    void gameIdIsDateAwayHome() throws Exception {
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.schedule
                WHERE game_id <> strftime(game_date, '%Y%m%d') || '_' || away_team || '_' || home_team
                   OR NOT regexp_full_match(game_id, '[0-9]{8}_[A-Z]{3}_[A-Z]{3}')""")).isZero();
        assertThat(Sql.number(db, "SELECT count(*) - count(DISTINCT game_id) FROM raw.schedule")).isZero();
        // box scores carry the schedule's date and teams
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.player_box_scores p JOIN raw.schedule s USING (game_id)
                WHERE p.game_date <> s.game_date
                   OR NOT ((p.team = s.home_team AND p.opponent = s.away_team) OR (p.team = s.away_team AND p.opponent = s.home_team))""")).isZero();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.team_box_scores t JOIN raw.schedule s USING (game_id)
                WHERE t.game_date <> s.game_date OR t.is_home <> (t.team = s.home_team)""")).isZero();
    }

    @Test
    void slatesRangeFromTwoToFifteenGamesWithTheRunbookMix() throws Exception {
        assertThat(Sql.rows(db, """
                SELECT min(n), max(n) FROM (SELECT game_date, count(*) n FROM raw.schedule
                WHERE season_type = 'regular' GROUP BY ALL)""").get(0))
                .satisfies(r -> {
                    assertThat(Integer.parseInt(r.get(0))).isGreaterThanOrEqualTo(2);
                    assertThat(Integer.parseInt(r.get(1))).isLessThanOrEqualTo(15);
                });
        // runbooks, over all game dates: ~20% full (10+), ~45% medium (5-9), ~35% light
        List<String> mix = Sql.rows(db, """
                SELECT avg(CASE WHEN n >= 10 THEN 1.0 ELSE 0 END), avg(CASE WHEN n BETWEEN 5 AND 9 THEN 1.0 ELSE 0 END),
                       avg(CASE WHEN n < 5 THEN 1.0 ELSE 0 END)
                FROM (SELECT game_date, count(*) n FROM raw.schedule GROUP BY ALL)""").get(0);
        assertThat(Double.parseDouble(mix.get(0))).isBetween(0.13, 0.28);
        assertThat(Double.parseDouble(mix.get(1))).isBetween(0.35, 0.55);
        assertThat(Double.parseDouble(mix.get(2))).isBetween(0.25, 0.45);
    }

    @Test
    void everyTeamHasTwelveToSixteenBackToBacksAndNeverThreeDaysRunning() throws Exception {
        String teamDates = """
                WITH t AS (SELECT home_team team, game_date FROM raw.schedule UNION ALL SELECT away_team, game_date FROM raw.schedule),
                     l AS (SELECT team, game_date, game_date - lag(game_date) OVER w AS gap, game_date - lag(game_date, 2) OVER w AS gap2
                           FROM t WINDOW w AS (PARTITION BY team ORDER BY game_date))
                """;
        List<List<String>> backToBacks = Sql.rows(db, teamDates + "SELECT team, count(*) FILTER (WHERE gap = 1) FROM l GROUP BY team");
        assertThat(backToBacks).hasSize(30).extracting(r -> Integer.parseInt(r.get(1)))
                .allSatisfy(n -> assertThat(n).isBetween(11, 17));
        double average = backToBacks.stream().mapToInt(r -> Integer.parseInt(r.get(1))).average().orElseThrow();
        assertThat(average).isBetween(12.0, 16.0);
        assertThat(Sql.number(db, teamDates + "SELECT count(*) FROM l WHERE gap2 = 2")).isZero();
        assertThat(Sql.number(db, teamDates + "SELECT count(*) FROM l WHERE gap = 0")).isZero();
    }

    @Test
    void playoffsAreSixteenTeamsInBestOfSevenSeries() throws Exception {
        assertThat(Sql.number(db, """
                SELECT count(DISTINCT team) FROM (SELECT home_team team FROM raw.schedule WHERE season_type = 'playoffs'
                UNION ALL SELECT away_team FROM raw.schedule WHERE season_type = 'playoffs')""")).isEqualTo(16);
        List<List<String>> series = Sql.rows(db, """
                WITH g AS (SELECT t.game_id, least(t.team, t.opponent) a, greatest(t.team, t.opponent) b,
                                  CASE WHEN sum(points) FILTER (WHERE t.team = least(t.team, t.opponent))
                                          > sum(points) FILTER (WHERE t.team = greatest(t.team, t.opponent)) THEN 1 ELSE 0 END a_won
                           FROM raw.player_box_scores t JOIN raw.schedule s USING (game_id)
                           WHERE s.season_type = 'playoffs' GROUP BY ALL)
                SELECT a, b, count(*) games, greatest(sum(a_won), count(*) - sum(a_won)) winner_wins FROM g GROUP BY a, b""");
        assertThat(series).hasSize(15).allSatisfy(r -> {
            assertThat(Integer.parseInt(r.get(2))).isBetween(4, 7);
            assertThat(r.get(3)).isEqualTo("4");
        });
        long games = Sql.number(db, "SELECT count(*) FROM raw.schedule WHERE season_type = 'playoffs'");
        assertThat(games).isBetween(60L, 105L);
        assertThat(Sql.number(db, "SELECT max(n) FROM (SELECT game_date, count(*) n FROM raw.schedule WHERE season_type = 'playoffs' GROUP BY ALL)"))
                .isLessThanOrEqualTo(4);
    }
}
