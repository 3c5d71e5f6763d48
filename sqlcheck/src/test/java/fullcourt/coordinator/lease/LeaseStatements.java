package fullcourt.coordinator.lease;

import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The coordinator lease's SQL as the BigQuery adapter sends it, parameters as {@link LeaseTable} and
 * {@link CoordinatorLease} pass them. Not here: {@link LeaseTable#HELD}, the condition a fenced ledger append carries,
 * which only DuckDB sends ({@code DuckDbWarehouse.appendIf}); on BigQuery the ledger appends through the Storage Write
 * API and the fence is the lease row's {@code READ} ({@code CoordinatorLease.confirm}).
 */
public final class LeaseStatements {

    static final String SOURCE = "services/coordinator/src/main/java/fullcourt/coordinator/lease/LeaseTable.";

    /** ops.coordinator_lease as its DDL declares it, for the analyzer's catalog. */
    public static final Map<String, String> COLUMNS = Map.of("name", "STRING", "holder", "STRING", "epoch", "INT64",
            "expires_at", "TIMESTAMP");

    private LeaseStatements() {
    }

    /** Sent by {@code LeaseTable.on}, at every coordinator's start. */
    public static SqlStatement ddl() {
        return SqlStatement.of(StatementKind.DDL, SOURCE + "DDL", LeaseTable.DDL);
    }

    public static List<SqlStatement> all() {
        Timestamp at = Timestamp.from(Instant.parse("2024-01-15T12:00:00Z"));
        return List.of(
                // LeaseTable.read, once, when the lease's row does not exist yet
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "SEED", LeaseTable.SEED, "name", "coordinator",
                        "never", Timestamp.from(Instant.EPOCH)),
                // LeaseTable.read: CoordinatorLease.tryTake, renew after a refused extension, confirm (the last third
                // of a lease, before a ledger append) and refused
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "READ", LeaseTable.READ, "name", "coordinator"),
                // LeaseTable.take: CoordinatorLease.tryTake
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "TAKE", LeaseTable.TAKE, "name", "coordinator",
                        "holder", "rev-2/cd34ef56", "next_epoch", 8L, "expires_at", at, "seen_epoch", 7L, "now", at),
                // LeaseTable.extend: CoordinatorLease.renew, and release (an expiry of now)
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "RENEW", LeaseTable.RENEW, "name", "coordinator",
                        "holder", "rev-1/ab12cd34", "epoch", 7L, "expires_at", at));
    }
}
