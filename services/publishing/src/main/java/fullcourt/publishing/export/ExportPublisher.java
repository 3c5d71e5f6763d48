package fullcourt.publishing.export;

import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.SqlModelProcessor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.publishing.Export;
import fullcourt.publishing.sink.ExportSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Publishes one export document of a date: its bytes go through the sink first, then its manifest
 * row is written. A crash between the two is redelivered and rewrites the same object, so the
 * manifest never names an object that was not written.
 */
@ApplicationScoped
public class ExportPublisher {

    private static final Logger LOG = Logger.getLogger(ExportPublisher.class);

    private final ExportSink sink;

    @Inject
    public ExportPublisher(ExportSink sink) {
        this.sink = sink;
    }

    /** A document built from the warehouse for a date, with its record count for the manifest. */
    public record Built(Object document, long records) {
    }

    /** How an export reads its inputs of a date into its document. */
    @FunctionalInterface
    public interface DocumentReader {
        Built read(Warehouse warehouse, LocalDate date);
    }

    /**
     * Skips the task's date as SQL models skip it, or when the export's source has no row of it (nothing to work
     * from), or reads the export's document and publishes it.
     */
    public Outcome export(TaskContext task, Export export, DocumentReader reader) {
        String skip = ExportDays.skipReason(task);
        if (skip != null) {
            return Outcome.skipped(skip);
        }
        Optional<String> empty = export.source().filter(table -> !hasRowsOn(task.warehouse(), table, task.date()));
        if (empty.isPresent()) {
            return Outcome.skipped(SqlModelProcessor.nothingToWorkFrom(task.date(), List.of("no rows in " + empty.get())));
        }
        Built built = reader.read(task.warehouse(), task.date());
        return publish(task, export, built.document(), built.records());
    }

    /** Whether {@code table} (one of {@link Export#source()}'s constants) has a row of {@code date}. */
    private static boolean hasRowsOn(Warehouse warehouse, String table, LocalDate date) {
        return warehouse.tableExists(table) && ((Number) warehouse.query("SELECT COUNT(*) AS n FROM " + table
                + " WHERE game_date = @d", Map.of("d", date)).get(0).get("n")).longValue() > 0;
    }

    /** Writes {@code document} as the export's object of the task's date; one object, so one "row" written. */
    public Outcome publish(TaskContext task, Export export, Object document, long recordCount) {
        byte[] content = ExportJson.bytes(document);
        String objectPath = export.objectPath(task.date());
        task.cancellation().check();
        sink.write(objectPath, content);
        ExportManifest.record(task, objectPath, recordCount, content);
        LOG.debugf("published %s (%d records, %d bytes)", objectPath, recordCount, content.length);
        return Outcome.written(1);
    }
}
