package fullcourt.infra.production;

import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.catalog.CatalogTables;
import fullcourt.messages.Topics;
import java.nio.file.Path;

/** The production target of the tests: the real catalog of services/engine, a made-up project. */
public final class TestTargets {

    /** The catalog the services ship, read from the source tree (infra cannot depend on the engine). */
    public static final Path CATALOG = Path.of("../services/engine/src/main/resources/fullcourt-catalog.json");
    public static final String FUNCTIONS_SQL = "CREATE OR REPLACE FUNCTION ops.safe_div(a FLOAT64, b FLOAT64) RETURNS FLOAT64"
            + " AS (IF(b IS NULL OR b = 0, NULL, a / b));";

    private TestTargets() {
    }

    public static CatalogTables catalog() {
        return CatalogTables.read(CATALOG);
    }

    public static ProductionTarget target(String project, Topics topics) {
        return new ProductionTarget(project, "123456789", "US", topics, DeliveryPolicy.DEFAULTS, catalog(), FUNCTIONS_SQL);
    }
}
