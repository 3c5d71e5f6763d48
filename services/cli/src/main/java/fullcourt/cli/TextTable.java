package fullcourt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A plain-text table with aligned columns: text left, the columns marked numeric right. */
final class TextTable {

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<UnaryOperator<String>> styles = new ArrayList<>();

    /** Headers; a header starting with '>' marks a right-aligned column (the '>' is not shown). */
    TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.numeric = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            numeric[i] = headers[i].startsWith(">");
            this.headers.add(numeric[i] ? headers[i].substring(1) : headers[i]);
            styles.add(UnaryOperator.identity());
        }
    }

    /**
     * The cells of {@code column} (not its header) drawn through {@code style}, e.g. a colour: the columns are
     * aligned on the plain text, so escape codes take no width.
     */
    TextTable style(int column, UnaryOperator<String> style) {
        styles.set(column, style);
        return this;
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        append(out, headers, widths, false);
        rows.forEach(row -> append(out, row, widths, true));
        return out.toString();
    }

    private void append(StringBuilder out, List<String> cells, int[] widths, boolean styled) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            String shown = styled ? styles.get(i).apply(cell) : cell;
            line.append(numeric[i] ? pad + shown : shown + pad);
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
}
