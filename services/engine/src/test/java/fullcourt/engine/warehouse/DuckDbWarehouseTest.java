package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.infra.warehouse.TableSchemas;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DuckDbWarehouseTest {

    private static final String TABLE = "analytics.player_points";
    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final LocalDate JAN_3 = LocalDate.of(2024, 1, 3);

    /** Two players' points on a date, each plus {@code @bonus}, so a rewrite is told apart from the first write. */
    private static final String TWO_PLAYERS = """
            SELECT CAST(@game_date AS DATE) AS game_date, player, points + @bonus AS points
            FROM (VALUES ('ann', 10), ('bob', 7)) AS t(player, points)""";

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void firstWriteCreatesTheTableFromTheSelect() {
        assertThat(warehouse.tableExists(TABLE)).isFalse();

        long written = writeTwoPlayers(JAN_2, 0);

        assertThat(written).isEqualTo(2);
        assertThat(warehouse.tableExists(TABLE)).isTrue();
        assertThat(rows()).containsExactly("2024-01-02 ann 10", "2024-01-02 bob 7");
    }

    @Test
    void aTableDroppedAfterItsFirstWriteFailsOneWriteAsRetryableAndIsCreatedAgainByTheNext() {
        writeTwoPlayers(JAN_2, 0);
        // dropped by someone else, on a connection of their own
        try (java.sql.Connection other = warehouse.connection(); java.sql.Statement drop = other.createStatement()) {
            drop.execute("DROP TABLE " + TABLE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        assertThatThrownBy(() -> writeTwoPlayers(JAN_3, 0)).isInstanceOf(RetryableFailure.class);
        writeTwoPlayers(JAN_3, 1);

        assertThat(rows()).containsExactly("2024-01-03 ann 11", "2024-01-03 bob 8");
    }

    @Test
    void aTableKnownToExistIsLookedUpAgainOnceADropRanThroughTheWarehouse() {
        writeTwoPlayers(JAN_2, 0);
        assertThat(warehouse.tableExists(TABLE)).isTrue();

        warehouse.update("DROP TABLE " + TABLE, Map.of());

        assertThat(warehouse.tableExists(TABLE)).isFalse();
        writeTwoPlayers(JAN_3, 0);
        assertThat(rows()).containsExactly("2024-01-03 ann 10", "2024-01-03 bob 7");
    }

    @Test
    void openingADatabaseCreatesEveryDeclaredOutputTableWithItsDeclaredColumns() {
        Map<String, com.google.cloud.bigquery.Schema> declared = TableSchemas.outputs();
        assertThat(declared).isNotEmpty();
        declared.forEach((table, schema) -> assertThat(warehouse.columns(table)).as(table)
                .extracting(Column::name)
                .containsExactlyElementsOf(schema.getFields().stream().map(f -> f.getName()).toList()));
        assertThat(warehouse.columns("analytics.player_game_summary"))
                .contains(new Column("usage_rate", "DOUBLE"), new Column("points", "BIGINT"));
    }

    @Test
    void aWriteIntoADeclaredTableMatchesColumnsByNameAndCastsToTheDeclaredTypes() {
        // columns in another order than declared, and an INTEGER where the declaration says BIGINT
        warehouse.replacePartition("analytics.team_offense_game_summary", "game_date", JAN_2, """
                SELECT CAST(101 AS INTEGER) AS points, 'LAL' AS team, CAST(@game_date AS DATE) AS game_date,
                       '20240102_BOS_LAL' AS game_id""", Map.of("game_date", JAN_2), new Cancellation());

        assertThat(warehouse.query("SELECT game_id, team, points, opponent IS NULL AS no_opponent"
                + " FROM analytics.team_offense_game_summary", Map.of()))
                .containsExactly(Map.of("game_id", "20240102_BOS_LAL", "team", "LAL", "points", 101L, "no_opponent", true));
    }

    @Test
    void replacesOnlyThePartitionOfTheGivenDate() {
        writeTwoPlayers(JAN_2, 0);
        writeTwoPlayers(JAN_3, 0);

        long written = writeTwoPlayers(JAN_2, 100);

        assertThat(written).isEqualTo(2);
        assertThat(rows()).containsExactly(
                "2024-01-02 ann 110", // 10 + 100
                "2024-01-02 bob 107", // 7 + 100
                "2024-01-03 ann 10",
                "2024-01-03 bob 7");
    }

    @Test
    void replacementWithFewerRowsLeavesNoneOfTheOldOnes() {
        writeTwoPlayers(JAN_2, 0);

        long written = warehouse.replacePartition(TABLE, "game_date", JAN_2,
                "SELECT CAST(@game_date AS DATE) AS game_date, 'cal' AS player, 3 AS points",
                Map.of("game_date", JAN_2), new Cancellation());

        assertThat(written).isEqualTo(1);
        assertThat(rows()).containsExactly("2024-01-02 cal 3");
    }

    @Test
    void writingTheSamePartitionTwiceLeavesTheSameRows() {
        writeTwoPlayers(JAN_2, 0);
        List<String> afterFirst = rows();

        writeTwoPlayers(JAN_2, 0);

        assertThat(rows()).isEqualTo(afterFirst).hasSize(2);
    }

    @Test
    void selectFailingAfterTheOldRowsWereDeletedLeavesTheOldPartitionAndIsPermanent() {
        writeTwoPlayers(JAN_2, 0);
        // The old partition is deleted before the insert runs; the cast fails on bob's row only.
        String failsOnSecondRow = """
                SELECT CAST(@game_date AS DATE) AS game_date, player, CAST(points AS INTEGER) AS points
                FROM (VALUES ('ann', '12'), ('bob', 'n/a')) AS t(player, points)""";

        assertThatThrownBy(() -> warehouse.replacePartition(TABLE, "game_date", JAN_2, failsOnSecondRow,
                Map.of("game_date", JAN_2), new Cancellation()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("replace partition analytics.player_points game_date=2024-01-02 failed: ")
                .hasMessageContaining("Could not convert string 'n/a'");

        assertThat(rows()).containsExactly("2024-01-02 ann 10", "2024-01-02 bob 7");
    }

    @Test
    void writesFromThreadsThatEndReuseTheKeptConnectionsAndAFailedWriteClosesIts() throws Exception {
        writeTwoPlayers(JAN_2, 0);
        int kept = warehouse.idleConnections(); // the write's, and the table lookup's it may make meanwhile
        assertThat(kept).isBetween(1, 2);
        for (int i = 0; i < 20; i++) {
            Thread t = new Thread(() -> writeTwoPlayers(JAN_2, 0), "short-lived-" + i);
            t.start();
            t.join();
        }
        assertThat(warehouse.idleConnections()).as("the same connections, borrowed and given back by each thread")
                .isEqualTo(kept);

        assertThatThrownBy(() -> warehouse.replacePartition(TABLE, "game_date", JAN_2,
                "SELECT CAST(@game_date AS DATE) AS game_date, 'ann' AS player, CAST('n/a' AS INTEGER) AS points",
                Map.of("game_date", JAN_2), new Cancellation())).isInstanceOf(PermanentFailure.class);
        assertThat(warehouse.idleConnections()).as("the failed write's connection is closed").isEqualTo(kept - 1);
        writeTwoPlayers(JAN_3, 0);
        assertThat(warehouse.idleConnections()).isEqualTo(kept);
    }

    @Test
    void queriesRunOnAKeptConnectionWithTheirValuesBoundAnewAndAFailedQueryClosesIt() {
        writeTwoPlayers(JAN_2, 0);
        writeTwoPlayers(JAN_3, 5);
        String points = "SELECT player, points FROM " + TABLE + " WHERE game_date = @d ORDER BY player";

        assertThat(warehouse.query(points, Map.of("d", JAN_2))).extracting(r -> r.get("points")).containsExactly(10, 7);
        assertThat(warehouse.query(points, Map.of("d", JAN_3))).as("the kept statement with the new date")
                .extracting(r -> r.get("points")).containsExactly(15, 12);
        int kept = warehouse.idleConnections();
        warehouse.query(points, Map.of("d", JAN_3));
        assertThat(warehouse.idleConnections()).as("a query borrows an idle connection").isEqualTo(kept);

        assertThatThrownBy(() -> warehouse.query("SELECT CAST(@v AS INTEGER) AS n", Map.of("v", "n/a")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("Could not convert string 'n/a'");
        assertThat(warehouse.idleConnections()).as("the failed query's connection is closed").isEqualTo(kept - 1);
        assertThat(warehouse.query(points, Map.of("d", JAN_2))).hasSize(2);
    }

    @Test
    void cancellingARunningReplacementEndsItPromptlyAsRetryableAndKeepsTheOldPartition() throws Exception {
        writeTwoPlayers(JAN_2, 0);
        // 10^9 x 10^3 = 10^12 pairs; DuckDB counted 10^9 pairs in 0.2 s on a 2-core build machine,
        // so 10^12 takes about 10^3 x 0.2 s = 200 s uncancelled, against the 10 s allowed below.
        String countsForMinutes = """
                SELECT CAST(@game_date AS DATE) AS game_date, 'everyone' AS player, count(*) AS points
                FROM range(1000000000) AS a, range(1000) AS b""";
        Cancellation cancellation = new Cancellation();
        FutureTask<Long> replacing = new FutureTask<>(() -> warehouse.replacePartition(TABLE, "game_date", JAN_2,
                countsForMinutes, Map.of("game_date", JAN_2), cancellation));
        Thread caller = new Thread(replacing, "replacing-partition");
        caller.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> isRunningTheInsert(caller));
        cancellation.cancel();

        assertThatThrownBy(() -> replacing.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("replace partition analytics.player_points game_date=2024-01-02 cancelled: the task's deadline passed");
        assertThat(rows()).containsExactly("2024-01-02 ann 10", "2024-01-02 bob 7");
    }

    @Test
    void queryReturnsDateColumnsAsLocalDate() {
        List<Map<String, Object>> rows = warehouse.query(
                "SELECT DATE '2024-01-02' AS literal, CAST(@d AS DATE) AS bound", Map.of("d", JAN_3));

        assertThat(rows).containsExactly(Map.of("literal", JAN_2, "bound", JAN_3));
    }

    @Test
    void queryReturnsRowsAsColumnMapsInOrder() {
        List<Map<String, Object>> rows = warehouse.query(
                "SELECT i AS n, i * @factor AS scaled FROM range(3) AS t(i) ORDER BY i", Map.of("factor", 10));

        assertThat(rows).extracting(r -> r.get("n") + "->" + r.get("scaled")).containsExactly("0->0", "1->10", "2->20");
        assertThat(rows.get(0).keySet()).containsExactly("n", "scaled");
    }

    @Test
    void brokenSqlIsAPermanentFailure() {
        assertThatThrownBy(() -> warehouse.query("SELECT FROM WHERE analytics.broken", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("query failed: ")
                .hasMessageContaining("syntax error");
    }

    @Test
    void updateBatchWritesEveryRow() {
        warehouse.update("CREATE TABLE ops.teams (id INTEGER PRIMARY KEY, name VARCHAR)", Map.of());

        warehouse.updateBatch("INSERT INTO ops.teams VALUES (@id, @name)",
                List.of(Map.of("id", 1, "name", "Hawks"), Map.of("id", 2, "name", "Celtics")));

        assertThat(teams()).containsExactly("1 Hawks", "2 Celtics");
    }

    @Test
    void updateBatchWithOneFailingRowWritesNoneOfItsRows() {
        warehouse.update("CREATE TABLE ops.teams (id INTEGER PRIMARY KEY, name VARCHAR)", Map.of());
        warehouse.update("INSERT INTO ops.teams VALUES (1, 'Hawks')", Map.of());

        // id 3 is fine on its own; id 1 breaks the primary key, so 3 must not be kept either
        assertThatThrownBy(() -> warehouse.updateBatch("INSERT INTO ops.teams VALUES (@id, @name)",
                List.of(Map.of("id", 3, "name", "Nets"), Map.of("id", 1, "name", "Hawks again"))))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("batch update failed: ");

        assertThat(teams()).containsExactly("1 Hawks");
    }

    @Test
    void aSingleRowInsertBatchIsWrittenAsMultiRowInsertsInOneTransaction() {
        warehouse.update("CREATE TABLE ops.numbers (n INTEGER PRIMARY KEY, label VARCHAR)", Map.of());
        // 1,201 rows: three statements of 500, 500 and 201 rows
        int rows = 2 * MultiRowInserts.ROWS_PER_INSERT + 201;
        List<Map<String, Object>> sets = new java.util.ArrayList<>();
        for (int n = 1; n <= rows; n++) {
            sets.add(Map.of("n", n, "label", "row " + n));
        }

        warehouse.updateBatch("INSERT INTO ops.numbers (n, label) VALUES (@n, @label)", sets);

        assertThat(warehouse.query("SELECT COUNT(*) AS c, SUM(n) AS s, MAX(label) FILTER (WHERE n = 777) AS l"
                + " FROM ops.numbers", Map.of()).get(0))
                .containsEntry("c", (long) rows).containsEntry("s", java.math.BigInteger.valueOf((long) rows * (rows + 1) / 2))
                .containsEntry("l", "row 777");
    }

    @Test
    void aFailingRowInTheLastMultiRowInsertRollsBackTheEarlierOnes() {
        warehouse.update("CREATE TABLE ops.numbers (n INTEGER PRIMARY KEY, label VARCHAR)", Map.of());
        List<Map<String, Object>> sets = new java.util.ArrayList<>();
        for (int n = 1; n <= MultiRowInserts.ROWS_PER_INSERT + 1; n++) {
            sets.add(Map.of("n", n, "label", "row " + n));
        }
        sets.add(Map.of("n", 1, "label", "duplicate of the first")); // in the second statement

        assertThatThrownBy(() -> warehouse.updateBatch("INSERT INTO ops.numbers (n, label) VALUES (@n, @label)", sets))
                .isInstanceOf(PermanentFailure.class);

        assertThat(warehouse.query("SELECT COUNT(*) AS c FROM ops.numbers", Map.of()).get(0)).containsEntry("c", 0L);
    }

    private static final List<Column> LEDGER_LIKE = List.of(new Column("n", "INT64"), new Column("label", "STRING"),
            new Column("day", "DATE"), new Column("stamp", "TIMESTAMP"), new Column("score", "DOUBLE"),
            new Column("note", "STRING"));
    private static final String LEDGER_LIKE_DDL = " (n INTEGER PRIMARY KEY, label VARCHAR, day DATE, stamp TIMESTAMP,"
            + " score DOUBLE, note VARCHAR)";
    private static final String OPEN = "EXISTS (SELECT 1 FROM ops.gate WHERE open = @open)";

    private List<Map<String, Object>> ledgerLikeRows(int count) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("n", n);
            row.put("label", n % 7 == 0 ? "it's row " + n : "row " + n);
            row.put("day", JAN_2.plusDays(n % 40));
            row.put("stamp", java.sql.Timestamp.from(java.time.Instant.parse("2024-01-02T03:04:05.123456Z").plusSeconds(n)));
            row.put("score", n / 3.0);
            row.put("note", null); // null in every row: its type comes from the table
            rows.add(row);
        }
        return rows;
    }

    private void gate(boolean open) {
        warehouse.update("CREATE TABLE ops.gate (open BOOLEAN)", Map.of());
        warehouse.update("INSERT INTO ops.gate VALUES (" + open + ")", Map.of());
    }

    @Test
    void appendIfWritesEveryRowInOneGoAsThePortableStatementWouldWhileTheConditionHolds() {
        gate(true);
        warehouse.update("CREATE TABLE ops.fast" + LEDGER_LIKE_DDL, Map.of());
        warehouse.update("CREATE TABLE ops.portable" + LEDGER_LIKE_DDL, Map.of());
        List<Map<String, Object>> rows = ledgerLikeRows(2 * ConditionalInsert.MAX_ROWS + 201);

        assertThat(warehouse.appendIf("ops.fast", LEDGER_LIKE, rows, OPEN, Map.of("open", true))).isTrue();
        for (int from = 0; from < rows.size(); from += ConditionalInsert.MAX_ROWS) {
            ConditionalInsert portable = ConditionalInsert.of("ops.portable", LEDGER_LIKE,
                    rows.subList(from, Math.min(rows.size(), from + ConditionalInsert.MAX_ROWS)), OPEN, Map.of("open", true));
            warehouse.update(portable.sql(), portable.parameters());
        }

        String all = " ORDER BY n";
        List<Map<String, Object>> fast = warehouse.query("SELECT * FROM ops.fast" + all, Map.of());
        assertThat(fast).hasSize(rows.size()).isEqualTo(warehouse.query("SELECT * FROM ops.portable" + all, Map.of()));
        assertThat(fast.get(6)).containsEntry("label", "it's row 7").containsEntry("note", null);
    }

    @Test
    void appendIfWritesNothingWhenTheConditionDoesNotHold() {
        gate(false);
        warehouse.update("CREATE TABLE ops.fast" + LEDGER_LIKE_DDL, Map.of());

        assertThat(warehouse.appendIf("ops.fast", LEDGER_LIKE, ledgerLikeRows(1_201), OPEN, Map.of("open", true)))
                .isFalse();

        assertThat(warehouse.query("SELECT COUNT(*) AS c FROM ops.fast", Map.of()).get(0)).containsEntry("c", 0L);
    }

    @Test
    void appendIfOfMoreRowsThanOneStatementTakesIsAllOrNothing() {
        gate(true);
        warehouse.update("CREATE TABLE ops.fast" + LEDGER_LIKE_DDL, Map.of());
        List<Map<String, Object>> rows = ledgerLikeRows(ConditionalInsert.MAX_ROWS + 100);
        rows.get(rows.size() - 1).put("n", 1); // a duplicate key in the second statement

        assertThatThrownBy(() -> warehouse.appendIf("ops.fast", LEDGER_LIKE, rows, OPEN, Map.of("open", true)))
                .isInstanceOf(PermanentFailure.class);

        assertThat(warehouse.query("SELECT COUNT(*) AS c FROM ops.fast", Map.of()).get(0)).containsEntry("c", 0L);
    }

    @Test
    void appendIfOfAValueTheAppenderDoesNotTakeBindsTheBatchInstead() {
        gate(true);
        warehouse.update("CREATE TABLE ops.fast" + LEDGER_LIKE_DDL, Map.of());
        List<Map<String, Object>> rows = ledgerLikeRows(3);
        rows.get(1).put("score", new java.math.BigDecimal("0.25")); // the appender takes a Double only

        assertThat(warehouse.appendIf("ops.fast", LEDGER_LIKE, rows, OPEN, Map.of("open", true))).isTrue();

        assertThat(warehouse.query("SELECT score FROM ops.fast ORDER BY n", Map.of())).extracting(r -> r.get("score"))
                .containsExactly(1 / 3.0, 0.25, 1.0);
    }

    @Test
    void tableExistsLooksUpTheTableInItsDatasetOnly() {
        warehouse.update("CREATE TABLE raw.games (id INTEGER)", Map.of());
        warehouse.update("CREATE TABLE plain (id INTEGER)", Map.of());

        assertThat(warehouse.tableExists("raw.games")).isTrue();
        assertThat(warehouse.tableExists("analytics.games")).isFalse();
        assertThat(warehouse.tableExists("raw.nothing")).isFalse();
        assertThat(warehouse.tableExists("plain")).as("unqualified names are in DuckDB's main schema").isTrue();
    }

    private long writeTwoPlayers(LocalDate date, int bonus) {
        return warehouse.replacePartition(TABLE, "game_date", date, TWO_PLAYERS,
                Map.of("game_date", date, "bonus", bonus), new Cancellation());
    }

    private List<String> rows() {
        return warehouse.query("SELECT game_date, player, points FROM " + TABLE + " ORDER BY game_date, player", Map.of())
                .stream().map(r -> r.get("game_date") + " " + r.get("player") + " " + r.get("points")).toList();
    }

    private List<String> teams() {
        return warehouse.query("SELECT id, name FROM ops.teams ORDER BY id", Map.of())
                .stream().map(r -> r.get("id") + " " + r.get("name")).toList();
    }

    /**
     * Whether the caller is inside DuckDB executing the insert: the table already exists, so the
     * only statement replacePartition runs through bindAndRun is the INSERT (the DELETE before it
     * runs natively too, and cancelling that one would be a different test).
     */
    private static boolean isRunningTheInsert(Thread caller) {
        List<String> frames = Arrays.stream(caller.getStackTrace())
                .map(f -> f.getClassName() + "." + f.getMethodName())
                .toList();
        return frames.contains("org.duckdb.DuckDBNative.duckdb_jdbc_execute")
                && frames.contains(DuckDbWarehouse.class.getName() + ".execute");
    }

    @Test
    void anAttemptCancelledBeforeItsQueryStartsNeitherRunsNorCommits() {
        writeTwoPlayers(JAN_2, 0);
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        assertThatThrownBy(() -> warehouse.replacePartition(TABLE, "game_date", JAN_2, TWO_PLAYERS,
                Map.of("game_date", JAN_2, "bonus", 100), cancelled)).isInstanceOf(RetryableFailure.class);

        assertThat(rows()).containsExactly("2024-01-02 ann 10", "2024-01-02 bob 7");
    }

    @Test
    void aMissingParameterIsAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> warehouse.replacePartition(TABLE, "game_date", JAN_2, TWO_PLAYERS,
                Map.of("game_date", JAN_2), new Cancellation()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("@bonus");
    }

    @Test
    void readingATableNoProcessorHasCreatedYetIsRetryable() {
        assertThatThrownBy(() -> warehouse.replacePartition(TABLE, "game_date", JAN_2,
                "SELECT game_date, points FROM analytics.not_written_yet WHERE game_date = @game_date",
                Map.of("game_date", JAN_2), new Cancellation()))
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("not_written_yet");
    }

    @Test
    void hash40IsTheFirstFortyBitsOfTheMd5() {
        // MD5("abc") = 900150983cd24fb0d6963f7d28e17f72 (RFC 1321's test suite): BigQuery's ops.hash40 gives the same
        Map<String, Object> row = warehouse.query("SELECT ops.hash40('abc') AS h, ops.hash40(NULL) AS none", Map.of()).get(0);

        assertThat(row.get("h")).isEqualTo(0x900150983cL);
        assertThat(row.get("none")).isNull();
    }

    @Test
    void scoreRowsSplitsItsTextIntoTypedRowsAndEmptyTextIntoNone() {
        // 0.1f as a double: the text must read back as the same FLOAT64, not as 0.1
        String scores = "g1\u001fp1\u001f" + Double.toString(0.1f) + "\u001eg1\u001fp2\u001f-3.0E-5";
        List<Map<String, Object>> rows = warehouse.query("SELECT game_id, player_id, ml_points FROM ops.score_rows(@s)"
                + " AS s ORDER BY player_id", Map.of("s", scores));

        assertThat(rows).extracting(r -> r.get("game_id"), r -> r.get("player_id"), r -> r.get("ml_points"))
                .containsExactly(tuple("g1", "p1", (double) 0.1f), tuple("g1", "p2", -3.0E-5));
        assertThat(warehouse.query("SELECT COUNT(*) AS n FROM ops.score_rows(@s) AS s", Map.of("s", "")).get(0).get("n"))
                .isEqualTo(0L);
    }

    @Test
    void aBracketsInsertOfSeveralRowsWritesEachRowOnceWithItsOwnValuesWhateverTheRowCountOfTheWriteBefore() {
        warehouse.update("CREATE TABLE ops.write_log (game_date DATE, note VARCHAR)", Map.of());
        List<Column> columns = List.of(new Column("game_date", "DATE"), new Column("note", "VARCHAR"));
        java.util.function.BiFunction<LocalDate, List<String>, WriteBracket> reads = (date, notes) -> new WriteBracket(
                List.of(WriteBracket.Statement.insert("ops.write_log", columns, notes.stream()
                        .map(n -> Map.<String, Object>of("game_date", date, "note", n)).toList())), List::of);

        warehouse.replacePartition(TABLE, "game_date", JAN_2, TWO_PLAYERS, Map.of("game_date", JAN_2, "bonus", 0),
                new Cancellation(), reads.apply(JAN_2, List.of("a", "b", "c")));
        warehouse.replacePartition(TABLE, "game_date", JAN_3, TWO_PLAYERS, Map.of("game_date", JAN_3, "bonus", 0),
                new Cancellation(), reads.apply(JAN_3, List.of("d", "e")));
        warehouse.replacePartition(TABLE, "game_date", JAN_2, TWO_PLAYERS, Map.of("game_date", JAN_2, "bonus", 0),
                new Cancellation(), reads.apply(JAN_2, List.of("f", "g", "h")));

        assertThat(warehouse.query("SELECT game_date, note FROM ops.write_log ORDER BY note", Map.of())
                .stream().map(r -> r.get("game_date") + " " + r.get("note")).toList())
                .containsExactly("2024-01-02 a", "2024-01-02 b", "2024-01-02 c", "2024-01-03 d", "2024-01-03 e",
                        "2024-01-02 f", "2024-01-02 g", "2024-01-02 h");
    }

    @Test
    void aBracketsStatementsPreparedAtOneWriteRunInTheTransactionOfTheNextWritesToo() {
        warehouse.update("CREATE TABLE ops.write_log (game_date DATE, note VARCHAR)", Map.of());
        List<Map<String, Object>> returned = new java.util.ArrayList<>();
        java.util.function.Function<LocalDate, WriteBracket> logged = date -> new WriteBracket(
                List.of(WriteBracket.Statement.insert("ops.write_log",
                        List.of(new Column("game_date", "DATE"), new Column("note", "VARCHAR")),
                        List.of(Map.of("game_date", date, "note", "begun")))),
                () -> List.of(WriteBracket.Statement.returning(
                        "INSERT INTO ops.write_log SELECT @game_date, 'rows ' || CAST(COUNT(*) AS VARCHAR) FROM " + TABLE
                                + " WHERE game_date = @game_date", Map.of("game_date", date), returned::add)));
        String failsOnSecondRow = """
                SELECT CAST(@game_date AS DATE) AS game_date, player, CAST(points AS INTEGER) AS points
                FROM (VALUES ('ann', '12'), ('bob', 'n/a')) AS t(player, points)""";

        // the same thread: the second and third writes run the statements the first prepared, after its commit
        warehouse.replacePartition(TABLE, "game_date", JAN_2, TWO_PLAYERS, Map.of("game_date", JAN_2, "bonus", 0),
                new Cancellation(), logged.apply(JAN_2));
        assertThatThrownBy(() -> warehouse.replacePartition(TABLE, "game_date", JAN_3, failsOnSecondRow,
                Map.of("game_date", JAN_3), new Cancellation(), logged.apply(JAN_3)))
                .isInstanceOf(PermanentFailure.class);
        warehouse.replacePartition(TABLE, "game_date", JAN_3, TWO_PLAYERS, Map.of("game_date", JAN_3, "bonus", 1),
                new Cancellation(), logged.apply(JAN_3));

        // the failed write's begun row went with its rollback; each written row came back from its own write
        assertThat(warehouse.query("SELECT game_date, note FROM ops.write_log ORDER BY game_date, note", Map.of())
                .stream().map(r -> r.get("game_date") + " " + r.get("note")).toList())
                .containsExactly("2024-01-02 begun", "2024-01-02 rows 2", "2024-01-03 begun", "2024-01-03 rows 2");
        assertThat(returned).extracting(r -> r.get("note")).containsExactly("rows 2", "rows 2");
        assertThat(rows()).containsExactly("2024-01-02 ann 10", "2024-01-02 bob 7", "2024-01-03 ann 11",
                "2024-01-03 bob 8");
    }
}
