package fullcourt.engine.warehouse.bigquery;

import java.util.List;

/** The statements of warehouse/bigquery_functions.sql, split as {@code createPortableFunctions()} runs them. */
public final class PortableFunctions {

    public static final String SOURCE = "services/engine/src/main/resources" + BigQueryWarehouse.FUNCTIONS_RESOURCE;

    private PortableFunctions() {
    }

    public static List<String> statements() {
        return BigQueryWarehouse.portableFunctionStatements();
    }
}
