package fullcourt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each benchmark writes its report section (Markdown) and raw numbers (CSV/JSON):
 * {@code bench/results/} unless {@code -Dbench.results} says otherwise. {@code bench/run}
 * joins the sections into bench/REPORT.md.
 */
public final class Results {

    private Results() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("bench.results", "bench/results"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(String name, String text) {
        try {
            Files.writeString(dir().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "met" or "MISSED", for a target line. */
    public static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
