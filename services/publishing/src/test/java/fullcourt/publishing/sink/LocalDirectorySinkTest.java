package fullcourt.publishing.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectorySinkTest {

    @TempDir
    Path root;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(",", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void writesTheObjectUnderTheRootAsTheBucketLaysItOut() throws Exception {
        new LocalDirectorySink(root).write("v1/results/2024-01-15.json", utf8("{\"a\":1}"));

        assertThat(root.resolve("v1/results/2024-01-15.json")).hasContent("{\"a\":1}");
    }

    @Test
    void aRewriteReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        LocalDirectorySink sink = new LocalDirectorySink(root);
        sink.write("v1/results/2024-01-15.json", utf8("{\"long\":\"a much longer first document\"}"));

        sink.write("v1/results/2024-01-15.json", utf8("{}"));

        assertThat(root.resolve("v1/results/2024-01-15.json")).hasContent("{}");
        assertThat(names(root.resolve("v1/results"))).isEqualTo("2024-01-15.json");
    }

    @Test
    void aFailedWriteKeepsWhatWasThereAndCleansUpItsTemporaryFile() throws Exception {
        // the target is a non-empty directory: the final rename fails, as a full disk or a crash would stop it
        Path blocker = Files.createDirectories(root.resolve("v1/results/2024-01-15.json"));
        Files.writeString(blocker.resolve("keep"), "x");

        assertThatThrownBy(() -> new LocalDirectorySink(root).write("v1/results/2024-01-15.json", utf8("{}")))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("2024-01-15.json");

        assertThat(names(root.resolve("v1/results"))).isEqualTo("2024-01-15.json");
        assertThat(blocker.resolve("keep")).hasContent("x");
    }

    @Test
    void anObjectPathCannotLeaveTheRoot() {
        assertThatThrownBy(() -> new LocalDirectorySink(root.resolve("exports")).write("../outside.json", utf8("{}")))
                .isInstanceOf(PermanentFailure.class);
        assertThat(root.resolve("outside.json")).doesNotExist();
    }
}
