package fullcourt.engine.processor;

import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.time.LocalDate;
import java.util.List;

/** What a worker asks before it runs a task: the skip reasons of {@link SqlModelProcessor}. */
public final class WorkerStatements {

    static final String SOURCE = "services/engine/src/main/java/fullcourt/engine/processor/SqlModelProcessor.";

    private WorkerStatements() {
    }

    public static List<SqlStatement> all() {
        return List.of(
                SqlStatement.of(StatementKind.WORKER, SOURCE + "SEASON_OF_DATE", SqlModelProcessor.SEASON_OF_DATE,
                        "d", LocalDate.of(2024, 1, 15)));
    }
}
