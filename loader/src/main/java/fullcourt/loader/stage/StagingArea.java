package fullcourt.loader.stage;

import fullcourt.loader.check.Rejection;
import fullcourt.loader.contract.RawColumn;
import fullcourt.loader.contract.RawTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Files read by DuckDB's own readers into one staging table per raw table ({@code stage_<table>}): every contract
 * column as trimmed text (NULL when empty) plus the file and line of the row. Text first, types after: read with the
 * contract's types directly, DuckDB would stop at the first bad value (or drop rows silently with ignore_errors),
 * where a load must name every bad row with its line and reason. Nothing is auto-detected: the CSV dialect is fixed
 * (comma, double quotes, a header line) and the columns are told to the reader.
 */
public final class StagingArea {

    private final Connection connection;
    private final Set<String> created = new HashSet<>();

    public StagingArea(Connection connection) {
        this.connection = connection;
    }

    /** The staging table of {@code table}. */
    public static String stageOf(RawTable table) {
        return "stage_" + table.name();
    }

    /**
     * Reads {@code file} into its table's staging table; returns what could not be read: the whole file (line 0)
     * or malformed CSV records (wrong number of fields, unterminated quotes) with their lines.
     */
    public List<Rejection> stage(RawFile file) throws SQLException {
        RawTable table = file.table();
        createStage(table);
        try {
            return switch (file.format()) {
                case CSV -> stageCsv(file);
                case PARQUET -> stageParquet(file);
                case JSON -> stageJson(file);
            };
        } catch (SQLException e) {
            return List.of(new Rejection(file.label(), 0, "cannot read as " + file.format() + ": "
                    + firstLine(e.getMessage())));
        }
    }

    private void createStage(RawTable table) throws SQLException {
        if (created.add(table.name())) {
            execute("CREATE OR REPLACE TEMP TABLE " + stageOf(table) + " (_file VARCHAR, _line BIGINT, "
                    + table.columns().stream().map(c -> c.name() + " VARCHAR").collect(Collectors.joining(", ")) + ")");
        }
    }

    private List<Rejection> stageCsv(RawFile file) throws SQLException {
        List<String> header;
        try {
            header = CsvHeader.read(file.path());
        } catch (IOException e) {
            return List.of(new Rejection(file.label(), 0, "cannot read: " + e.getMessage()));
        }
        if (header.isEmpty()) {
            return List.of(new Rejection(file.label(), 0, "empty file: expected a header line naming the columns"));
        }
        List<Rejection> columnProblems = columnProblems(file, header);
        if (!columnProblems.isEmpty()) {
            return columnProblems;
        }
        String columns = header.stream().map(c -> "'" + c + "': 'VARCHAR'").collect(Collectors.joining(", "));
        execute("DROP TABLE IF EXISTS file_rejects");
        execute("DROP TABLE IF EXISTS file_scans");
        execute("CREATE OR REPLACE TEMP TABLE file_read AS SELECT * FROM read_csv(" + literal(file) + ", header = true,"
                + " auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = {" + columns + "},"
                + " store_rejects = true, rejects_table = 'file_rejects', rejects_scan = 'file_scans')");
        List<Rejection> malformed = new ArrayList<>();
        List<Long> skippedLines = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT line, first(error_type || ': ' || error_message"
                     + " ORDER BY column_idx NULLS FIRST) FROM file_rejects GROUP BY line ORDER BY line")) {
            while (rs.next()) {
                skippedLines.add(rs.getLong(1));
                malformed.add(new Rejection(file.label(), rs.getLong(1), "malformed CSV record ("
                        + rs.getString(2).toLowerCase(java.util.Locale.ROOT) + ")"));
            }
        }
        // A record the reader rejected is missing from file_read, so the line of the k-th row read is its position
        // plus the header plus the rejected lines before it (records are assumed to hold no line breaks).
        execute("CREATE OR REPLACE TEMP TABLE file_skips (from_row BIGINT)");
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO file_skips VALUES (?)")) {
            for (int i = 0; i < skippedLines.size(); i++) {
                ps.setLong(1, skippedLines.get(i) - 2 - i);
                ps.executeUpdate();
            }
        }
        copyToStage(file, header, "f.rowid + 2 + (SELECT count(*) FROM file_skips s WHERE s.from_row <= f.rowid)",
                c -> c);
        return malformed;
    }

    private List<Rejection> stageParquet(RawFile file) throws SQLException {
        execute("CREATE OR REPLACE TEMP TABLE file_read AS SELECT * FROM read_parquet(" + literal(file)
                + ", file_row_number = true)");
        List<String> present = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name FROM (DESCRIBE file_read)")) {
            while (rs.next()) {
                if (!rs.getString(1).equals("file_row_number")) {
                    present.add(rs.getString(1));
                }
            }
        }
        List<Rejection> columnProblems = columnProblems(file, present);
        if (!columnProblems.isEmpty()) {
            return columnProblems;
        }
        // Parquet values are typed already: as text they go through the same checks as a CSV's
        copyToStage(file, present, "f.file_row_number + 1", c -> "CAST(" + c + " AS VARCHAR)");
        return List.of();
    }

    private List<Rejection> stageJson(RawFile file) throws SQLException {
        List<String> all = file.table().columnNames();
        String columns = all.stream().map(c -> "'" + c + "': 'VARCHAR'").collect(Collectors.joining(", "));
        execute("CREATE OR REPLACE TEMP TABLE file_read AS SELECT * FROM read_json(" + literal(file)
                + ", format = 'newline_delimited', columns = {" + columns + "})");
        copyToStage(file, all, "f.rowid + 1", c -> c);
        return List.of();
    }

    private void copyToStage(RawFile file, List<String> columns, String lineSql,
                             java.util.function.UnaryOperator<String> asText) throws SQLException {
        String targets = String.join(", ", columns);
        String values = columns.stream().map(c -> "NULLIF(trim(" + asText.apply("f." + c) + "), '')")
                .collect(Collectors.joining(", "));
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + stageOf(file.table())
                + " (_file, _line, " + targets + ") SELECT ?, " + lineSql + ", " + values + " FROM file_read f")) {
            ps.setString(1, file.label());
            ps.executeUpdate();
        }
    }

    /** Columns the contract does not know, repeated, or required and absent: the file is refused whole. */
    private static List<Rejection> columnProblems(RawFile file, List<String> present) {
        RawTable table = file.table();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String c : present) {
            if (table.column(c).isEmpty()) {
                problems.add("unknown column '" + c + "'");
            } else if (!seen.add(c)) {
                problems.add("column " + c + " appears twice");
            }
        }
        for (RawColumn c : table.columns()) {
            if (c.required() && !present.contains(c.name())) {
                problems.add("required column " + c.name() + " is missing");
            }
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        return List.of(new Rejection(file.label(), 0, String.join("; ", problems) + " (" + table.qualifiedName()
                + " has columns " + String.join(", ", table.columnNames()) + "; see RAW-CONTRACT.md)"));
    }

    private static String literal(RawFile file) {
        return "'" + file.path().toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.strip().lines().findFirst().orElse("");
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
