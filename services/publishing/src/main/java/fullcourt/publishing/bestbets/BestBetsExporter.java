package fullcourt.publishing.bestbets;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.Export;
import fullcourt.publishing.ExportsConfig;
import fullcourt.publishing.export.ExportPublisher;
import fullcourt.publishing.performance.SeasonToDate;
import fullcourt.publishing.predictions.PredictionRows;
import fullcourt.publishing.predictions.PredictionRows.Prediction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * best_bets_export: the date's top calls of the ensemble system, the one that combines the
 * others, each with the ensemble's hit rate over the season's earlier dates (the date's own
 * results are not known when the picks are made).
 */
@ApplicationScoped
public class BestBetsExporter implements Processor {

    /** The system whose calls are picked. */
    public static final String SYSTEM_ID = "ensemble";

    private final ExportPublisher publisher;
    private final int limit;

    @Inject
    public BestBetsExporter(ExportPublisher publisher, ExportsConfig config) {
        this(publisher, config.bestBets().limit());
    }

    public BestBetsExporter(ExportPublisher publisher, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("fullcourt.exports.best-bets.limit must be at least 1, got " + limit);
        }
        this.publisher = publisher;
        this.limit = limit;
    }

    @Override
    public String name() {
        return Export.BEST_BETS.processor();
    }

    @Override
    public Outcome process(TaskContext task) {
        return publisher.export(task, Export.BEST_BETS, (warehouse, date) -> {
            BestBetsDocument document = read(warehouse, date, limit);
            return new ExportPublisher.Built(document, document.picks().size());
        });
    }

    static BestBetsDocument read(Warehouse warehouse, LocalDate date, int limit) {
        String season = SeasonToDate.seasonOf(warehouse, date);
        SeasonToDate.SystemTotals earlier = SeasonToDate.before(warehouse, season, date).get(SYSTEM_ID);
        Double hitRate = earlier == null ? null : earlier.hitRate();
        List<Prediction> predictions = PredictionRows.read(warehouse, date);
        List<Prediction> top = BestBetRanking.top(predictions, SYSTEM_ID, limit);
        List<BestBetsDocument.Pick> picks = new ArrayList<>();
        for (Prediction p : top) {
            picks.add(new BestBetsDocument.Pick(picks.size() + 1, p.gameId(), p.playerId(), p.playerName(), p.team(),
                    p.opponent(), p.isHome(), p.pointsLine(), p.predictedPoints(), p.edge(), p.recommendation(),
                    p.confidence(), p.modelVersion(), hitRate));
        }
        return new BestBetsDocument(Export.SCHEMA_VERSION, date.toString(), season, SYSTEM_ID, limit,
                PredictionRows.versions(predictions.stream().filter(p -> p.systemId().equals(SYSTEM_ID)).toList()), picks);
    }
}
