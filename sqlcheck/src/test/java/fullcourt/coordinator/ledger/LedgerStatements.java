package fullcourt.coordinator.ledger;

import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The task ledger's SQL, parameters as {@link TaskLedger} passes them. */
public final class LedgerStatements {

    static final String SOURCE = "services/coordinator/src/main/java/fullcourt/coordinator/ledger/TaskLedger.";

    private LedgerStatements() {
    }

    public static SqlStatement ddl() {
        return SqlStatement.of(StatementKind.DDL, SOURCE + "DDL", TaskLedger.DDL);
    }

    /** A task's row as {@link TaskLedger#append} binds it. */
    public static Map<String, Object> taskRowValues() {
        Timestamp at = Timestamp.from(Instant.parse("2024-01-15T12:00:00Z"));
        Map<String, Object> row = new HashMap<>();
        row.putAll(Map.of("seq", 42L, "run_id", "run-1", "task_id", "player_game_summary@2024-01-15",
                "processor", "player_game_summary", "task_date", LocalDate.of(2024, 1, 15), "event", "SUCCEEDED",
                "dispatch", 1, "attempt", 1, "event_at", at, "detail", "ok"));
        row.putAll(Map.of("row_count", 240L, "duration_ms", 812L, "recorded_at", at, "epoch", 7L));
        return row;
    }

    /** The ledger's columns as a fenced append selects them. */
    public static List<fullcourt.engine.warehouse.Column> columns() {
        return TaskLedger.COLUMNS;
    }

    public static List<SqlStatement> all() {
        SqlStatement taskRow = new SqlStatement(StatementKind.LEDGER, SOURCE + "APPEND (a task's row)", TaskLedger.APPEND,
                taskRowValues());
        // a run-level row (ACCEPTED, COMPLETED...): no task, no counts; the adapter writes each null as NULL
        Map<String, Object> runLevel = new HashMap<>();
        for (String column : List.of("task_id", "processor", "task_date", "detail", "row_count", "duration_ms")) {
            runLevel.put(column, null);
        }
        return List.of(
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "MAX_SEQ", TaskLedger.MAX_SEQ),
                SqlStatement.of(StatementKind.DDL, SOURCE + "ADD_EPOCH", TaskLedger.ADD_EPOCH),
                taskRow,
                taskRow.with(SOURCE + "APPEND (a run's row, nulls)", runLevel),
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "READ_ALL", TaskLedger.READ_ALL),
                SqlStatement.of(StatementKind.LEDGER, SOURCE + "HISTORY", TaskLedger.HISTORY,
                        "run", "run-1", "task", "player_game_summary@2024-01-15"));
    }
}
