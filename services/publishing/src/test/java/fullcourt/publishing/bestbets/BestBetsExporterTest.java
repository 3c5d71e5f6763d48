package fullcourt.publishing.bestbets;

import static fullcourt.publishing.ExportFixture.D;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fullcourt.publishing.Export;
import fullcourt.publishing.ExportFixture;
import fullcourt.publishing.ExporterTest;
import fullcourt.publishing.validation.ExportValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ensemble's calls of D, at most 3 picks:
 * <pre>
 *   player  confidence  edge   call    line   picked
 *   p3      0.90        +1.0   OVER    20.5   1st: most confident
 *   p2      0.80        -4.5   UNDER   25.5   2nd: ties p1 on confidence, larger |edge|
 *   p1      0.80        +3.0   OVER    22.5   3rd
 *   p6      0.70        +2.0   OVER    10.5   no: beyond the limit
 *   p4      0.95        +0.2   PASS    18.5   no: not a call
 *   p5      0.99        -      -       -      no: no line
 *   p7      0.99 (xgboost)     OVER    30.5   no: another system
 * </pre>
 * The ensemble's season hit rate before D: 10-30 3 of 4 correct, 11-13 2 of 6, so (3 + 2) / (4 + 6) = 0.5;
 * D's own 10 of 10, xgboost's days and last season's finale do not count.
 */
class BestBetsExporterTest extends ExporterTest {

    @Override
    protected void load() {
        fixture.execute("INSERT INTO predictions.player_prop_predictions VALUES "
                + String.join(", ",
                ensemble("p1", 22.5, 25.5, 3.0, "OVER", 0.80),
                ensemble("p2", 25.5, 21.0, -4.5, "UNDER", 0.80),
                ensemble("p3", 20.5, 21.5, 1.0, "OVER", 0.90),
                ensemble("p4", 18.5, 18.7, 0.2, "PASS", 0.95),
                "('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 'p5', 'Player p5',"
                        + " 'ensemble', 'ens-1', 30.0, NULL, FALSE, NULL, NULL, 0.99, 'ens-m1', DATE '2022-11-14',"
                        + " DATE '2023-11-14', 5000)",
                ensemble("p6", 10.5, 12.5, 2.0, "OVER", 0.70),
                "('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'NYK', 'BOS', FALSE, 'p7', 'Player p7',"
                        + " 'xgboost', 'xgb-1', 35.0, 30.5, TRUE, 4.5, 'OVER', 0.99, 'xgb-m1', NULL, NULL, NULL)"));
    }

    private static String ensemble(String player, double line, double predicted, double edge, String call,
                                   double confidence) {
        return "('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, '" + player
                + "', 'Player " + player + "', 'ensemble', 'ens-1', " + predicted + ", " + line + ", TRUE, " + edge
                + ", '" + call + "', " + confidence + ", 'ens-m1', DATE '2022-11-14', DATE '2023-11-14', 5000)";
    }

    private void performance(String date, String season, String system, int recommendations, int correct) {
        fixture.execute("INSERT INTO predictions.system_daily_performance VALUES (DATE '" + date + "', '" + season
                + "', '" + system + "', 20, 4.0, 0.5, 5.0, " + recommendations + ", " + correct + ", "
                + (recommendations == 0 ? "NULL" : String.valueOf((double) correct / recommendations))
                + ", 5, 5, 0, 0.6)");
    }

