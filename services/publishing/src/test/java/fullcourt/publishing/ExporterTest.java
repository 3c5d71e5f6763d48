package fullcourt.publishing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the exporter tests: a fresh {@link ExportFixture} exporting under a temporary directory per test. */
public abstract class ExporterTest {

    @TempDir
    protected Path root;
    protected ExportFixture fixture;

    @BeforeEach
    void openFixture() {
        fixture = new ExportFixture(root);
        load();
    }

    /** Inserts the test's rows; none by default. */
    protected void load() {
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }
}
