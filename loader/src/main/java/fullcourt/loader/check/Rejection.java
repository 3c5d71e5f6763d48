package fullcourt.loader.check;

/**
 * A refused row, or a whole file when {@code line} is 0, with every reason found. For CSV the line is the file's
 * line (the header is line 1); for newline-delimited JSON the line; for Parquet the row number from 1.
 */
public record Rejection(String file, long line, String reason) implements Comparable<Rejection> {

    public boolean wholeFile() {
        return line == 0;
    }

    @Override
    public String toString() {
        return wholeFile() ? file + ": " + reason : file + ":" + line + ": " + reason;
    }

    @Override
    public int compareTo(Rejection o) {
        int byFile = file.compareTo(o.file);
        return byFile != 0 ? byFile : Long.compare(line, o.line);
    }
}
