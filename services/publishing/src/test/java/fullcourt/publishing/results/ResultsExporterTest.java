package fullcourt.publishing.results;

import static fullcourt.publishing.ExportFixture.D;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.processor.Outcome;
import fullcourt.publishing.Export;
import fullcourt.publishing.ExportFixture;
import fullcourt.publishing.ExporterTest;
import fullcourt.publishing.validation.ExportValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsExporterTest extends ExporterTest {

    @Override
    protected void load() {
        // New York at Boston, and Los Angeles at Denver, whose totals no source had (points NULL)
        fixture.execute("""
                INSERT INTO analytics.team_offense_game_summary VALUES
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'NYK', 'BOS', FALSE, 101),
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 110),
                  ('20231115_LAL_DEN', DATE '2023-11-15', '2023-24', 'regular', 'DEN', 'LAL', TRUE, NULL),
                  ('20231115_LAL_DEN', DATE '2023-11-15', '2023-24', 'regular', 'LAL', 'DEN', FALSE, 99),
                  ('20231113_DEN_LAL', DATE '2023-11-13', '2023-24', 'regular', 'LAL', 'DEN', TRUE, 130)""");
        // Boston: b1 and b3 start (b3 played longer), b2 comes off the bench, b9 did not play
        fixture.execute("""
                INSERT INTO analytics.player_game_summary VALUES
                  ('20231115_NYK_BOS', DATE '2023-11-15', 'BOS', 'NYK', 'b1', 'Player b1', TRUE, 34.5, 28, 7, 5, 3, NULL),
                  ('20231115_NYK_BOS', DATE '2023-11-15', 'BOS', 'NYK', 'b2', 'Player b2', FALSE, 20.0, 6, 4, 1, 0, NULL),
                  ('20231115_NYK_BOS', DATE '2023-11-15', 'BOS', 'NYK', 'b9', 'Player b9', FALSE, NULL, NULL, NULL, NULL, NULL, 'Coach''s decision'),
                  ('20231115_NYK_BOS', DATE '2023-11-15', 'BOS', 'NYK', 'b3', 'Player b3', TRUE, 36.0, 31, 9, 8, 4, NULL),
                  ('20231115_NYK_BOS', DATE '2023-11-15', 'NYK', 'BOS', 'n1', 'Player n1', TRUE, 30.0, 22, 3, 6, 2, NULL),
                  ('20231115_LAL_DEN', DATE '2023-11-15', 'DEN', 'LAL', 'd1', 'Player d1', TRUE, 38.0, 35, 14, 9, 1, NULL),
                  ('20231113_DEN_LAL', DATE '2023-11-13', 'LAL', 'DEN', 'l9', 'Player l9', TRUE, 40.0, 40, 10, 10, 5, NULL)""");
    }

    @Test
    void publishesTheDatesGamesWithFinalPointsAndEveryPlayersLine() throws Exception {
        assertThat(fixture.export(Export.RESULTS, D)).isEqualTo(Outcome.written(1));

        // games by id (LAL_DEN before NYK_BOS); players starters first, then by minutes, DNP last;
        // the 11-13 game is another date's
        assertThat(fixture.document(Export.RESULTS, D)).isEqualTo(ExportFixture.json("""
                {"schemaVersion": 1, "gameDate": "2023-11-15", "games": [
                  {"gameId": "20231115_LAL_DEN", "season": "2023-24", "seasonType": "regular",
                   "away": {"team": "LAL", "points": 99, "players": []},
                   "home": {"team": "DEN", "points": null, "players": [
                     {"playerId": "d1", "playerName": "Player d1", "starter": true, "minutes": 38.0, "points": 35,
                      "rebounds": 14, "assists": 9, "threesMade": 1, "dnpReason": null}]}},
                  {"gameId": "20231115_NYK_BOS", "season": "2023-24", "seasonType": "regular",
                   "away": {"team": "NYK", "points": 101, "players": [
                     {"playerId": "n1", "playerName": "Player n1", "starter": true, "minutes": 30.0, "points": 22,
                      "rebounds": 3, "assists": 6, "threesMade": 2, "dnpReason": null}]},
                   "home": {"team": "BOS", "points": 110, "players": [
                     {"playerId": "b3", "playerName": "Player b3", "starter": true, "minutes": 36.0, "points": 31,
                      "rebounds": 9, "assists": 8, "threesMade": 4, "dnpReason": null},
                     {"playerId": "b1", "playerName": "Player b1", "starter": true, "minutes": 34.5, "points": 28,
                      "rebounds": 7, "assists": 5, "threesMade": 3, "dnpReason": null},
                     {"playerId": "b2", "playerName": "Player b2", "starter": false, "minutes": 20.0, "points": 6,
                      "rebounds": 4, "assists": 1, "threesMade": 0, "dnpReason": null},
                     {"playerId": "b9", "playerName": "Player b9", "starter": false, "minutes": null, "points": null,
                      "rebounds": null, "assists": null, "threesMade": null, "dnpReason": "Coach's decision"}]}}]}
                """));
    }

    @Test
    void documentMatchesItsSchema() throws Exception {
        fixture.export(Export.RESULTS, D);

        assertThat(ExportValidator.problems(Export.RESULTS, D, fixture.bytes(Export.RESULTS, D))).isEmpty();
    }

    @Test
    void manifestRowNamesTheObjectItsPlayerLinesBytesAndHash() throws Exception {
        fixture.export(Export.RESULTS, D);

        byte[] content = fixture.bytes(Export.RESULTS, D);
        List<Map<String, Object>> manifest = fixture.manifest(Export.RESULTS);
        assertThat(manifest).hasSize(1);
        // 6 player lines: d1, n1, b1, b2, b3, b9
        assertThat(manifest.get(0)).containsEntry("game_date", D)
                .containsEntry("object_path", "v1/results/2023-11-15.json")
                .containsEntry("record_count", 6L)
                .containsEntry("bytes", (long) content.length)
                .containsEntry("sha256", sha256(content));
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
