package fullcourt.seasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SourceGapsTest {

    private static Connection db;
    private static List<SourceGap> gaps;

    @BeforeAll
    static void generate() throws Exception {
        db = GeneratedSeason.connection();
        gaps = GeneratedSeason.report().gaps();
    }

    @Test
    void oneDateWithoutShotEventsAndOneGameWithoutTeamRowsPerSeason() {
        assertThat(gaps).extracting(SourceGap::kind)
                .containsExactlyInAnyOrder(SourceGap.Kind.SHOT_EVENTS_DATE, SourceGap.Kind.TEAM_BOX_SCORE_GAME);
        assertThat(gaps).allSatisfy(g -> assertThat(g.season()).isEqualTo("2022-23"));
    }

    @Test
    void theShotEventGapIsExactlyTheReportedDate() throws Exception {
        SourceGap gap = gap(SourceGap.Kind.SHOT_EVENTS_DATE);
        List<String> datesWithGamesButNoShots = Sql.rows(db, """
                SELECT DISTINCT s.game_date FROM raw.schedule s
                WHERE NOT EXISTS (SELECT 1 FROM raw.shot_events e WHERE e.game_date = s.game_date)""")
                .stream().map(r -> r.get(0)).toList();
        assertThat(datesWithGamesButNoShots).containsExactly(gap.date().toString());
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.player_box_scores WHERE game_date = '" + gap.date() + "'"))
                .isPositive();
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.team_box_scores WHERE game_date = '" + gap.date() + "'"))
                .isPositive();
    }

    @Test
    void theTeamSourceGapIsExactlyTheReportedGame() throws Exception {
        SourceGap gap = gap(SourceGap.Kind.TEAM_BOX_SCORE_GAME);
        List<String> gamesWithoutBothTeamRows = Sql.rows(db, """
                SELECT s.game_id FROM raw.schedule s LEFT JOIN raw.team_box_scores t USING (game_id)
                GROUP BY s.game_id HAVING count(t.team) <> 2""").stream().map(r -> r.get(0)).toList();
        assertThat(gamesWithoutBothTeamRows).containsExactly(gap.gameId());
        assertThat(Sql.number(db, "SELECT count(*) FROM raw.team_box_scores WHERE game_id = '" + gap.gameId() + "'")).isZero();
        assertThat(Sql.number(db, "SELECT count(DISTINCT team) FROM raw.player_box_scores WHERE game_id = '" + gap.gameId() + "'"))
                .isEqualTo(2);
        assertThat(gap.date()).isNotEqualTo(gap(SourceGap.Kind.SHOT_EVENTS_DATE).date());
        assertThat(gap.gameId()).startsWith(gap.date().toString().replace("-", ""));
    }

    @Test
    void everyScheduledGameHasPlayerBoxScores() throws Exception {
        assertThat(Sql.number(db, """
                SELECT count(*) FROM raw.schedule s
                WHERE (SELECT count(DISTINCT team) FROM raw.player_box_scores p WHERE p.game_id = s.game_id) <> 2""")).isZero();
    }

    private static SourceGap gap(SourceGap.Kind kind) {
        return gaps.stream().filter(g -> g.kind() == kind).findFirst().orElseThrow();
    }
}
