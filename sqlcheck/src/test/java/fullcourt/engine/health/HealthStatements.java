package fullcourt.engine.health;

import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;

/** The warehouse readiness probe. */
public final class HealthStatements {

    private HealthStatements() {
    }

    public static SqlStatement probe() {
        return SqlStatement.of(StatementKind.WORKER,
                "services/engine/src/main/java/fullcourt/engine/health/WarehouseReadinessCheck.PROBE",
                WarehouseReadinessCheck.PROBE);
    }
}
