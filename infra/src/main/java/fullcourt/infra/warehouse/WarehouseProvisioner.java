package fullcourt.infra.warehouse;

import com.google.cloud.bigquery.Acl;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import fullcourt.infra.access.AccessMatrix;
import fullcourt.infra.access.IamBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes a BigQuery project match the warehouse layout: datasets in one location, their access entries, the tables
 * that must exist before the first run (raw inputs, the ledger), the portable SQL functions, and a check that each
 * processor's output table, if it already exists, is day-partitioned on its partition column. Output tables that do
 * not exist yet are left to the first write: the BigQuery adapter's query job writes {@code table$YYYYMMDD} with
 * CREATE_IF_NEEDED and DAY time partitioning on the catalog's partition column, so the table is created partitioned,
 * with the schema of the model that fills it.
 */
public final class WarehouseProvisioner {

    private static final Logger LOG = Logger.getLogger(WarehouseProvisioner.class);
    private static final Duration JOB_POLL = Duration.ofMillis(500);

    /** What to provision. */
    public record Layout(String location, List<String> datasets, List<PartitionedTable> tables,
                         List<IamBinding> datasetBindings, String functionsSql) {

        public Layout {
            Objects.requireNonNull(location, "location");
            datasets = List.copyOf(datasets);
            tables = List.copyOf(tables);
            datasetBindings = List.copyOf(datasetBindings);
            Objects.requireNonNull(functionsSql, "functionsSql");
        }
    }

    private final BigQuery bigquery;

    public WarehouseProvisioner(BigQuery bigquery) {
        this.bigquery = Objects.requireNonNull(bigquery, "bigquery");
    }

    /** What {@link #provision} does, without calling BigQuery. */
    public static List<String> plan(Layout layout) {
        List<String> lines = new ArrayList<>();
        layout.datasets().forEach(d -> lines.add("ensure dataset " + d + " in " + layout.location()));
        layout.datasetBindings().forEach(b -> lines.add("grant " + b));
        layout.tables().forEach(t -> lines.add("ensure table " + t.qualifiedName() + " partitioned by DAY(" + t.partitionColumn()
                + ")" + (t.clustering().isEmpty() ? "" : " clustered by " + t.clustering())));
        lines.add("create or replace the portable functions in ops (warehouse/bigquery_functions.sql)");
        return lines;
    }

    /**
     * Creates what is missing and adds missing access entries; changes nothing that already matches.
     *
     * @throws IllegalStateException when an existing table is not partitioned as declared (the partitioned writes
     *     would fail on it: an operator has to migrate or drop it)
     */
    public List<String> provision(Layout layout) {
        List<String> lines = new ArrayList<>();
        for (String dataset : layout.datasets()) {
            lines.add(ensureDataset(dataset, layout.location()));
        }
        lines.addAll(grant(layout.datasetBindings()));
        for (PartitionedTable table : layout.tables()) {
            lines.add(ensureTable(table));
        }
        runScript("create the portable functions", layout.functionsSql(), layout.location());
        lines.add("replaced the portable functions in ops (CREATE OR REPLACE)");
        return lines;
    }

    private String ensureDataset(String dataset, String location) {
        Dataset existing = bigquery.getDataset(dataset);
        if (existing == null) {
            bigquery.create(DatasetInfo.newBuilder(dataset).setLocation(location).build());
            LOG.infof("Created dataset %s in %s", dataset, location);
            return "created dataset " + dataset + " in " + location;
        }
        if (existing.getLocation() != null && !existing.getLocation().equalsIgnoreCase(location)) {
            throw new IllegalStateException("dataset " + dataset + " exists in " + existing.getLocation() + ", not in "
                    + location + ": a query job reads datasets of one location only");
        }
        return "unchanged dataset " + dataset;
    }

