package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BoxScoreConsistencyTest {

    private static Connection db;

    @BeforeAll
    static void generate() throws Exception {
        db = GeneratedSeason.connection();
    }

    @Test
    void teamTotalsAreSumsOfPlayerRows() throws Exception {
        String[] columns = {"points", "fgm", "fga", "fg3m", "fg3a", "ftm", "fta", "oreb", "dreb", "ast", "stl", "blk", "tov", "pf"};
        StringBuilder mismatch = new StringBuilder("false");
        StringBuilder sums = new StringBuilder();
        for (String c : columns) {
            sums.append(", coalesce(sum(").append(c).append("), 0) AS ").append(c);
            mismatch.append(" OR t.").append(c).append(" <> p.").append(c);
        }
        long teamRows = Sql.number(db, "SELECT count(*) FROM raw.team_box_scores");
        assertThat(teamRows).isGreaterThan(2000);
        long checked = Sql.number(db, "WITH p AS (SELECT game_id, team" + sums + " FROM raw.player_box_scores GROUP BY ALL) "
                + "SELECT count(*) FROM raw.team_box_scores t JOIN p USING (game_id, team)");
        assertThat(checked).isEqualTo(teamRows);
        assertThat(Sql.rows(db, "WITH p AS (SELECT game_id, team" + sums + " FROM raw.player_box_scores GROUP BY ALL) "
                + "SELECT t.game_id, t.team FROM raw.team_box_scores t JOIN p USING (game_id, team) WHERE " + mismatch))
                .isEmpty();
    }

    @Test
    void playerMinutesAddUpTo240PlusTwentyFivePerOvertime() throws Exception {
        assertThat(Sql.rows(db, """
                SELECT t.game_id, t.team, sum(p.minutes), t.minutes, t.overtime_periods
                FROM raw.team_box_scores t JOIN raw.player_box_scores p USING (game_id, team)
                GROUP BY ALL
                HAVING sum(p.minutes) <> 240 + 25 * t.overtime_periods OR t.minutes <> 240 + 25 * t.overtime_periods""")).isEmpty();
        // the game missing from the team source adds up too, in whole overtime periods
        assertThat(Sql.number(db, """
                SELECT count(*) FROM (SELECT game_id, team, sum(minutes) m FROM raw.player_box_scores GROUP BY ALL)
                WHERE m < 240 OR (m - 240) % 25 <> 0""")).isZero();
        double overtimeShare = Sql.decimal(db,
                "SELECT avg(CASE WHEN overtime_periods > 0 THEN 1.0 ELSE 0 END) FROM raw.team_box_scores");
        assertThat(overtimeShare).isBetween(0.03, 0.10);
        assertThat(Sql.number(db, "SELECT max(minutes) FROM raw.player_box_scores")).isLessThanOrEqualTo(48 + 5 * 4);
    }

    @Test
    void pointsAreTwoPerFieldGoalPlusOnePerThreePlusFreeThrows() throws Exception {
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.player_box_scores
                WHERE minutes IS NOT NULL AND points <> 2 * fgm + fg3m + ftm""")).isZero();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.team_box_scores WHERE points <> 2 * fgm + fg3m + ftm""")).isZero();
    }

    @Test
    void madeNeverExceedsAttempted() throws Exception {
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.player_box_scores
                WHERE fgm > fga OR fg3m > fg3a OR ftm > fta OR fg3a > fga OR fg3m > fgm
                   OR least(fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb, ast, stl, blk, tov, pf) < 0 OR pf > 6""")).isZero();
    }

    @Test
    void plusMinusSumsToFiveTimesTheMargin() throws Exception {
        assertThat(Sql.rows(db, """
                WITH team AS (SELECT game_id, team, opponent, sum(points) pts, sum(plus_minus) pm FROM raw.player_box_scores GROUP BY ALL)
                SELECT a.game_id, a.team FROM team a JOIN team b ON a.game_id = b.game_id AND a.opponent = b.team
                WHERE a.pm <> 5 * (a.pts - b.pts) OR a.pts = b.pts""")).isEmpty();
    }

    @Test
    void didNotPlayRowsHaveNoStatsAndAReason() throws Exception {
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.player_box_scores
                WHERE (minutes IS NULL) <> (dnp_reason IS NOT NULL)
                   OR (minutes IS NULL AND (points IS NOT NULL OR plus_minus IS NOT NULL OR starter))
                   OR (minutes IS NOT NULL AND (points IS NULL OR minutes <= 0))""")).isZero();
        List<String> reasons = Sql.rows(db, "SELECT DISTINCT dnp_reason FROM raw.player_box_scores WHERE dnp_reason IS NOT NULL")
                .stream().map(r -> r.get(0)).toList();
        assertThat(reasons).contains("Coach's decision", "Rest").anyMatch(r -> r.startsWith("Injury: "));
    }

    @Test
    void injuriesKeepPlayersOutForConsecutiveGames() throws Exception {
        // a run of two or more straight games missed with an injury
        long runs = Sql.number(db, """
                SELECT count(*) FROM (SELECT dnp_reason, lag(dnp_reason) OVER (PARTITION BY player_id ORDER BY game_date) prev
                                      FROM raw.player_box_scores)
                WHERE dnp_reason LIKE 'Injury:%' AND prev = dnp_reason""");
        assertThat(runs).isGreaterThan(30);
    }

    @Test
    void rostersHaveThirteenToFifteenPlayersWithFiveStartersAGame() throws Exception {
        assertThat(Sql.rows(db, """
                SELECT team, count(DISTINCT player_id) n FROM raw.player_box_scores GROUP BY team
                HAVING n NOT BETWEEN 13 AND 15""")).isEmpty();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM (SELECT game_id, team, count(*) FILTER (WHERE starter) s,
                                             count(*) FILTER (WHERE minutes IS NOT NULL) played
                                      FROM raw.player_box_scores GROUP BY ALL)
                WHERE s <> 5 OR played < 8""")).isZero();
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.player_box_scores WHERE NOT regexp_full_match(player_id, 'p[0-9]{4}')"))
                .isZero();
    }

    @Test
    void shotEventsMatchBoxScoresForEveryPlayerGame() throws Exception {
        String gapDate = gapDate();
        assertThat(Sql.rows(db, """
                WITH s AS (SELECT game_id, player_id, count(*) fga, count(*) FILTER (WHERE made) fgm,
                                  count(*) FILTER (WHERE zone = 'three') fg3a, count(*) FILTER (WHERE zone = 'three' AND made) fg3m
                           FROM raw.shot_events GROUP BY ALL)
                SELECT p.game_id, p.player_id, p.fga, s.fga FROM raw.player_box_scores p LEFT JOIN s USING (game_id, player_id)
                WHERE p.game_date <> '%s' AND coalesce(p.fga, 0) > 0
                  AND (s.fga IS NULL OR p.fga <> s.fga OR p.fgm <> s.fgm OR p.fg3a <> s.fg3a OR p.fg3m <> s.fg3m)
                """.formatted(gapDate))).isEmpty();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.shot_events s LEFT JOIN raw.player_box_scores p USING (game_id, player_id)
                WHERE p.team IS NULL OR p.team <> s.team OR p.minutes IS NULL""")).isZero();
    }

    @Test
    void shotEventsAreOrderedAndAssistedOnlyWhenMade() throws Exception {
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.shot_events WHERE assisted AND NOT made")).isZero();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM (SELECT game_id, count(*) n, min(event_id) lo, max(event_id) hi, count(DISTINCT event_id) d
                                      FROM raw.shot_events GROUP BY game_id) WHERE lo <> 1 OR hi <> n OR d <> n""")).isZero();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM (SELECT period, lag(period) OVER (PARTITION BY game_id ORDER BY event_id) prev FROM raw.shot_events)
                WHERE period < prev""")).isZero();
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.shot_events s JOIN raw.team_box_scores t ON s.game_id = t.game_id AND s.team = t.team
                WHERE s.period < 1 OR s.period > 4 + t.overtime_periods""")).isZero();
        double assistedShare = Sql.decimal(db, "SELECT avg(CASE WHEN assisted THEN 1.0 ELSE 0 END) FROM raw.shot_events WHERE made");
        assertThat(assistedShare).isBetween(0.52, 0.68);
        // every assist in the box score is an assisted make in the play-by-play (the gap date aside)
        assertThat(Sql.rows(db, """
                WITH s AS (SELECT game_id, team, count(*) FILTER (WHERE assisted) a FROM raw.shot_events GROUP BY ALL),
                     p AS (SELECT game_id, team, sum(ast) a FROM raw.player_box_scores GROUP BY ALL)
                SELECT p.game_id FROM p JOIN s USING (game_id, team) WHERE p.a <> s.a""")).isEmpty();
    }

    @Test
    void paintTakesAboutHalfOfMostPlayersTwoPointAttemptsAndMoreForBigs() throws Exception {
        List<List<String>> shares = Sql.rows(db, """
                SELECT player_id, avg(CASE WHEN zone = 'paint' THEN 1.0 ELSE 0 END) AS paint_share
                FROM raw.shot_events WHERE zone <> 'three' GROUP BY player_id HAVING count(*) >= 200""");
        List<Double> values = shares.stream().map(r -> Double.parseDouble(r.get(1))).sorted().toList();
        double median = values.get(values.size() / 2);
        assertThat(median).isBetween(0.45, 0.60);
        assertThat(values.get(values.size() - 1)).isGreaterThan(0.7);
    }

    private static String gapDate() throws Exception {
        return GeneratedSeason.report().gaps().stream()
                .filter(g -> g.kind() == SourceGap.Kind.SHOT_EVENTS_DATE)
                .findFirst().orElseThrow().date().toString();
    }
}
