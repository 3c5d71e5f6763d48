package fullcourt.infra.warehouse;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table provisioning creates before any service runs, day-partitioned on {@code partitionColumn}.
 *
 * @param clustering columns to cluster by within a partition; empty for none
 */
public record PartitionedTable(String dataset, String table, Schema schema, String partitionColumn, List<String> clustering) {

    /** The coordinator's ledger; the same columns as the CREATE TABLE IF NOT EXISTS of its TaskLedger. */
    public static final String LEDGER = "ops.task_events";

    public PartitionedTable {
        Objects.requireNonNull(schema, "schema");
        clustering = List.copyOf(clustering);
        if (schema.getFields().stream().noneMatch(f -> f.getName().equals(partitionColumn))) {
            throw new IllegalArgumentException(dataset + "." + table + " has no partition column " + partitionColumn);
        }
    }

    public String qualifiedName() {
        return dataset + "." + table;
    }

    /** The raw input tables of warehouse/raw_tables.sql, partitioned on game_date. */
    public static List<PartitionedTable> rawTables() {
        return TableSchemas.raw().entrySet().stream().map(PartitionedTable::onGameDate).toList();
    }

    /**
     * The processors' output tables of warehouse/output_tables.sql, partitioned on game_date (each processor replaces
     * one day partition per write), created by provisioning before any task runs instead of by a first write.
     */
    public static List<PartitionedTable> outputTables() {
        return TableSchemas.outputs().entrySet().stream().map(PartitionedTable::onGameDate).toList();
    }

    private static PartitionedTable onGameDate(Map.Entry<String, Schema> entry) {
        String[] name = entry.getKey().split("\\.");
        return new PartitionedTable(name[0], name[1], entry.getValue(), "game_date", List.of());
    }

    /**
     * ops.task_events: append-only, so partitioned by the day a row was recorded (a run's rows then sit in a few
     * partitions) and clustered by run_id, which the coordinator's status reads filter on.
     */
    public static PartitionedTable ledger() {
        return new PartitionedTable("ops", "task_events", Schema.of(
                required("seq", StandardSQLTypeName.INT64),
                required("run_id", StandardSQLTypeName.STRING),
                nullable("task_id", StandardSQLTypeName.STRING),
                nullable("processor", StandardSQLTypeName.STRING),
                nullable("task_date", StandardSQLTypeName.DATE),
                required("event", StandardSQLTypeName.STRING),
                nullable("dispatch", StandardSQLTypeName.INT64),
                nullable("attempt", StandardSQLTypeName.INT64),
                required("event_at", StandardSQLTypeName.TIMESTAMP),
                nullable("detail", StandardSQLTypeName.STRING),
                nullable("row_count", StandardSQLTypeName.INT64),
                nullable("duration_ms", StandardSQLTypeName.INT64),
                required("recorded_at", StandardSQLTypeName.TIMESTAMP),
                // the coordinator lease's epoch the row was written under (services/coordinator lease/)
                nullable("epoch", StandardSQLTypeName.INT64)), "recorded_at", List.of("run_id"));
    }

    /**
     * Partition lineage, append-only, declared here once: the engine's LineageStore derives its CREATE TABLE IF NOT
     * EXISTS (what DuckDB runs), the columns its rows are appended with through the Storage Write API and its INSERTs
     * from these schemas. {@code partition_lineage} and {@code lineage_reads} partitioned by the partition's date (a
     * staleness check reads them all; a worker reads its window's dates), clustered by processor;
     * {@code processor_versions} by the day a service registered.
     */
    public static List<PartitionedTable> lineage() {
        return List.of(
                new PartitionedTable("ops", "partition_lineage", Schema.of(
                        required("processor", StandardSQLTypeName.STRING),
                        required("game_date", StandardSQLTypeName.DATE),
                        required("write_id", StandardSQLTypeName.STRING),
                        required("stage", StandardSQLTypeName.STRING),
                        nullable("version", StandardSQLTypeName.STRING),
                        nullable("run_id", StandardSQLTypeName.STRING),
                        nullable("row_count", StandardSQLTypeName.INT64),
                        nullable("fingerprint", StandardSQLTypeName.STRING),
                        nullable("detail", StandardSQLTypeName.STRING),
                        required("recorded_at", StandardSQLTypeName.TIMESTAMP)), "game_date", List.of("processor")),
                new PartitionedTable("ops", "lineage_reads", Schema.of(
                        required("write_id", StandardSQLTypeName.STRING),
                        required("processor", StandardSQLTypeName.STRING),
                        required("game_date", StandardSQLTypeName.DATE),
                        required("input", StandardSQLTypeName.STRING),
                        required("first_date", StandardSQLTypeName.DATE),
                        required("last_date", StandardSQLTypeName.DATE),
                        required("digest", StandardSQLTypeName.STRING)), "game_date", List.of("processor", "write_id")),
                new PartitionedTable("ops", "processor_versions", Schema.of(
                        required("processor", StandardSQLTypeName.STRING),
                        required("version", StandardSQLTypeName.STRING),
                        required("registered_at", StandardSQLTypeName.TIMESTAMP)), "registered_at", List.of()));
    }

    private static Field required(String name, StandardSQLTypeName type) {
        return Field.newBuilder(name, type).setMode(Field.Mode.REQUIRED).build();
    }

    private static Field nullable(String name, StandardSQLTypeName type) {
        return Field.newBuilder(name, type).setMode(Field.Mode.NULLABLE).build();
    }
}
