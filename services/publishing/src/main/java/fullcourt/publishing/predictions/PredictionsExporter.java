package fullcourt.publishing.predictions;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.publishing.Export;
import fullcourt.publishing.export.ExportPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** predictions_export: per player-game of the date, every system's predicted points, line, call, confidence and model. */
@ApplicationScoped
public class PredictionsExporter implements Processor {

    private final ExportPublisher publisher;

    @Inject
    public PredictionsExporter(ExportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return Export.PREDICTIONS.processor();
    }

    @Override
    public Outcome process(TaskContext task) {
        return publisher.export(task, Export.PREDICTIONS, (warehouse, date) -> {
            PredictionsDocument document = document(date, PredictionRows.read(warehouse, date));
            return new ExportPublisher.Built(document, document.playerGames().size());
        });
    }

    /** Groups rows (in {@link PredictionRows#ORDER}) by player-game. */
    static PredictionsDocument document(LocalDate date, List<PredictionRows.Prediction> rows) {
        List<PredictionsDocument.PlayerGame> playerGames = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            PredictionRows.Prediction first = rows.get(i);
            List<PredictionsDocument.SystemPrediction> predictions = new ArrayList<>();
            Double line = null;
            int j = i;
            for (; j < rows.size() && samePlayerGame(first, rows.get(j)); j++) {
                PredictionRows.Prediction p = rows.get(j);
                predictions.add(new PredictionsDocument.SystemPrediction(p.systemId(), p.predictedPoints(), p.edge(),
                        p.recommendation(), p.confidence(), p.modelVersion()));
                // one line per player-game, the same for every system; a system without it (NULL) does not hide it
                line = line != null ? line : p.pointsLine();
            }
            playerGames.add(new PredictionsDocument.PlayerGame(first.gameId(), first.team(), first.opponent(),
                    first.isHome(), first.playerId(), first.playerName(), line, predictions));
            i = j;
        }
        return new PredictionsDocument(Export.SCHEMA_VERSION, date.toString(), PredictionRows.versions(rows), playerGames);
    }

    private static boolean samePlayerGame(PredictionRows.Prediction a, PredictionRows.Prediction b) {
        return a.gameId().equals(b.gameId()) && a.team().equals(b.team()) && Objects.equals(a.playerId(), b.playerId());
    }
}
