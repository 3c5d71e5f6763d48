package fullcourt.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.Field;
import fullcourt.infra.warehouse.PartitionedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lineage tables BigQuery's provisioner creates are the tables the store creates and writes, column for column. */
class LineageTablesTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\S+) \\((.*)\\)");

    @Test
    void provisionedSchemasMatchTheStoresDdl() {
        List<String> fromDdl = new ArrayList<>();
        for (String ddl : LineageStore.DDL) {
            Matcher m = TABLE.matcher(ddl);
            assertThat(m.matches()).as(ddl).isTrue();
            StringBuilder cols = new StringBuilder(m.group(1));
            for (String column : m.group(2).split(",")) {
                String[] parts = column.trim().split(" ");
                cols.append(' ').append(parts[0]).append(':').append(parts[1])
                        .append(column.contains("NOT NULL") ? "!" : "");
            }
            fromDdl.add(cols.toString());
        }
        List<String> provisioned = PartitionedTable.lineage().stream().map(t -> {
            StringBuilder cols = new StringBuilder(t.qualifiedName());
            for (Field f : t.schema().getFields()) {
                cols.append(' ').append(f.getName()).append(':').append(f.getType().getStandardType().name())
                        .append(f.getMode() == Field.Mode.REQUIRED ? "!" : "");
            }
            return cols.toString();
        }).toList();
        assertThat(provisioned).containsExactlyElementsOf(fromDdl);
        assertThat(fromDdl).hasSize(3).allSatisfy(t -> assertThat(t).startsWith("ops."));
    }
}
