package fullcourt.infra.production;

import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.Topology;
import fullcourt.infra.access.AccessMatrix;
import fullcourt.infra.catalog.CatalogTables;
import fullcourt.infra.warehouse.PartitionedTable;
import fullcourt.infra.warehouse.TableSchemas;
import fullcourt.infra.warehouse.WarehouseProvisioner;
import fullcourt.messages.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Google Cloud project to provision, and everything declared for it: the topology, the access matrix and the
 * warehouse layout, all derived from the topic names, the delivery policy and the processor catalog.
 *
 * @param projectNumber the numeric project number, which names Pub/Sub's service agent
 * @param location BigQuery location of every dataset (e.g. {@code US} or {@code us-central1})
 * @param functionsSql services/engine's warehouse/bigquery_functions.sql
 * @param rawUpdatePublishers IAM members outside Fullcourt that load raw tables and announce it on
 *     {@code raw-updates} (e.g. {@code serviceAccount:scrapers@P.iam.gserviceaccount.com}); may be empty
 * @param operators IAM members that run backfills ({@code fullcourt request}), granted what
 *     {@link AccessMatrix#operatorBindings} lists (e.g. {@code group:nba-data@acme.com}); may be empty
 */
public record ProductionTarget(String project, String projectNumber, String location, Topics topics, DeliveryPolicy policy,
                               CatalogTables catalog, String functionsSql, List<String> rawUpdatePublishers,
                               List<String> operators) {

    // IAM member kinds Pub/Sub policies take; a bare e-mail address is the usual mistake.
    private static final Pattern MEMBER = Pattern.compile("(serviceAccount|user|group|domain|principal|principalSet):\\S+");

    public ProductionTarget {
        Objects.requireNonNull(project, "project");
        AccessMatrix.pubSubServiceAgent(projectNumber); // validates it
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(functionsSql, "functionsSql");
        rawUpdatePublishers = members("raw-updates publishers", rawUpdatePublishers);
        operators = members("operators", operators);
    }

    private static List<String> members(String what, List<String> members) {
        List<String> bad = members.stream().filter(m -> !MEMBER.matcher(m).matches()).toList();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(what + " must be IAM members such as"
                    + " serviceAccount:NAME@PROJECT.iam.gserviceaccount.com or group:NAME@DOMAIN, got "
                    + String.join(", ", bad));
        }
        return List.copyOf(members);
    }

    /** A target whose raw-updates publishers and operators are granted elsewhere. */
    public ProductionTarget(String project, String projectNumber, String location, Topics topics, DeliveryPolicy policy,
                            CatalogTables catalog, String functionsSql) {
        this(project, projectNumber, location, topics, policy, catalog, functionsSql, List.of(), List.of());
    }

    public Topology topology() {
        return Topology.of(topics, policy);
    }

    public AccessMatrix access() {
        return AccessMatrix.of(catalog, topics);
    }

    public WarehouseProvisioner.Layout warehouse() {
        AccessMatrix access = access();
        List<PartitionedTable> tables = new ArrayList<>(PartitionedTable.rawTables());
        tables.add(PartitionedTable.ledger());
        tables.addAll(PartitionedTable.lineage());
        tables.addAll(outputTables());
        return new WarehouseProvisioner.Layout(location, List.copyOf(access.datasets()), tables,
                access.datasetBindings(project), functionsSql);
    }

    /**
     * The catalog's output tables with their declared schemas (warehouse/output_tables.sql), partitioned as the
     * catalog says; a catalog table without a declaration, or a declaration no processor writes, is an error.
     */
    List<PartitionedTable> outputTables() {
        Map<String, PartitionedTable> declared = new LinkedHashMap<>();
        PartitionedTable.outputTables().forEach(t -> declared.put(t.qualifiedName(), t));
        List<PartitionedTable> tables = new ArrayList<>();
        for (CatalogTables.OutputTable output : catalog.tables()) {
            PartitionedTable table = declared.remove(output.qualifiedName());
            if (table == null) {
                throw new IllegalStateException(output.qualifiedName() + " (processor " + output.processor()
                        + ") has no declared schema: add its CREATE TABLE to infra's " + TableSchemas.OUTPUTS);
            }
            tables.add(new PartitionedTable(table.dataset(), table.table(), table.schema(), output.partitionColumn(),
                    List.of()));
        }
        if (!declared.isEmpty()) {
            throw new IllegalStateException(TableSchemas.OUTPUTS + " declares " + declared.keySet()
                    + ", which no processor of the catalog writes: remove them or add their processor");
        }
        return tables;
    }
}
