package fullcourt.predictions.ml;

import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.InputDigests;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A warehouse holding a synthetic feature store: {@value #PLAYERS} players, one game a day from
 * {@link #SEASON_START}, each player with a "talent" t (5..30 points). His season average is t
 * give or take 0.5, his last-10 average t give or take 3, and he scores t give or take 2: a
 * model that learns to trust the season average beats the last-10 baseline.
 */
final class MlFixture implements AutoCloseable {

    static final int PLAYERS = 60;
    static final LocalDate SEASON_START = LocalDate.of(2023, 10, 24);
    static final ProcessorDeclaration DECLARATION =
            CatalogReader.read("classpath:fullcourt-catalog.json").get(PlayerPropPredictions.NAME);

    final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final Random random = new Random(7);
    private final double[] talent = new double[PLAYERS];

    MlFixture() {
        for (int p = 0; p < PLAYERS; p++) {
            talent[p] = 5 + 25.0 * p / (PLAYERS - 1);
        }
        warehouse.update("CREATE SCHEMA IF NOT EXISTS raw", Map.of());
        warehouse.update("CREATE SCHEMA IF NOT EXISTS precompute", Map.of());
        warehouse.update("CREATE SCHEMA IF NOT EXISTS analytics", Map.of());
        warehouse.update("CREATE TABLE raw.schedule (game_id VARCHAR, game_date DATE, season VARCHAR,"
                + " season_type VARCHAR, home_team VARCHAR, away_team VARCHAR)", Map.of());
        StringBuilder features = new StringBuilder();
        FeatureVector.NAMES.forEach(n -> features.append(", ").append(n).append(" DOUBLE"));
        warehouse.update("CREATE OR REPLACE TABLE precompute.ml_feature_store_v2 (game_id VARCHAR, game_date DATE, season VARCHAR,"
                + " season_type VARCHAR, team VARCHAR, opponent VARCHAR, is_home BOOLEAN, player_id VARCHAR,"
                + " player_name VARCHAR, points_line DOUBLE, has_prop_line BOOLEAN" + features + ")", Map.of());
        warehouse.update("CREATE OR REPLACE TABLE analytics.player_game_summary (game_id VARCHAR, game_date DATE, player_id VARCHAR,"
                + " minutes DOUBLE, points BIGINT)", Map.of());
    }

    /** Days of games from {@link #SEASON_START} on, each with the label {@code points} gives. */
    void playDays(int days, java.util.function.IntUnaryOperator pointsOverride) {
        for (int day = 0; day < days; day++) {
            playDay(SEASON_START.plusDays(day), pointsOverride);
        }
    }

    void playDay(LocalDate date, java.util.function.IntUnaryOperator pointsOverride) {
        String gameId = date.toString().replace("-", "") + "_AAA_BBB";
        warehouse.update("INSERT INTO raw.schedule VALUES (@g, @d, '2023-24', 'regular', 'BBB', 'AAA')",
                Map.of("g", gameId, "d", date));
        List<Map<String, Object>> featureRows = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int p = 0; p < PLAYERS; p++) {
            Map<String, Object> row = new HashMap<>();
            row.put("g", gameId);
            row.put("d", date);
            row.put("p", "p" + p);
            for (int j = 0; j < FeatureVector.SIZE; j++) {
                row.put("f" + j, random.nextDouble());
            }
            row.put("f0", talent[p] + 4 * random.nextGaussian());
            row.put("f1", talent[p] + 3 * random.nextGaussian());
            row.put("f2", talent[p] + 0.5 * random.nextGaussian());
            row.put("f3", 3.0);
            row.put("f13", 10.0);
            row.put("line", p % 2 == 0 ? talent[p] - 0.5 : null);
            featureRows.add(row);
            long scored = Math.max(0, Math.round(talent[p] + 2 * random.nextGaussian()));
            results.add(Map.of("g", gameId, "d", date, "p", "p" + p,
                    "points", (long) pointsOverride.applyAsInt((int) scored)));
        }
        StringBuilder values = new StringBuilder();
        for (int j = 0; j < FeatureVector.SIZE; j++) {
            values.append(", @f").append(j);
        }
        warehouse.updateBatch("INSERT INTO precompute.ml_feature_store_v2 VALUES (@g, @d, '2023-24', 'regular', 'AAA',"
                + " 'BBB', FALSE, @p, @p, @line, @line IS NOT NULL" + values + ")", featureRows);
        warehouse.updateBatch("INSERT INTO analytics.player_game_summary VALUES (@g, @d, @p, 30.0, @points)", results);
    }

    Outcome predict(PlayerPropPredictions processor, LocalDate date) {
        return predict(processor, date, warehouse);
    }

    /** Runs the processor on {@code date} through {@code through} (a view of this fixture's warehouse). */
    Outcome predict(PlayerPropPredictions processor, LocalDate date, Warehouse through) {
        return predict(processor, date, through, InputDigests.NONE);
    }

    /** Runs the processor on {@code date} through {@code through}, given {@code seen} as lineage's digests. */
    Outcome predict(PlayerPropPredictions processor, LocalDate date, Warehouse through, InputDigests seen) {
        return processor.process(new TaskContext(DECLARATION, date, "run-1", 1, through, new Cancellation())
                .withInputs(seen));
    }

    /** The date's predictions of one system, by player id. */
    Map<String, Map<String, Object>> predictions(LocalDate date, String system) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        warehouse.query("SELECT * FROM predictions.player_prop_predictions WHERE game_date = @d AND system_id = @s",
                Map.of("d", date, "s", system)).forEach(r -> out.put((String) r.get("player_id"), r));
        return out;
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