    /** Adds the missing access entries of each dataset in one update per dataset; datasets already complete get none. */
    private List<String> grant(List<IamBinding> bindings) {
        Map<String, List<IamBinding>> byDataset = new LinkedHashMap<>();
        for (IamBinding b : bindings) {
            if (!b.resource().startsWith("datasets/")) {
                throw new IllegalArgumentException("not a dataset: " + b.resource());
            }
            byDataset.computeIfAbsent(b.resource().substring("datasets/".length()), d -> new ArrayList<>()).add(b);
        }
        List<String> lines = new ArrayList<>();
        byDataset.forEach((dataset, grants) -> {
            Dataset current = bigquery.getDataset(dataset);
            if (current == null) {
                throw new IllegalStateException("dataset " + dataset + " does not exist");
            }
            List<Acl> acl = new ArrayList<>(current.getAcl() == null ? List.of() : current.getAcl());
            List<String> added = new ArrayList<>();
            for (IamBinding grant : grants) {
                Acl entry = Acl.of(new Acl.User(email(grant.member())), aclRole(grant.role()));
                if (!acl.contains(entry)) {
                    acl.add(entry);
                    added.add(grant.role() + " to " + grant.member());
                }
            }
            if (added.isEmpty()) {
                lines.add("unchanged access of dataset " + dataset);
            } else {
                bigquery.update(current.toBuilder().setAcl(acl).build());
                LOG.infof("Granted on dataset %s: %s", dataset, added);
                lines.add("granted on dataset " + dataset + ": " + String.join(", ", added));
            }
        });
        return lines;
    }

    private String ensureTable(PartitionedTable table) {
        TableId id = TableId.of(table.dataset(), table.table());
        Table existing = bigquery.getTable(id);
        if (existing != null) {
            if (!partitionedOn(existing.getDefinition(), table.partitionColumn())) {
                throw new IllegalStateException(table.qualifiedName() + " exists but is not partitioned by DAY("
                        + table.partitionColumn() + "): copy it to a partitioned table or drop it, then provision again");
            }
            return "unchanged table " + table.qualifiedName();
        }
        StandardTableDefinition.Builder definition = StandardTableDefinition.newBuilder()
                .setSchema(table.schema())
                .setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField(table.partitionColumn()).build());
        if (!table.clustering().isEmpty()) {
            definition.setClustering(Clustering.newBuilder().setFields(table.clustering()).build());
        }
        bigquery.create(TableInfo.of(id, definition.build()));
        LOG.infof("Created table %s", table.qualifiedName());
        return "created table " + table.qualifiedName() + " partitioned by DAY(" + table.partitionColumn() + ")";
    }

    /** Runs a multi-statement query (a BigQuery script) as one job and waits for it. */
    private void runScript(String what, String sql, String location) {
        JobId id = JobId.newBuilder().setJob("fullcourt-provision-" + UUID.randomUUID()).setLocation(location).build();
        Job job = bigquery.create(JobInfo.of(id, QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false).build()));
        while (job.getStatus() == null || job.getStatus().getState() != JobStatus.State.DONE) {
            sleep();
            job = bigquery.getJob(id);
            if (job == null) {
                throw new IllegalStateException(what + ": job " + id.getJob() + " disappeared");
            }
        }
        BigQueryError error = job.getStatus().getError();
        if (error != null) {
            throw new IllegalStateException(what + " failed: " + error.getReason() + ": " + error.getMessage());
        }
    }

    static boolean partitionedOn(TableDefinition definition, String column) {
        if (!(definition instanceof StandardTableDefinition standard) || standard.getTimePartitioning() == null) {
            return false;
        }
        TimePartitioning partitioning = standard.getTimePartitioning();
        return partitioning.getType() == TimePartitioning.Type.DAY && column.equals(partitioning.getField());
    }

    private static Acl.Role aclRole(String role) {
        // BigQuery stores these two roles under their legacy names in a dataset's access list.
        return switch (role) {
            case AccessMatrix.BIGQUERY_DATA_EDITOR -> Acl.Role.WRITER;
            case AccessMatrix.BIGQUERY_DATA_VIEWER -> Acl.Role.READER;
            default -> throw new IllegalArgumentException("no dataset access role for " + role);
        };
    }

    private static String email(String member) {
        int colon = member.indexOf(':');
        return colon < 0 ? member : member.substring(colon + 1);
    }

    private static void sleep() {
        try {
            Thread.sleep(JOB_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a BigQuery job", e);
        }
    }
}
