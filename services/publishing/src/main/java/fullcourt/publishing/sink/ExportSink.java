package fullcourt.publishing.sink;

/**
 * Where exported documents go: a directory laid out as the bucket, or the bucket. A write replaces
 * the object whole and atomically: a reader sees the previous document or the new one, never a
 * part. Failures come out typed ({@link fullcourt.engine.processor.RetryableFailure} or
 * {@link fullcourt.engine.processor.PermanentFailure}).
 */
public interface ExportSink {

    /** Writes {@code content} (a JSON document) as the object {@code objectPath}, e.g. {@code v1/results/2024-01-15.json}. */
    void write(String objectPath, byte[] content);

    /** Where objects go, for logs: a directory or {@code gs://bucket/prefix}. */
    String describe();
}
