package fullcourt.publishing.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GCS adapter's contract, on google-cloud-nio's in-memory Storage: each document is one
 * create() of the whole bytes (a single-request upload, which replaces an object atomically;
 * never a resumable writer), named prefix + object path, typed application/json.
 */
class GcsSinkTest {

    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final List<String> calls = new ArrayList<>();

    /** The in-memory Storage, with every call's method name recorded. */
    private Storage recorded() {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (args != null && args.length > 1 && args[1] instanceof byte[] ? "(bytes)" : ""));
                    try {
                        return method.invoke(storage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void uploadsEachDocumentInOneRequestAsJsonUnderThePrefix() {
        byte[] content = "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8);

        new GcsSink(recorded(), "fullcourt-site", "public/").write("v1/best-bets/2024-01-15.json", content);

        assertThat(calls).containsExactly("create(bytes)");
        Blob blob = storage.get(BlobId.of("fullcourt-site", "public/v1/best-bets/2024-01-15.json"));
        assertThat(blob.getContentType()).isEqualTo("application/json");
        assertThat(blob.getContent()).isEqualTo(content);
    }

    @Test
    void aReExportReplacesTheObject() {
        GcsSink sink = new GcsSink(storage, "fullcourt-site", "");
        sink.write("v1/results/2024-01-15.json", "{\"old\":true}".getBytes(StandardCharsets.UTF_8));

        sink.write("v1/results/2024-01-15.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(storage.readAllBytes(BlobId.of("fullcourt-site", "v1/results/2024-01-15.json")))
                .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(storage.list("fullcourt-site").iterateAll()).extracting(BlobInfo::getName)
                .containsExactly("v1/results/2024-01-15.json");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetryableOthersArePermanent() {
        assertThat(GcsSink.classify("upload", new StorageException(429, "rate limited"))).isInstanceOf(RetryableFailure.class);
        assertThat(GcsSink.classify("upload", new StorageException(503, "backend"))).isInstanceOf(RetryableFailure.class);
        assertThat(GcsSink.classify("upload", new StorageException(403, "forbidden")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("403");
        assertThat(GcsSink.classify("upload", new StorageException(404, "no such bucket"))).isInstanceOf(PermanentFailure.class);
    }
}
