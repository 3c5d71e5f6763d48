package fullcourt.publishing.sink;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The export root named by {@code fullcourt.exports.location}: a local directory or a GCS bucket (and prefix). */
public sealed interface ExportLocation {

    /** A local directory laid out as the bucket. */
    record Directory(Path root) implements ExportLocation {
    }

    /** A bucket, and a prefix ("" or ending in '/') that every object name starts with. */
    record Bucket(String bucket, String prefix) implements ExportLocation {
    }

    /** GCS bucket names: 3-63 characters (up to 222 with dots) of lower-case letters, digits, '-', '_' and '.'. */
    Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    /** @throws IllegalArgumentException naming the setting, what it got and the accepted forms */
    static ExportLocation parse(String location) {
        String text = location == null ? "" : location.strip();
        if (text.startsWith("gs://")) {
            String rest = text.substring("gs://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
            if (!BUCKET_NAME.matcher(bucket).matches()) {
                throw invalid(location, "'" + bucket + "' is not a valid bucket name");
            }
            if (prefix.contains("//")) {
                throw invalid(location, "the prefix has an empty segment");
            }
            return new Bucket(bucket, prefix.isEmpty() ? "" : prefix + "/");
        }
        if (text.isEmpty() || text.contains("://") || text.startsWith("file:")) {
            throw invalid(location, text.isEmpty() ? "it is empty" : "only gs:// URLs and directory paths are accepted");
        }
        try {
            return new Directory(Path.of(text));
        } catch (InvalidPathException e) {
            throw invalid(location, e.getMessage());
        }
    }

    private static String trimSlashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }

    private static IllegalArgumentException invalid(String location, String why) {
        return new IllegalArgumentException("fullcourt.exports.location must be a directory (e.g. data/exports) or"
                + " gs://BUCKET[/PREFIX], got '" + location + "': " + why);
    }
}
