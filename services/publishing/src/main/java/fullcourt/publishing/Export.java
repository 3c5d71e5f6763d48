package fullcourt.publishing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The documents phase 6 publishes: the catalog processor that writes each, and where. An object's
 * path is {@code v<schemaVersion>/<folder>/<YYYY-MM-DD>.json} under the export root, the same in a
 * local directory and in the bucket.
 */
public enum Export {

    RESULTS("results_export", "results", "analytics.team_offense_game_summary"),
    PREDICTIONS("predictions_export", "predictions", "predictions.player_prop_predictions"),
    BEST_BETS("best_bets_export", "best-bets", "predictions.player_prop_predictions"),
    // season to date: a date without graded predictions still has the season's earlier ones to show
    SYSTEM_PERFORMANCE("system_performance_export", "system-performance", null);

    /** The version of every document's shape; a breaking change makes a new top folder (v2/) beside v1/. */
    public static final int SCHEMA_VERSION = 1;

    private final String processor;
    private final String folder;
    private final String source;

    Export(String processor, String folder, String source) {
        this.processor = processor;
        this.folder = folder;
        this.source = source;
    }

    /**
     * The table whose rows of a date the document is made of, when it has one: a date without any has nothing to
     * export (SKIPPED with that reason, no document).
     */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The catalog entry (and processor bean) that writes this export. */
    public String processor() {
        return processor;
    }

    /** The export's folder under {@code v1/}, e.g. {@code best-bets}. */
    public String folder() {
        return folder;
    }

    /** {@code v1/<folder>/<date>.json}. */
    public String objectPath(LocalDate date) {
        return "v" + SCHEMA_VERSION + "/" + folder + "/" + date + ".json";
    }

    /** The classpath resource of the document's JSON Schema, e.g. {@code exports/schemas/best-bets.schema.json}. */
    public String schemaResource() {
        return "exports/schemas/" + folder + ".schema.json";
    }

    public static Optional<Export> ofProcessor(String processor) {
        return Arrays.stream(values()).filter(e -> e.processor.equals(processor)).findFirst();
    }
}
