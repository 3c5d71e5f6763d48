package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aggregate checks that what a model should learn is in the data. */
class PerformanceSignalTest {

    private static Connection db;

    @BeforeAll
    static void generate() throws Exception {
        db = GeneratedSeason.connection();
    }

    @Test
    void homeTeamsWinMoreThanHalfTheirGames() throws Exception {
        double homeWins = Sql.decimal(db, """
                WITH g AS (SELECT game_id, sum(points) FILTER (WHERE team = home_team) h, sum(points) FILTER (WHERE team = away_team) a
                           FROM raw.player_box_scores JOIN raw.schedule USING (game_id) GROUP BY game_id)
                SELECT avg(CASE WHEN h > a THEN 1.0 ELSE 0 END) FROM g""");
        assertThat(homeWins).isBetween(0.5, 0.62);
    }

    @Test
    void playersScoreLessAgainstTheBestDefenses() throws Exception {
        String ranked = """
                WITH allowed AS (SELECT opponent AS team, avg(points) pts FROM raw.team_box_scores GROUP BY 1),
                     ranked AS (SELECT team, rank() OVER (ORDER BY pts) r FROM allowed)
                """;
        double vsBest = Sql.decimal(db, ranked + """
                SELECT avg(p.points) FROM raw.player_box_scores p JOIN ranked d ON p.opponent = d.team
                WHERE p.minutes IS NOT NULL AND d.r <= 5""");
        double vsWorst = Sql.decimal(db, ranked + """
                SELECT avg(p.points) FROM raw.player_box_scores p JOIN ranked d ON p.opponent = d.team
                WHERE p.minutes IS NOT NULL AND d.r >= 26""");
        assertThat(vsBest).isLessThan(vsWorst * 0.97);
    }

    @Test
    void starsScoreLessAndPlayLessOnTheSecondNightOfABackToBack() throws Exception {
        String games = """
                WITH t AS (SELECT home_team team, game_id, game_date FROM raw.schedule UNION ALL SELECT away_team, game_id, game_date FROM raw.schedule),
                     r AS (SELECT team, game_id, game_date - lag(game_date) OVER (PARTITION BY team ORDER BY game_date) = 1 AS b2b FROM t),
                     stars AS (SELECT player_id FROM raw.player_box_scores GROUP BY 1 HAVING avg(minutes) >= 28)
                SELECT avg(%s) FROM raw.player_box_scores p JOIN r USING (game_id, team) JOIN stars USING (player_id)
                WHERE p.minutes IS NOT NULL AND r.b2b = %s""";
        assertThat(Sql.decimal(db, games.formatted("minutes", "true"))).isLessThan(Sql.decimal(db, games.formatted("minutes", "false")));
        assertThat(Sql.decimal(db, games.formatted("points", "true"))).isLessThan(Sql.decimal(db, games.formatted("points", "false")));
    }

    @Test
    void leagueAveragesLookLikeTheNba() throws Exception {
        assertThat(Sql.decimal(db, "SELECT avg(points) FROM raw.team_box_scores")).isBetween(105.0, 120.0);
        assertThat(Sql.decimal(db, "SELECT avg(fga) FROM raw.team_box_scores")).isBetween(84.0, 93.0);
        assertThat(Sql.decimal(db, "SELECT sum(fg3m) / sum(fg3a) FROM raw.team_box_scores")).isBetween(0.33, 0.39);
        assertThat(Sql.decimal(db, "SELECT sum(ftm) / sum(fta) FROM raw.team_box_scores")).isBetween(0.74, 0.82);
        assertThat(Sql.decimal(db, "SELECT avg(oreb + dreb) FROM raw.team_box_scores")).isBetween(40.0, 48.0);
        assertThat(Sql.decimal(db, "SELECT max(points) FROM raw.player_box_scores")).isBetween(40.0, 75.0);
    }
}
