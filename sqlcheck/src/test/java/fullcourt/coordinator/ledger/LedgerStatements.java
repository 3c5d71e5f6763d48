package fullcourt.coordinator.ledger;

import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.util.List;

/**
 * The task ledger's SQL as the BigQuery adapter sends it, parameters as {@link TaskLedger} passes them. Not here:
 * {@link TaskLedger#APPEND} and the fenced append, which only DuckDB sends; on BigQuery rows go through the Storage
 * Write API ({@code Warehouse.rowAppends()}), whose requests {@code StorageWriteAppendsContractTest} covers.
 */
public final class LedgerStatements {

    static final String SOURCE = "services/coordinator/src/main/java/fullcourt/coordinator/ledger/TaskLedger.";

    private LedgerStatements() {
    }

    /** Sent by the {@link TaskLedger} constructor, at the coordinator's start (as ADD_EPOCH and MAX_SEQ are). */
    public static SqlStatement ddl() {
        return SqlStatement.of(StatementKind.DDL, SOURCE + "DDL", TaskLedger.DDL);
    }

    public static List<SqlStatement> all() {
        return List.of(
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "MAX_SEQ", TaskLedger.MAX_SEQ),
                SqlStatement.of(StatementKind.DDL, SOURCE + "ADD_EPOCH", TaskLedger.ADD_EPOCH),
                // TaskLedger.read: the fold when the coordinator leads
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "READ_ALL", TaskLedger.READ_ALL),
                // TaskLedger.history: a task's rows for status and the dashboard
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "HISTORY", TaskLedger.HISTORY,
                        "run", "run-1", "task", "player_game_summary@2024-01-15"));
    }
}
