package fullcourt.sqlcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.Column;
import fullcourt.infra.warehouse.TableSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The output tables' declared schemas (infra's warehouse/output_tables.sql, which DuckDB creates at open and
 * provisioning creates on BigQuery) are what their writers produce: each model's or Java writer's result columns, as
 * BigQuery's analyzer resolves them, equal the declaration's names and types in order.
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
    void everyWriterProducesItsTablesDeclaredColumnsAndTypesInOrder() {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Schema> declared : TableSchemas.outputs().entrySet()) {
            List<Column> expected = declared.getValue().getFields().stream()
                    .map(f -> new Column(f.getName(), f.getType().getStandardType().name())).toList();
            List<Column> derived = warehouse.tables().get(declared.getKey());
            if (!expected.equals(derived)) {
                mismatches.add(declared.getKey() + ": declared " + expected + "\n  its writer produces " + derived
                        + "\n  declaration to paste into warehouse/output_tables.sql:\n" + ddl(declared.getKey(), derived));
            }
        }
        assertThat(mismatches).as("output tables whose writers differ from their declarations").isEmpty();
    }

    @Test
    void theDeclarationsPartitionColumnIsADate() {
        for (Map.Entry<String, Schema> declared : TableSchemas.outputs().entrySet()) {
            Field gameDate = declared.getValue().getFields().get("game_date");
            assertThat(gameDate.getType().getStandardType().name()).as(declared.getKey()).isEqualTo("DATE");
        }
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
