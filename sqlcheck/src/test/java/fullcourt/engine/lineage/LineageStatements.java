package fullcourt.engine.lineage;

import fullcourt.engine.warehouse.Column;
import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lineage store's and the fingerprints' SQL, parameters as {@link LineageStore} and its callers pass them. */
public final class LineageStatements {

    static final String STORE = "services/engine/src/main/java/fullcourt/engine/lineage/LineageStore.";
    static final LocalDate FROM = LocalDate.of(2021, 10, 19);
    static final LocalDate TO = LocalDate.of(2024, 1, 15);

    private LineageStatements() {
    }

    public static List<SqlStatement> ddl() {
        List<SqlStatement> out = new ArrayList<>();
        for (int i = 0; i < LineageStore.DDL.size(); i++) {
            out.add(SqlStatement.of(StatementKind.DDL, STORE + "DDL[" + i + "]", LineageStore.DDL.get(i)));
        }
        return out;
    }

    public static List<SqlStatement> all() {
        Timestamp at = Timestamp.from(Instant.parse("2024-01-15T12:00:00Z"));
        SqlStatement written = SqlStatement.of(StatementKind.LINEAGE, STORE + "INSERT_LINEAGE (written)",
                LineageStore.INSERT_LINEAGE, "processor", "player_game_summary", "game_date", TO, "write_id", "w-1",
                "stage", "written", "version", "sql-0123456789ab", "run_id", "run-1", "row_count", 240L,
                "fingerprint", "240:123456789", "detail", null, "recorded_at", at);
        Map<String, Object> begun = new HashMap<>();
        begun.put("stage", "begun");
        begun.put("row_count", null);
        begun.put("fingerprint", null);
        return List.of(
                SqlStatement.of(StatementKind.LINEAGE, STORE + "INSERT_READ", LineageStore.INSERT_READ,
                        "write_id", "w-1", "processor", "player_game_summary", "game_date", TO,
                        "input", "raw.player_box_scores", "first_date", TO, "last_date", TO, "digest", "d41d8cd9"),
                written,
                written.with(STORE + "INSERT_LINEAGE (begun, nulls)", begun),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "lineageRows(0)", LineageStore.lineageRows(0),
                        "from", FROM, "to", TO),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "lineageRows(2)", LineageStore.lineageRows(2),
                        "from", FROM, "to", TO, "p0", "player_game_summary", "p1", "team_offense_game_summary"),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "latestCte() + a select of latest and ended",
                        LineageStore.latestCte() + " SELECT l.processor, l.game_date, l.version, e.stage, e.row_count"
                                + " FROM latest AS l LEFT JOIN ended AS e ON e.write_id = l.write_id",
                        "from", FROM, "to", TO),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "READS_OF_WRITE", LineageStore.READS_OF_WRITE,
                        "w", "w-1"),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "INSERT_VERSION", LineageStore.INSERT_VERSION,
                        "processor", "player_game_summary", "version", "sql-0123456789ab", "registered_at", at),
                SqlStatement.of(StatementKind.LINEAGE, STORE + "CURRENT_VERSIONS", LineageStore.CURRENT_VERSIONS));
    }

    /**
     * {@code PartitionFingerprints.query} of each raw and output table (not ops), over its columns; for each output
     * table, the {@code written} row a worker records behind a write ({@code LineageStore.writtenSql}, the
     * fingerprint of one partition computed in the INSERT).
     */
    public static List<SqlStatement> fingerprints(Map<String, List<Column>> tables) {
        List<SqlStatement> out = new ArrayList<>();
        Timestamp at = Timestamp.from(Instant.parse("2024-01-15T12:00:00Z"));
        tables.forEach((table, columns) -> {
            if (!table.startsWith("ops.") && columns.stream().anyMatch(c -> c.name().equals("game_date"))) {
                out.add(SqlStatement.of(StatementKind.FINGERPRINT,
                        "services/engine PartitionFingerprints.query(" + table + ")",
                        PartitionFingerprints.query(table, "game_date", columns), "from", FROM, "to", TO));
                if (!table.startsWith("raw.")) {
                    out.add(SqlStatement.of(StatementKind.LINEAGE, STORE + "writtenSql(" + table + ")",
                            LineageStore.writtenSql(table, "game_date", columns), "processor", "p", "game_date", TO,
                            "write_id", "w-1", "stage", "written", "version", "sql-0123456789ab", "run_id", "run-1",
                            "recorded_at", at));
                }
            }
        });
        return out;
    }
}
