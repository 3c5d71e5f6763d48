package fullcourt.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.warehouse.Column;
import fullcourt.infra.warehouse.PartitionedTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lineage tables are declared once ({@link PartitionedTable#lineage()}, which BigQuery's provisioner creates): the
 * store's DDL, the columns its rows are appended with on BigQuery and the statements DuckDB runs all come from it,
 * and the text DuckDB runs is what it was before the declaration was shared.
 */
class LineageTablesTest {

    @Test
    void theStoresDdlIsTheProvisionedDeclarationInTheSubsetBothEnginesRun() {
        assertThat(LineageStore.DDL).containsExactly(
                "CREATE TABLE IF NOT EXISTS ops.partition_lineage (processor STRING NOT NULL, game_date DATE NOT NULL,"
                        + " write_id STRING NOT NULL, stage STRING NOT NULL, version STRING, run_id STRING,"
                        + " row_count INT64, fingerprint STRING, detail STRING, recorded_at TIMESTAMP NOT NULL)",
                "CREATE TABLE IF NOT EXISTS ops.lineage_reads (write_id STRING NOT NULL, processor STRING NOT NULL,"
                        + " game_date DATE NOT NULL, input STRING NOT NULL, first_date DATE NOT NULL,"
                        + " last_date DATE NOT NULL, digest STRING NOT NULL)",
                "CREATE TABLE IF NOT EXISTS ops.processor_versions (processor STRING NOT NULL, version STRING NOT NULL,"
                        + " registered_at TIMESTAMP NOT NULL)");
    }

    @Test
    void appendedRowsHaveTheProvisionedColumnsAndTypes() {
        assertThat(LineageStore.LINEAGE_COLUMNS).isEqualTo(provisioned(LineageStore.LINEAGE));
        assertThat(LineageStore.READS_COLUMNS).isEqualTo(provisioned(LineageStore.READS));
        assertThat(LineageStore.LINEAGE_COLUMNS).extracting(c -> c.name() + " " + c.type()).containsExactly(
                "processor STRING", "game_date DATE", "write_id STRING", "stage STRING", "version STRING",
                "run_id STRING", "row_count INT64", "fingerprint STRING", "detail STRING", "recorded_at TIMESTAMP");
    }

    @Test
    void theStatementsDuckDbRunsInAWritesTransactionAreUnchanged() {
        assertThat(LineageStore.INSERT_READ).isEqualTo("INSERT INTO ops.lineage_reads (write_id, processor, game_date,"
                + " input, first_date, last_date, digest) VALUES (@write_id, @processor, @game_date, @input, @first_date,"
                + " @last_date, @digest)");
        assertThat(LineageStore.INSERT_LINEAGE).isEqualTo("INSERT INTO ops.partition_lineage (processor, game_date,"
                + " write_id, stage, version, run_id, row_count, fingerprint, detail, recorded_at) VALUES (@processor,"
                + " @game_date, @write_id, @stage, @version, @run_id, @row_count, @fingerprint, @detail, @recorded_at)");
        List<Column> columns = List.of(new Column("game_date", "DATE"), new Column("points", "DOUBLE"));
        String partition = PartitionFingerprints.partitionQuery("analytics.points", "game_date", columns);
        assertThat(LineageStore.writtenSql("analytics.points", "game_date", columns)).isEqualTo(
                "INSERT INTO ops.partition_lineage (processor, game_date, write_id, stage, version, run_id, row_count,"
                        + " fingerprint, detail, recorded_at) SELECT @processor, @game_date, @write_id, @stage, @version,"
                        + " @run_id, f.row_count, CAST(f.row_count AS STRING) || ':' || CAST(f.checksum AS STRING),"
                        + " CAST(NULL AS STRING), @recorded_at FROM (" + partition + ") AS f");
        // what BigQuery selects instead: the same two values over the same partition query
        assertThat(LineageStore.fingerprintSql("analytics.points", "game_date", columns)).isEqualTo(
                "SELECT f.row_count AS row_count, CAST(f.row_count AS STRING) || ':' || CAST(f.checksum AS STRING)"
                        + " AS fingerprint FROM (" + partition + ") AS f");
    }

    private static List<Column> provisioned(String table) {
        PartitionedTable declared = PartitionedTable.lineage().stream().filter(t -> t.qualifiedName().equals(table))
                .findFirst().orElseThrow();
        return declared.schema().getFields().stream()
                .map(f -> new Column(f.getName(), f.getType().getStandardType().name())).toList();
    }
}
