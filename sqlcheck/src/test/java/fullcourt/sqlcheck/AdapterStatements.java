package fullcourt.sqlcheck;

import fullcourt.coordinator.lease.LeaseStatements;
import fullcourt.coordinator.ledger.LedgerStatements;
import fullcourt.coordinator.lineage.CoordinatorLineageStatements;
import fullcourt.coordinator.validation.ValidationStatements;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CalendarStatements;
import fullcourt.engine.health.HealthStatements;
import fullcourt.engine.lineage.LineageStatements;
import fullcourt.predictions.ml.MlStatements;
import fullcourt.publishing.performance.SeasonToDate;
import fullcourt.publishing.performance.SystemPerformanceExporter;
import fullcourt.publishing.predictions.PredictionRows;
import fullcourt.publishing.results.ResultsExporter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every statement the BigQuery adapter can send besides the partition writes {@link DeclaredWarehouse} analyzes with
 * its writers: model checks, DDL, ledger, lineage and fingerprints, validation, exports, training and scoring, and
 * what workers ask. Each is the constant or method its class runs, with parameters as its call site passes them; a
 * statement run once per parameter set ({@code updateBatch}) as the adapter batches it into jobs
 * ({@link StatementKind#BATCH}); a write's lineage as the adapter sends it: its rows appended (no SQL), the SELECT of
 * a written partition's fingerprint as a query job (LineageStatements.writes).
 */
public final class AdapterStatements {

    static final LocalDate DATE = LocalDate.of(2024, 1, 15);

    private AdapterStatements() {
    }

    public static List<SqlStatement> all(Catalog catalog, ModelFiles models, Map<String, List<fullcourt.engine.warehouse.Column>> tables) {
        List<SqlStatement> out = new ArrayList<>();
        models.checks().forEach((name, file) -> out.add(SqlStatement.of(StatementKind.MODEL_CHECKS, models.source(file),
                ModelFiles.text(file), "game_date", DATE)));
        models.models().forEach((name, file) -> {
            if (catalog.find(name).isEmpty()) {
                // not a processor of the catalog (a writer is analyzed while deriving its table): still a model
                out.add(SqlStatement.of(StatementKind.MODEL, models.source(file), ModelFiles.text(file),
                        "game_date", DATE));
            }
        });
        out.add(LedgerStatements.ddl());
        out.add(LeaseStatements.ddl());
        out.addAll(LeaseStatements.all());
        out.addAll(LineageStatements.ddl());
        out.addAll(LedgerStatements.all());
        out.addAll(LineageStatements.all());
        out.addAll(CoordinatorLineageStatements.all(catalog));
        out.addAll(LineageStatements.fingerprints(tables));
        out.addAll(LineageStatements.writes(tables));
        out.addAll(ValidationStatements.all(catalog));
        out.addAll(exports());
        out.addAll(MlStatements.reads());
        out.add(CalendarStatements.scheduleDates());
        out.add(HealthStatements.probe());
        return out;
    }

    static List<SqlStatement> exports() {
        String publishing = "services/publishing/src/main/java/fullcourt/publishing/";
        return List.of(
                SqlStatement.of(StatementKind.EXPORT, publishing + "results/ResultsExporter.TEAMS_SQL",
                        ResultsExporter.TEAMS_SQL, "game_date", DATE),
                SqlStatement.of(StatementKind.EXPORT, publishing + "results/ResultsExporter.PLAYERS_SQL",
                        ResultsExporter.PLAYERS_SQL, "game_date", DATE),
                SqlStatement.of(StatementKind.EXPORT, publishing + "predictions/PredictionRows.SQL",
                        PredictionRows.SQL, "game_date", DATE),
                SqlStatement.of(StatementKind.EXPORT, publishing + "performance/SystemPerformanceExporter.DAY_SQL",
                        SystemPerformanceExporter.DAY_SQL, "game_date", DATE),
                SqlStatement.of(StatementKind.EXPORT, publishing + "performance/SeasonToDate.SEASON_SQL",
                        SeasonToDate.SEASON_SQL, "game_date", DATE),
                SqlStatement.of(StatementKind.EXPORT, publishing + "performance/SeasonToDate.TOTALS_SQL",
                        SeasonToDate.TOTALS_SQL, "season", "2023-24", "before", DATE));
    }
}
