package fullcourt.publishing.export;

import fullcourt.engine.processor.TaskContext;
import java.util.HexFormat;
import java.util.Map;

/**
 * The export's row in its catalog table ({@code publishing.<processor>}, partitioned by
 * game_date): which object was published for the date, how many records and bytes it holds and
 * its SHA-256. No wall-clock time, so re-exporting unchanged data leaves the row as it was.
 */
public final class ExportManifest {

    public static final String ROW_SQL = "SELECT CAST(@game_date AS DATE) AS game_date,"
            + " CAST(@object_path AS STRING) AS object_path,"
            + " CAST(@record_count AS INT64) AS record_count,"
            + " CAST(@bytes AS INT64) AS bytes,"
            + " CAST(@sha256 AS STRING) AS sha256";

    private ExportManifest() {
    }

    /** Replaces the task's partition of the export table with one row describing {@code objectPath}. */
    public static void record(TaskContext task, String objectPath, long recordCount, byte[] content) {
        task.warehouse().replacePartition(task.declaration().table(), task.declaration().partitionColumn(), task.date(),
                ROW_SQL, Map.of("game_date", task.date(), "object_path", objectPath, "record_count", recordCount,
                        "bytes", (long) content.length, "sha256", sha256(content)), task.cancellation());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
