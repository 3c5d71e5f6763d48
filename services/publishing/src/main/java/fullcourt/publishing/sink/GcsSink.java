package fullcourt.publishing.sink;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;

/**
 * Exports into a Cloud Storage bucket. Each document goes up in one request (the client's
 * byte-array create is a single multipart upload, never resumable), which replaces the object
 * atomically: readers get the previous generation or the new one.
 */
public final class GcsSink implements ExportSink {

    static final String CONTENT_TYPE = "application/json";

    private final Storage storage;
    private final String bucket;
    private final String prefix;

    /** {@code prefix} is "" or ends with '/'. */
    public GcsSink(Storage storage, String bucket, String prefix) {
        this.storage = storage;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void write(String objectPath, byte[] content) {
        BlobInfo blob = BlobInfo.newBuilder(BlobId.of(bucket, prefix + objectPath)).setContentType(CONTENT_TYPE).build();
        try {
            storage.create(blob, content);
        } catch (StorageException e) {
            throw classify("uploading gs://" + bucket + "/" + prefix + objectPath, e);
        }
    }

    /** 408, 429 and 5xx, and what the client itself marks retryable (connection resets), are worth another attempt. */
    static RuntimeException classify(String what, StorageException e) {
        int code = e.getCode();
        if (e.isRetryable() || code == 408 || code == 429 || code >= 500 || code == 0) {
            return new RetryableFailure(what + " failed, will retry: " + code + " " + e.getMessage(), e);
        }
        return new PermanentFailure(what + " failed: " + code + " " + e.getMessage(), e);
    }

    @Override
    public String describe() {
        return "gs://" + bucket + "/" + prefix;
    }
}
