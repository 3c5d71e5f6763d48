package fullcourt.sqlcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.Column;
import fullcourt.infra.warehouse.TableSchemas;
import fullcourt.sqlcheck.DeclaredWarehouse.WriterResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The output tables' declared schemas (infra's warehouse/output_tables.sql, which DuckDB creates at open and
 * provisioning creates on BigQuery) are the analyzer's catalog for them, and are what their writers produce: each
 * model's or Java writer's result columns, as BigQuery's analyzer resolves them, equal the declaration's names and
 * types in order.
 */
class OutputSchemasTest {

    private static final Map<String, String> DUCKDB_SPELLING = Map.of(
            "STRING", "VARCHAR", "FLOAT64", "DOUBLE", "INT64", "BIGINT", "BOOL", "BOOLEAN", "DATE", "DATE");

    private static Catalog catalog;
    private static DeclaredWarehouse warehouse;

    @BeforeAll
    static void analyze() {
        catalog = CatalogReader.read("classpath:fullcourt-catalog.json");
        warehouse = DeclaredWarehouse.build(catalog, ModelFiles.scan(ModelFiles.repository()));
    }

    @Test
    void everyCatalogTableIsDeclaredAndNothingElse() {
        Set<String> written = catalog.dependencyOrder().stream().map(ProcessorDeclaration::table).collect(Collectors.toSet());
        assertThat(TableSchemas.outputs().keySet()).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void theAnalyzersOutputTablesAreTheDeclarations() {
        TableSchemas.outputs().forEach((table, schema) ->
                assertThat(warehouse.tables().get(table)).as(table).isEqualTo(columns(schema)));
    }

    @Test
    void everyWriterProducesItsTablesDeclaredColumnsAndTypesInOrder() {
        assertThat(warehouse.results().keySet()).containsExactlyInAnyOrderElementsOf(TableSchemas.outputs().keySet());
        assertThat(mismatches(TableSchemas.outputs(), warehouse.results()))
                .as("output tables whose writers differ from their declarations").isEmpty();
    }

    @Test
    void aWriterWhoseResultDiffersFromItsDeclarationIsReported() {
        String table = "analytics.player_game_summary";
        Schema declared = TableSchemas.outputs().get(table);
        String last = declared.getFields().get(declared.getFields().size() - 1).getName();
        SqlStatement missingColumn = writer("SELECT * EXCEPT (" + last + ") FROM " + table
                + " WHERE game_date = @game_date");
        String number = declared.getFields().stream().filter(f -> !f.getName().equals("game_date")
                && !f.getType().getStandardType().name().equals("STRING")).findFirst().orElseThrow().getName();
        SqlStatement otherType = writer("SELECT * REPLACE (CAST(" + number + " AS STRING) AS " + number + ") FROM "
                + table + " WHERE game_date = @game_date");
        SqlStatement faithful = writer("SELECT * FROM " + table + " WHERE game_date = @game_date");

        List<Column> withoutLast = warehouse.resultColumns(missingColumn);
        List<Column> retyped = warehouse.resultColumns(otherType);
        assertThat(withoutLast).extracting(Column::name).doesNotContain(last);
        assertThat(retyped).contains(new Column(number, "STRING"));
        for (WriterResult wrong : List.of(new WriterResult(missingColumn, withoutLast),
                new WriterResult(otherType, retyped))) {
            Map<String, List<WriterResult>> results = new LinkedHashMap<>(warehouse.results());
            results.put(table, List.of(wrong));
            assertThat(mismatches(TableSchemas.outputs(), results)).singleElement().asString()
                    .startsWith(table + ": declared").contains("its writer a test's writer produces " + wrong.columns());
        }
        Map<String, List<WriterResult>> results = new LinkedHashMap<>(warehouse.results());
        results.put(table, List.of(new WriterResult(faithful, warehouse.resultColumns(faithful))));
        assertThat(mismatches(TableSchemas.outputs(), results)).isEmpty();
    }

    @Test
    void theDeclarationsPartitionColumnIsADate() {
        for (Map.Entry<String, Schema> declared : TableSchemas.outputs().entrySet()) {
            Field gameDate = declared.getValue().getFields().get("game_date");
            assertThat(gameDate.getType().getStandardType().name()).as(declared.getKey()).isEqualTo("DATE");
        }
    }

    /** Each writer whose result columns differ from its table's declaration, or that has none, with the DDL it needs. */
    static List<String> mismatches(Map<String, Schema> declarations, Map<String, List<WriterResult>> results) {
        List<String> mismatches = new ArrayList<>();
        declarations.forEach((table, schema) -> {
            List<Column> expected = columns(schema);
            List<WriterResult> writers = results.getOrDefault(table, List.of());
            if (writers.isEmpty()) {
                mismatches.add(table + ": declared " + expected + "\n  no writer of it was analyzed");
            }
            for (WriterResult w : writers) {
                if (!expected.equals(w.columns())) {
                    mismatches.add(table + ": declared " + expected + "\n  its writer " + w.writer().source()
                            + " produces " + w.columns()
                            + "\n  declaration to paste into warehouse/output_tables.sql:\n" + ddl(table, w.columns()));
                }
            }
        });
        return mismatches;
    }

    private static List<Column> columns(Schema schema) {
        return schema.getFields().stream().map(f -> new Column(f.getName(), f.getType().getStandardType().name()))
                .toList();
    }

    private static SqlStatement writer(String sql) {
        return SqlStatement.of(StatementKind.MODEL, "a test's writer", sql, "game_date", DeclaredWarehouse.DATE);
    }

    private static String ddl(String table, List<Column> columns) {
        if (columns == null) {
            return "    (its writer failed the analyzer: see EveryStatementAnalyzedTest)";
        }
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS " + table + " (\n");
        for (int i = 0; i < columns.size(); i++) {
            sb.append("    ").append(columns.get(i).name()).append(' ')
                    .append(DUCKDB_SPELLING.getOrDefault(columns.get(i).type(), columns.get(i).type()))
                    .append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        return sb.append(");").toString();
    }
}
