package fullcourt.sqlcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SQL model files of every service, {@code services/<service>/src/main/resources/models/*.sql}, read from the
 * source tree (not the classpath) so that a model no catalog entry names is analyzed too.
 */
public record ModelFiles(Path repo, Map<String, Path> models, Map<String, Path> checks) {

    /** The repository root: this module's parent directory. */
    public static Path repository() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return module.getParent();
    }

    public static ModelFiles scan(Path repo) {
        Map<String, Path> models = new TreeMap<>();
        Map<String, Path> checks = new TreeMap<>();
        try (Stream<Path> services = Files.list(repo.resolve("services"))) {
            for (Path service : services.sorted().toList()) {
                Path dir = service.resolve("src/main/resources/models");
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                        String file = f.getFileName().toString();
                        if (file.endsWith(".checks.sql")) {
                            checks.put(file.substring(0, file.length() - ".checks.sql".length()), f);
                        } else {
                            models.put(file.substring(0, file.length() - ".sql".length()), f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelFiles(repo, models, checks);
    }

    /** The path as a reader finds it: relative to the repository. */
    public String source(Path file) {
        return repo.relativize(file).toString();
    }

    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
