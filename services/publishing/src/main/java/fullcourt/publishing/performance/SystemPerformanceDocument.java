package fullcourt.publishing.performance;

import java.util.List;

/**
 * {@code v1/system-performance/<date>.json}: each prediction system's numbers of the date and of
 * its season so far, D included (schema: exports/schemas/system-performance.schema.json).
 */
public record SystemPerformanceDocument(int schemaVersion, String gameDate, String season, List<SystemPerformance> systems) {

    /** One system: {@code day} is null when it had no graded prediction on the date. */
    public record SystemPerformance(String systemId, Day day, SeasonToDate seasonToDate) {
    }

    /** The date's row of predictions.system_daily_performance. */
    public record Day(long predictionsGraded, Double mae, Double bias, Double rmse, long recommendations, long correct,
                      Double hitRate, long overCalls, long underCalls, long pushes, Double avgConfidence) {
    }

    /** The season's days up to the date, summed: MAE weighted by graded predictions, hit rate = correct / recommendations. */
    public record SeasonToDate(long dates, long predictionsGraded, Double mae, long recommendations, long correct,
                               Double hitRate) {
    }
}
