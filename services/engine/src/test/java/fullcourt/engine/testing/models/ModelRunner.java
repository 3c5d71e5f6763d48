package fullcourt.engine.testing.models;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs SQL models as the engine does (one partition replaced per model and date) on an in-memory
 * DuckDB warehouse that holds the raw tables, for tests to fill with fixture rows. Models are
 * {@code models/<name>.sql} on the test classpath (a phase's tests also see its upstream
 * services' models); output tables come from the catalog.
 */
public final class ModelRunner implements AutoCloseable {

    /** Output tables come from the platform catalog, as the engine resolves them. */
    private static final Catalog CATALOG = CatalogReader.read("classpath:fullcourt-catalog.json");

    private final DuckDbWarehouse warehouse;

    private ModelRunner(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** A fresh in-memory warehouse with the raw tables of warehouse/raw_tables.sql, empty. */
    public static ModelRunner withRawTables() {
        ModelRunner runner = new ModelRunner(DuckDbWarehouse.open(":memory:"));
        createRawTables(runner.warehouse);
        return runner;
    }

    /** Creates the raw tables of infra's warehouse/raw_tables.sql, empty, in {@code warehouse}. */
    public static void createRawTables(fullcourt.engine.warehouse.Warehouse warehouse) {
        // comments go first: some of them hold a ';', which would split a statement
        String schema = resource("warehouse/raw_tables.sql").replaceAll("--[^\n]*", "");
        for (String statement : schema.split(";")) {
            if (!statement.isBlank()) {
                warehouse.update(statement, Map.of());
            }
        }
    }

    /** Runs a statement written by a test, e.g. the INSERT of fixture rows. */
    public void execute(String sql) {
        warehouse.update(sql, Map.of());
    }

    /** Replaces the model's partition of {@code date}, as the engine does; returns the rows written. */
    public long run(String model, LocalDate date) {
        return warehouse.replacePartition(table(model), "game_date", date, modelSql(model),
                Map.of("game_date", date), new Cancellation());
    }

    /** Runs {@code models} for {@code date} in the order given (upstream first). */
    public void runAll(List<String> models, LocalDate date) {
        for (String model : models) {
            run(model, date);
        }
    }

    /** Every row of the model's partition of {@code date}, in a stable order. */
    public List<Map<String, Object>> rows(String model, LocalDate date) {
        return warehouse.query("SELECT * FROM " + table(model) + " WHERE game_date = @d ORDER BY ALL",
                Map.of("d", date));
    }

    /** The one row of the model's partition of {@code date} whose {@code column} is {@code value}. */
    public ModelRow row(String model, LocalDate date, String column, String value) {
        List<ModelRow> found = rows(model, date).stream()
                .filter(r -> Objects.equals(r.get(column), value))
                .map(ModelRow::new)
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one row of " + model + " on " + date + " with " + column + " = '"
                    + value + "', found " + found.size());
        }
        return found.get(0);
    }

    /** Runs a query of the test (a model's checks, say) with {@code @game_date} bound to {@code date}. */
    public List<Map<String, Object>> query(String sql, LocalDate date) {
        return warehouse.query(sql, Map.of("game_date", date));
    }

    /** The text of {@code models/<model>.sql}. */
    public static String modelSql(String model) {
        return resource("models/" + model + ".sql");
    }

    private static String table(String model) {
        return CATALOG.get(model).table();
    }

    private static String resource(String name) {
        try (InputStream in = ModelRunner.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + name + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
