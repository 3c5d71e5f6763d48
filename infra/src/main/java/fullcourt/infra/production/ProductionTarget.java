package fullcourt.infra.production;

import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.Topology;
import fullcourt.infra.access.AccessMatrix;
import fullcourt.infra.catalog.CatalogTables;
import fullcourt.infra.warehouse.PartitionedTable;
import fullcourt.infra.warehouse.WarehouseProvisioner;
import fullcourt.messages.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Google Cloud project to provision, and everything declared for it: the topology, the access matrix and the
 * warehouse layout, all derived from the topic names, the delivery policy and the processor catalog.
 *
 * @param projectNumber the numeric project number, which names Pub/Sub's service agent
 * @param location BigQuery location of every dataset (e.g. {@code US} or {@code us-central1})
 * @param functionsSql services/engine's warehouse/bigquery_functions.sql
 */
public record ProductionTarget(String project, String projectNumber, String location, Topics topics, DeliveryPolicy policy,
                               CatalogTables catalog, String functionsSql) {

    public ProductionTarget {
        Objects.requireNonNull(project, "project");
        AccessMatrix.pubSubServiceAgent(projectNumber); // validates it
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(functionsSql, "functionsSql");
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
        return new WarehouseProvisioner.Layout(location, List.copyOf(access.datasets()), tables, catalog.tables(),
                access.datasetBindings(project), functionsSql);
    }
}
