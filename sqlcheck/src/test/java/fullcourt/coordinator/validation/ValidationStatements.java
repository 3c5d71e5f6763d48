package fullcourt.coordinator.validation;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The validation report's queries, parameters as {@link Validator} and its checks pass them. */
public final class ValidationStatements {

    static final String SOURCE = "services/coordinator/src/main/java/fullcourt/coordinator/validation/";
    static final LocalDate FROM = LocalDate.of(2021, 10, 19);
    static final LocalDate TO = LocalDate.of(2022, 4, 10);

    private ValidationStatements() {
    }

    public static List<SqlStatement> all(Catalog catalog) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(SqlStatement.of(StatementKind.VALIDATION, SOURCE + "FieldCheck.PLAYER_FIELDS", FieldCheck.PLAYER_FIELDS,
                "from", FROM, "to", TO));
        out.add(SqlStatement.of(StatementKind.VALIDATION, SOURCE + "FieldCheck.TEAMS_PER_DATE",
                FieldCheck.TEAMS_PER_DATE, "from", FROM, "to", TO));
        out.add(SqlStatement.of(StatementKind.VALIDATION, SOURCE + "SystemAccuracy.QUERY", SystemAccuracy.QUERY,
                "season", "2021-22"));
        for (ProcessorDeclaration d : catalog.all()) {
            out.add(SqlStatement.of(StatementKind.VALIDATION, SOURCE + "TableCoverage.datesPresent(" + d.name() + ")",
                    TableCoverage.datesPresent(d), "from", FROM, "to", TO));
        }
        return out;
    }
}
