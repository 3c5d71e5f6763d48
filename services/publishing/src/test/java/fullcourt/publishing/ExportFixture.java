package fullcourt.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.testing.models.ModelRunner;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.bestbets.BestBetsExporter;
import fullcourt.publishing.export.ExportPublisher;
import fullcourt.publishing.performance.SystemPerformanceExporter;
import fullcourt.publishing.predictions.PredictionsExporter;
import fullcourt.publishing.results.ResultsExporter;
import fullcourt.publishing.sink.LocalDirectorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An in-memory warehouse with raw.schedule (infra's warehouse/raw_tables.sql) and the exporters'
 * input tables, empty, for tests to fill; the four exporters writing into a local export directory.
 *
 * <p>The schedule of every test: season 2023-24 starts on 2023-10-24 (its bootstrap days run to
 * 2023-11-06), with games on 10-24, 10-30 (a bootstrap day), 11-13 and 11-15 (D) and none on
 * 11-14; the previous season's finale is 2023-04-09.
 */
public final class ExportFixture implements AutoCloseable {

    public static final Catalog CATALOG = CatalogReader.read("classpath:fullcourt-catalog.json");
    public static final String SEASON = "2023-24";
    public static final LocalDate OPENER = LocalDate.of(2023, 10, 24);
    public static final LocalDate BOOTSTRAP_DAY = LocalDate.of(2023, 10, 30);
    public static final LocalDate DAY_BEFORE_OFF = LocalDate.of(2023, 11, 13);
    public static final LocalDate NO_GAMES = LocalDate.of(2023, 11, 14);
    public static final LocalDate D = LocalDate.of(2023, 11, 15);
    public static final LocalDate LAST_SEASON_FINALE = LocalDate.of(2023, 4, 9);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> INPUT_TABLES = List.of(
            "CREATE OR REPLACE TABLE analytics.team_offense_game_summary (game_id VARCHAR, game_date DATE, season VARCHAR,"
                    + " season_type VARCHAR, team VARCHAR, opponent VARCHAR, is_home BOOLEAN, points BIGINT)",
            "CREATE OR REPLACE TABLE analytics.player_game_summary (game_id VARCHAR, game_date DATE, team VARCHAR,"
                    + " opponent VARCHAR, player_id VARCHAR, player_name VARCHAR, starter BOOLEAN, minutes DOUBLE,"
                    + " points BIGINT, reb BIGINT, ast BIGINT, fg3m BIGINT, dnp_reason VARCHAR)",
            "CREATE OR REPLACE TABLE predictions.player_prop_predictions (game_id VARCHAR, game_date DATE, season VARCHAR,"
                    + " season_type VARCHAR, team VARCHAR, opponent VARCHAR, is_home BOOLEAN, player_id VARCHAR,"
                    + " player_name VARCHAR, system_id VARCHAR, system_version VARCHAR, predicted_points DOUBLE,"
                    + " points_line DOUBLE, has_prop_line BOOLEAN, edge DOUBLE, recommendation VARCHAR,"
                    + " confidence DOUBLE, model_version VARCHAR, training_from DATE, training_to DATE,"
                    + " training_rows BIGINT)",
            "CREATE OR REPLACE TABLE predictions.system_daily_performance (game_date DATE, season VARCHAR, system_id VARCHAR,"
                    + " predictions_graded BIGINT, mae DOUBLE, bias DOUBLE, rmse DOUBLE, recommendations BIGINT,"
                    + " correct BIGINT, hit_rate DOUBLE, over_calls BIGINT, under_calls BIGINT, pushes BIGINT,"
                    + " avg_confidence DOUBLE)");

    public final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    public final Path root;
    public final ExportPublisher publisher;

    public ExportFixture(Path root) {
        this.root = root;
        this.publisher = new ExportPublisher(new LocalDirectorySink(root));
        createTablesAndSchedule(warehouse);
    }

    /** raw.schedule with the fixture's games, and the exporters' input tables, empty. */
    public static void createTablesAndSchedule(Warehouse warehouse) {
        ModelRunner.createRawTables(warehouse);
        INPUT_TABLES.forEach(sql -> warehouse.update(sql, Map.of()));
        for (String gameId : List.of("20230409_NYK_BOS", "20231024_NYK_BOS", "20231030_BOS_NYK", "20231113_DEN_LAL",
                "20231115_NYK_BOS", "20231115_LAL_DEN")) {
            game(warehouse, gameId, dateOf(gameId).isBefore(OPENER) ? "2022-23" : SEASON);
        }
    }

    public void execute(String sql) {
        warehouse.update(sql, Map.of());
    }

    /** A raw.schedule row; the date, away and home teams come from the id YYYYMMDD_AWAY_HOME. */
    public static void game(Warehouse warehouse, String gameId, String season) {
        String[] parts = gameId.split("_");
        warehouse.update("INSERT INTO raw.schedule VALUES ('" + gameId + "', DATE '" + dateOf(gameId) + "', '" + season
                + "', 'regular', '" + parts[2] + "', '" + parts[1] + "')", Map.of());
    }

    public static LocalDate dateOf(String gameId) {
        return LocalDate.parse(gameId.substring(0, 4) + "-" + gameId.substring(4, 6) + "-" + gameId.substring(6, 8));
    }

    /** The four exporters, writing through this fixture's directory, with at most {@code bestBets} best bets. */
    public List<Processor> exporters(int bestBets) {
        return List.of(new ResultsExporter(publisher), new PredictionsExporter(publisher),
                new BestBetsExporter(publisher, bestBets), new SystemPerformanceExporter(publisher));
    }

    public Processor exporter(Export export) {
        return exporters(10).stream().filter(p -> p.name().equals(export.processor())).findFirst().orElseThrow();
    }

    public TaskContext task(Export export, LocalDate date) {
        return new TaskContext(CATALOG.get(export.processor()), date, "run-1", 1, warehouse, new Cancellation());
    }

    /** Runs the export's processor for {@code date}, as the worker would. */
    public Outcome export(Export export, LocalDate date) throws Exception {
        return exporter(export).process(task(export, date));
    }

    public Path file(Export export, LocalDate date) {
        return root.resolve(export.objectPath(date));
    }

    public byte[] bytes(Export export, LocalDate date) {
        try {
            return Files.readAllBytes(file(export, date));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document(Export export, LocalDate date) {
        try {
            return JSON.readTree(bytes(export, date));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON text written by a test, parsed for comparison with a document. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export's manifest rows (its catalog table), by date. */
    public List<Map<String, Object>> manifest(Export export) {
        return warehouse.query("SELECT game_date, object_path, record_count, bytes, sha256 FROM "
                + CATALOG.get(export.processor()).table() + " ORDER BY game_date", Map.of());
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
