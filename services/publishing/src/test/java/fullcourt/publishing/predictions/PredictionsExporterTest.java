package fullcourt.publishing.predictions;

import static fullcourt.publishing.ExportFixture.D;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.publishing.Export;
import fullcourt.publishing.ExportFixture;
import fullcourt.publishing.ExporterTest;
import fullcourt.publishing.validation.ExportValidator;
import org.junit.jupiter.api.Test;

class PredictionsExporterTest extends ExporterTest {

    @Override
    protected void load() {
        // b1 has a 24.5 line; n1 has none (no recommendation); moving_average has no model for n1 yet
        fixture.execute("""
                INSERT INTO predictions.player_prop_predictions VALUES
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 'b1', 'Player b1',
                   'xgboost', 'xgb-1', 27.25, 24.5, TRUE, 2.75, 'OVER', 0.71, 'xgb-2023-11-14', DATE '2022-11-14', DATE '2023-11-14', 5000),
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 'b1', 'Player b1',
                   'moving_average', 'ma-1', 23.5, 24.5, TRUE, -1.0, 'PASS', 0.4, 'ma', NULL, NULL, NULL),
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 'b1', 'Player b1',
                   'ensemble', 'ens-1', 26.0, 24.5, TRUE, 1.5, 'OVER', 0.62, 'ens-2023-11-14', DATE '2022-11-14', DATE '2023-11-14', 5000),
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'NYK', 'BOS', FALSE, 'n1', 'Player n1',
                   'ensemble', 'ens-1', 19.0, NULL, FALSE, NULL, NULL, 0.5, 'ens-2023-11-14', DATE '2022-11-14', DATE '2023-11-14', 5000),
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'NYK', 'BOS', FALSE, 'n1', 'Player n1',
                   'moving_average', 'ma-1', NULL, NULL, FALSE, NULL, NULL, NULL, 'ma', NULL, NULL, NULL),
                  ('20231113_DEN_LAL', DATE '2023-11-13', '2023-24', 'regular', 'LAL', 'DEN', TRUE, 'l1', 'Player l1',
                   'ensemble', 'ens-1', 30.0, 28.5, TRUE, 1.5, 'OVER', 0.9, 'ens-2023-11-12', DATE '2022-11-12', DATE '2023-11-12', 4900)""");
    }

    @Test
    void publishesEverySystemsPredictionPerPlayerGame() throws Exception {
        fixture.export(Export.PREDICTIONS, D);

        // player-games by game, team (BOS before NYK), player; systems alphabetically; the line once per player-game;
        // generatedFrom: the distinct (system, model) of the date, 11-13's ensemble model is not among them
        assertThat(fixture.document(Export.PREDICTIONS, D)).isEqualTo(ExportFixture.json("""
                {"schemaVersion": 1, "gameDate": "2023-11-15",
                 "generatedFrom": [
                   {"systemId": "ensemble", "systemVersion": "ens-1", "modelVersion": "ens-2023-11-14",
                    "trainingFrom": "2022-11-14", "trainingTo": "2023-11-14", "trainingRows": 5000},
                   {"systemId": "moving_average", "systemVersion": "ma-1", "modelVersion": "ma",
                    "trainingFrom": null, "trainingTo": null, "trainingRows": null},
                   {"systemId": "xgboost", "systemVersion": "xgb-1", "modelVersion": "xgb-2023-11-14",
                    "trainingFrom": "2022-11-14", "trainingTo": "2023-11-14", "trainingRows": 5000}],
                 "playerGames": [
                   {"gameId": "20231115_NYK_BOS", "team": "BOS", "opponent": "NYK", "isHome": true, "playerId": "b1",
                    "playerName": "Player b1", "pointsLine": 24.5, "predictions": [
                      {"systemId": "ensemble", "predictedPoints": 26.0, "edge": 1.5, "recommendation": "OVER",
                       "confidence": 0.62, "modelVersion": "ens-2023-11-14"},
                      {"systemId": "moving_average", "predictedPoints": 23.5, "edge": -1.0, "recommendation": "PASS",
                       "confidence": 0.4, "modelVersion": "ma"},
                      {"systemId": "xgboost", "predictedPoints": 27.25, "edge": 2.75, "recommendation": "OVER",
                       "confidence": 0.71, "modelVersion": "xgb-2023-11-14"}]},
                   {"gameId": "20231115_NYK_BOS", "team": "NYK", "opponent": "BOS", "isHome": false, "playerId": "n1",
                    "playerName": "Player n1", "pointsLine": null, "predictions": [
                      {"systemId": "ensemble", "predictedPoints": 19.0, "edge": null, "recommendation": null,
                       "confidence": 0.5, "modelVersion": "ens-2023-11-14"},
                      {"systemId": "moving_average", "predictedPoints": null, "edge": null, "recommendation": null,
                       "confidence": null, "modelVersion": "ma"}]}]}
                """));
        assertThat(fixture.manifest(Export.PREDICTIONS).get(0)).containsEntry("record_count", 2L);
    }

    @Test
    void documentMatchesItsSchema() throws Exception {
        fixture.export(Export.PREDICTIONS, D);

        assertThat(ExportValidator.problems(Export.PREDICTIONS, D, fixture.bytes(Export.PREDICTIONS, D))).isEmpty();
    }
}
