package fullcourt.coordinator.lease;

import fullcourt.coordinator.ledger.LedgerStatements;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ConditionalInsert;
import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The coordinator lease's SQL, parameters as {@link LeaseTable} and {@link CoordinatorLease} pass them. */
public final class LeaseStatements {

    static final String SOURCE = "services/coordinator/src/main/java/fullcourt/coordinator/lease/LeaseTable.";

    /** ops.coordinator_lease as its DDL declares it, for the analyzer's catalog. */
    public static final Map<String, String> COLUMNS = Map.of("name", "STRING", "holder", "STRING", "epoch", "INT64",
            "expires_at", "TIMESTAMP");

    private LeaseStatements() {
    }

    public static SqlStatement ddl() {
        return SqlStatement.of(StatementKind.DDL, SOURCE + "DDL", LeaseTable.DDL);
    }

    public static List<SqlStatement> all() {
        Timestamp at = Timestamp.from(Instant.parse("2024-01-15T12:00:00Z"));
        Map<String, Object> fence = Map.of("lease_name", "coordinator", "lease_holder", "rev-1/ab12cd34",
                "lease_epoch", 7L);
        Map<String, Object> runRow = new HashMap<>();
        LedgerStatements.taskRowValues().forEach(runRow::put);
        for (String column : List.of("task_id", "processor", "task_date", "detail", "row_count", "duration_ms")) {
            runRow.put(column, null);
        }
        List<Column> columns = fullcourt.coordinator.ledger.LedgerStatements.columns();
        ConditionalInsert fenced = ConditionalInsert.of("ops.task_events", columns,
                List.of(LedgerStatements.taskRowValues(), runRow), LeaseTable.HELD, fence);
        return List.of(
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "SEED", LeaseTable.SEED, "name", "coordinator",
                        "never", Timestamp.from(Instant.EPOCH)),
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "READ", LeaseTable.READ, "name", "coordinator"),
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "TAKE", LeaseTable.TAKE, "name", "coordinator",
                        "holder", "rev-2/cd34ef56", "next_epoch", 8L, "expires_at", at, "seen_epoch", 7L, "now", at),
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "RENEW", LeaseTable.RENEW, "name", "coordinator",
                        "holder", "rev-1/ab12cd34", "epoch", 7L, "expires_at", at),
                new SqlStatement(StatementKind.LEDGER, "services/coordinator TaskLedger.append, fenced by the lease"
                        + " (ConditionalInsert with LeaseTable.HELD)", fenced.sql(), fenced.parameters()));
    }
}
