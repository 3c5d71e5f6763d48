package fullcourt.publishing.performance;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.Export;
import fullcourt.publishing.export.ExportPublisher;
import fullcourt.publishing.export.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** system_performance_export: per prediction system, the date's grading numbers and the season's so far. */
@ApplicationScoped
public class SystemPerformanceExporter implements Processor {

    public static final String DAY_SQL = "SELECT system_id, predictions_graded, mae, bias, rmse, recommendations, correct,"
            + " hit_rate, over_calls, under_calls, pushes, avg_confidence"
            + " FROM predictions.system_daily_performance WHERE game_date = @game_date";

    private final ExportPublisher publisher;

    @Inject
    public SystemPerformanceExporter(ExportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return Export.SYSTEM_PERFORMANCE.processor();
    }

    @Override
    public Outcome process(TaskContext task) {
        return publisher.export(task, Export.SYSTEM_PERFORMANCE, (warehouse, date) -> {
            SystemPerformanceDocument document = read(warehouse, date);
            return new ExportPublisher.Built(document, document.systems().size());
        });
    }

    static SystemPerformanceDocument read(Warehouse warehouse, LocalDate date) {
        String season = SeasonToDate.seasonOf(warehouse, date);
        Map<String, SystemPerformanceDocument.Day> days = new TreeMap<>();
        for (Map<String, Object> row : warehouse.query(DAY_SQL, Map.of("game_date", date))) {
            days.put(Rows.text(row, "system_id"), new SystemPerformanceDocument.Day(
                    count(row, "predictions_graded"), Rows.decimal(row, "mae"), Rows.decimal(row, "bias"),
                    Rows.decimal(row, "rmse"), count(row, "recommendations"), count(row, "correct"),
                    Rows.decimal(row, "hit_rate"), count(row, "over_calls"), count(row, "under_calls"),
                    count(row, "pushes"), Rows.decimal(row, "avg_confidence")));
        }
        // the season's totals include the date, so every system of the date is among them; one graded
        // earlier in the season but not today still shows, with its season numbers and no day
        Map<String, SeasonToDate.SystemTotals> seasonTotals = SeasonToDate.through(warehouse, season, date);
        List<SystemPerformanceDocument.SystemPerformance> out = new ArrayList<>();
        for (SeasonToDate.SystemTotals t : seasonTotals.values()) {
            String systemId = t.systemId();
            out.add(new SystemPerformanceDocument.SystemPerformance(systemId, days.get(systemId),
                    new SystemPerformanceDocument.SeasonToDate(t.dates(), t.predictionsGraded(), t.mae(),
                            t.recommendations(), t.correct(), t.hitRate())));
        }
        return new SystemPerformanceDocument(Export.SCHEMA_VERSION, date.toString(), season, out);
    }

    private static long count(Map<String, Object> row, String column) {
        Long v = Rows.integer(row, column);
        return v == null ? 0 : v;
    }
}
