package fullcourt.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The drills' scratch directory: emptied at the start of a drills run, so each run starts from nothing. */
final class WorkDirectory {

    private WorkDirectory() {
    }

    /** Deletes {@code dir} with everything in it, if it exists, then creates it empty. */
    static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
