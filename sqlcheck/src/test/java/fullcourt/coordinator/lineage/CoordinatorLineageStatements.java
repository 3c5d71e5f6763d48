package fullcourt.coordinator.lineage;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.util.ArrayList;
import java.util.List;

/** What the coordinator's {@link LineageReader} asks, parameters as it passes them. */
public final class CoordinatorLineageStatements {

    static final String SOURCE = "services/coordinator/src/main/java/fullcourt/coordinator/lineage/LineageReader.";

    private CoordinatorLineageStatements() {
    }

    public static List<SqlStatement> all(Catalog catalog) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(SqlStatement.of(StatementKind.LINEAGE, SOURCE + "READS_OF_LATEST", LineageReader.READS_OF_LATEST,
                "from", LineageReader.FIRST, "to", LineageReader.LAST));
        for (ProcessorDeclaration d : catalog.all()) {
            out.add(SqlStatement.of(StatementKind.LINEAGE, SOURCE + "datesPresent(" + d.name() + ")",
                    LineageReader.datesPresent(d)));
        }
        return out;
    }
}