    @Test
    void picksTheEnsemblesMostConfidentCallsThenLargestEdgeWithItsSeasonHitRate() throws Exception {
        performance("2023-10-30", "2023-24", "ensemble", 4, 3);
        performance("2023-11-13", "2023-24", "ensemble", 6, 2);
        performance("2023-11-15", "2023-24", "ensemble", 10, 10);
        performance("2023-11-13", "2023-24", "xgboost", 10, 0);
        performance("2023-04-09", "2022-23", "ensemble", 10, 10);

        BestBetsExporter exporter = new BestBetsExporter(fixture.publisher, 3);
        exporter.process(fixture.task(Export.BEST_BETS, D));

        JsonNode document = fixture.document(Export.BEST_BETS, D);
        assertThat(document.get("systemId").asText()).isEqualTo("ensemble");
        assertThat(document.get("season").asText()).isEqualTo("2023-24");
        assertThat(document.get("limit").asInt()).isEqualTo(3);
        assertThat(document.get("picks")).hasSize(3);
        assertThat(document.get("picks").get(0)).isEqualTo(ExportFixture.json("""
                {"rank": 1, "gameId": "20231115_NYK_BOS", "playerId": "p3", "playerName": "Player p3", "team": "BOS",
                 "opponent": "NYK", "isHome": true, "pointsLine": 20.5, "predictedPoints": 21.5, "edge": 1.0,
                 "recommendation": "OVER", "confidence": 0.9, "modelVersion": "ens-m1", "systemSeasonHitRate": 0.5}
                """));
        List<String> order = new ArrayList<>();
        for (JsonNode pick : document.get("picks")) {
            order.add(pick.get("rank").asInt() + ":" + pick.get("playerId").asText() + ":"
                    + pick.get("recommendation").asText() + ":" + pick.get("systemSeasonHitRate").asDouble());
        }
        assertThat(order).containsExactly("1:p3:OVER:0.5", "2:p2:UNDER:0.5", "3:p1:OVER:0.5");
        // the ensemble's model only: xgboost's is not what the picks come from
        assertThat(document.get("generatedFrom")).isEqualTo(ExportFixture.json("""
                [{"systemId": "ensemble", "systemVersion": "ens-1", "modelVersion": "ens-m1",
                  "trainingFrom": "2022-11-14", "trainingTo": "2023-11-14", "trainingRows": 5000}]
                """));
        assertThat(fixture.manifest(Export.BEST_BETS).get(0)).containsEntry("record_count", 3L);
    }

    @Test
    void hitRateIsNullBeforeTheSystemsFirstCallWithAResult() throws Exception {
        performance("2023-11-13", "2023-24", "ensemble", 0, 0);
        performance("2023-04-09", "2022-23", "ensemble", 10, 10);

        fixture.export(Export.BEST_BETS, D);

        JsonNode picks = fixture.document(Export.BEST_BETS, D).get("picks");
        assertThat(picks).hasSize(4);
        assertThat(picks).allSatisfy(p -> assertThat(p.get("systemSeasonHitRate").isNull()).isTrue());
    }

    @Test
    void aLineWithoutAPredictionIsNoCallAndNotAPick() throws Exception {
        // p8 has a line but no prediction (his first game in a backfill whose earlier dates were never
        // computed, no model yet), so the ensemble made no call: recommendation, edge and confidence NULL
        fixture.execute("INSERT INTO predictions.player_prop_predictions VALUES ('20231115_NYK_BOS',"
                + " DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 'p8', 'Player p8', 'ensemble', 'ens-1',"
                + " NULL, 24.5, TRUE, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");

        new BestBetsExporter(fixture.publisher, 10).process(fixture.task(Export.BEST_BETS, D));

        // the four calls of the fixture (p3, p2, p1, p6) and nothing for p8; PASS (p4) and no line (p5) as before
        List<String> picked = new ArrayList<>();
        for (JsonNode pick : fixture.document(Export.BEST_BETS, D).get("picks")) {
            picked.add(pick.get("playerId").asText());
        }
        assertThat(picked).containsExactly("p3", "p2", "p1", "p6");
        assertThat(ExportValidator.problems(Export.BEST_BETS, D, fixture.bytes(Export.BEST_BETS, D))).isEmpty();
    }

    @Test
    void aDateWithoutLinesHasNoPicksAndStillPublishes() throws Exception {
        fixture.execute("DELETE FROM predictions.player_prop_predictions WHERE has_prop_line");

        fixture.export(Export.BEST_BETS, D);

        assertThat(fixture.document(Export.BEST_BETS, D).get("picks")).isEmpty();
        assertThat(fixture.manifest(Export.BEST_BETS).get(0)).containsEntry("record_count", 0L);
    }

    @Test
    void documentMatchesItsSchema() throws Exception {
        performance("2023-11-13", "2023-24", "ensemble", 6, 2);
        fixture.export(Export.BEST_BETS, D);

        assertThat(ExportValidator.problems(Export.BEST_BETS, D, fixture.bytes(Export.BEST_BETS, D))).isEmpty();
    }
}
