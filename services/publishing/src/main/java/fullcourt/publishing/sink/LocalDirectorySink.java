package fullcourt.publishing.sink;

import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Exports into a local directory laid out exactly as the bucket. Each document is written to a
 * hidden temporary file in its target's directory, flushed to disk, then renamed over the target
 * (ATOMIC_MOVE): a rename within one directory is atomic, so readers never see half a file and a
 * crash leaves at most a stray {@code .*.tmp}, never a truncated document.
 */
public final class LocalDirectorySink implements ExportSink {

    /** Temporary files start with this and end with {@link #TEMP_SUFFIX}; readers skip them. */
    public static final String TEMP_PREFIX = ".";
    public static final String TEMP_SUFFIX = ".tmp";

    private final Path root;

    public LocalDirectorySink(Path root) {
        this.root = root;
    }

    @Override
    public void write(String objectPath, byte[] content) {
        Path target = root.resolve(objectPath).normalize();
        if (!target.startsWith(root.normalize())) {
            throw new PermanentFailure("object path '" + objectPath + "' leaves the export directory " + root);
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), TEMP_PREFIX + target.getFileName(), TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // on disk before the rename makes it visible, or a crash could publish an empty file
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (AccessDeniedException e) {
            throw new PermanentFailure("cannot write " + target + ": permission denied", e);
        } catch (IOException e) {
            throw new RetryableFailure("writing " + target + " failed, will retry: " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed with its own error, which is the one worth reporting
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
