package fullcourt.engine.lineage;

import fullcourt.engine.testing.TickingClock;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.ForwardingWarehouse;
import fullcourt.engine.warehouse.RowAppends;
import fullcourt.engine.warehouse.WriteBracket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lineage written as BigQuery writes it, without a transaction around the write (its statements' rows appended
 * before and after it, the {@code written} row's row count and fingerprint from a SELECT behind it), records what
 * DuckDB's transaction records for the same partition: the same values, of the same types, read back the same. Here
 * the appends land in DuckDB, so both paths run on one engine and differ only in how lineage is written (the
 * adapter's own requests: {@code LineageOnBigQueryContractTest}).
 */
class AppendedLineageTest {

    private static final LocalDate JAN_3 = LocalDate.of(2022, 1, 3);
    private static final LocalDate JAN_4 = LocalDate.of(2022, 1, 4);
    private static final LocalDate JAN_6 = LocalDate.of(2022, 1, 6);
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00.123456Z");

    private static final ProcessorDeclaration POINTS = new ProcessorDeclaration("points", 3, "analytics.points",
            "game_date", List.of(), DateDomain.SEASON_DAYS, "sql", 2,
            List.of(new RawInput("raw.box", Window.SAME_DATE)));
    private static final ProcessorDeclaration TOTALS = new ProcessorDeclaration("totals", 4, "precompute.totals",
            "game_date", List.of(new Upstream("points", Window.SEASON_TO_DATE)), DateDomain.SEASON_DAYS, "sql", 2);
    private static final Catalog CATALOG = Catalog.of(List.of(POINTS, TOTALS));
    private static final String POINTS_SQL = "SELECT game_date, player, pts * 1.0 AS points, note FROM raw.box"
            + " WHERE game_date = @game_date";
    private static final String TOTALS_SQL = "SELECT CAST(@game_date AS DATE) AS game_date, COUNT(*) AS games,"
            + " SUM(points) AS points FROM analytics.points WHERE game_date < @game_date";

    /** What was appended, table by table, landing in the warehouse as the Storage Write API lands rows. */
    static final class LandingAppends implements RowAppends {
        final DuckDbWarehouse target;
        final List<String> tables = new ArrayList<>();
        final List<Map<String, Object>> rows = new ArrayList<>();

        LandingAppends(DuckDbWarehouse target) {
            this.target = target;
        }

        @Override
        public void append(String table, List<Column> columns, List<Map<String, Object>> appended) {
            List<Map<String, Object>> complete = new ArrayList<>();
            for (Map<String, Object> row : appended) {
                Map<String, Object> values = new HashMap<>();
                columns.forEach(c -> values.put(c.name(), row.get(c.name()))); // a column left out is null
                complete.add(values);
                tables.add(table);
                rows.add(row);
            }
            target.updateBatch(WriteBracket.Statement.insertSql(table, columns), complete);
        }
    }

    /** DuckDB written as BigQuery's adapter writes a bracket: rows appended around the write, not in its transaction. */
    static final class AppendingWarehouse extends ForwardingWarehouse {
        final LandingAppends appends;

        AppendingWarehouse(DuckDbWarehouse duckdb) {
            super(duckdb);
            this.appends = new LandingAppends(duckdb);
        }

        @Override
        public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                     Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
            bracket.before().forEach(st -> st.append(appends, delegate));
            long rows = delegate.replacePartition(table, partitionColumn, date, selectSql, params, cancellation,
                    WriteBracket.NONE);
            bracket.after().get().forEach(st -> st.append(appends, delegate));
            return rows;
        }

        @Override
        public void clearPartition(String table, String partitionColumn, LocalDate date, Cancellation cancellation,
                                   WriteBracket bracket) {
            bracket.before().forEach(st -> st.append(appends, delegate));
            delegate.clearPartition(table, partitionColumn, date, cancellation, WriteBracket.NONE);
            bracket.after().get().forEach(st -> st.append(appends, delegate));
        }

        @Override
        public Optional<RowAppends> rowAppends() {
            return Optional.of(appends);
        }
    }

    private final DuckDbWarehouse inTransaction = DuckDbWarehouse.open(":memory:");
    private final DuckDbWarehouse appended = DuckDbWarehouse.open(":memory:");
    private final AppendingWarehouse appending = new AppendingWarehouse(appended);

    @BeforeEach
    void season() {
        for (DuckDbWarehouse w : List.of(inTransaction, appended)) {
            LineageStore.create(w);
            w.update("CREATE TABLE raw.schedule (game_id VARCHAR, game_date DATE, season VARCHAR)", Map.of());
            w.update("INSERT INTO raw.schedule VALUES ('20220103_ATL_BOS', DATE '2022-01-03', '2021-22'),"
                    + " ('20220104_ATL_BOS', DATE '2022-01-04', '2021-22'),"
                    + " ('20220106_ATL_BOS', DATE '2022-01-06', '2021-22')", Map.of());
            w.update("CREATE TABLE raw.box (game_date DATE, player VARCHAR, minutes DOUBLE, pts INTEGER, note VARCHAR)",
                    Map.of());
            w.update("INSERT INTO raw.box VALUES (DATE '2022-01-03', 'a', 30.5, 20, NULL),"
                    + " (DATE '2022-01-03', 'b', 12.0, 7, 'x'), (DATE '2022-01-04', 'a', 31.0, 25, NULL),"
                    + " (DATE '2022-01-06', 'a', 29.0, 18, '')", Map.of());
        }
    }

    @AfterEach
    void close() {
        inTransaction.close();
        appended.close();
    }

    /** A clock a second later at each reading. */
    private static Clock clock() {
        return new TickingClock(AT);
    }

    private static Processor sql(ProcessorDeclaration d, String select) {
        return new Processor() {
            @Override
            public String name() {
                return d.name();
            }

            @Override
            public Outcome process(TaskContext task) {
                return Outcome.written(task.warehouse().replacePartition(d.table(), d.partitionColumn(), task.date(),
                        select, Map.of("game_date", task.date()), task.cancellation()));
            }
        };
    }

    @Test
    void theSelectBehindTheWriteGivesTheRowCountAndFingerprintTheInsertInTheWritesTransactionRecords() {
        List<Map<String, Object>> returned = new ArrayList<>();
        inTransaction.replacePartition("analytics.points", "game_date", JAN_3, POINTS_SQL, Map.of("game_date", JAN_3),
                new Cancellation(), new WriteBracket(List.of(), () -> List.of(written(inTransaction, returned::add))));
        appended.replacePartition("analytics.points", "game_date", JAN_3, POINTS_SQL, Map.of("game_date", JAN_3),
                new Cancellation());
        List<Map<String, Object>> handedBack = new ArrayList<>();

        written(appended, handedBack::add).append(appending.appends, appended);

        Map<String, Object> inserted = returned.get(0);
        Map<String, Object> row = appending.appends.rows.get(0);
        assertThat(appending.appends.tables).containsExactly(LineageStore.LINEAGE);
        assertThat(handedBack).containsExactly(row);
        // INT64 and STRING, as the row's columns are typed, and the values DuckDB's INSERT ... SELECT recorded
        assertThat(row.get("row_count")).isInstanceOf(Long.class).isEqualTo(2L)
                .isEqualTo(((Number) inserted.get("row_count")).longValue());
        assertThat(row.get("fingerprint")).isInstanceOf(String.class).isEqualTo(inserted.get("fingerprint"))
                .isEqualTo(new PartitionFingerprints(appended).of("analytics.points", "game_date", JAN_3).text());
        assertThat(row).containsEntry("write_id", "w-1").containsEntry("stage", "written")
                .containsEntry("game_date", JAN_3).containsEntry("recorded_at", Timestamp.from(AT))
                .doesNotContainKey("detail");
    }

    private static WriteBracket.Statement written(DuckDbWarehouse on, java.util.function.Consumer<Map<String, Object>> to) {
        return LineageStore.written("w-1", "points", JAN_3, "sql-1", "run-1", AT, "analytics.points", "game_date",
                on.columns("analytics.points"), to);
    }

    @Test
    void writesRecordedThroughAppendsReadBackAsTheSameLatestWritesAsInTheWritesTransaction() throws Exception {
        for (var w : List.of(inTransaction, appending)) {
            Clock clock = clock();
            for (LocalDate d : List.of(JAN_3, JAN_4)) {
                new LineageRecorder(sql(POINTS, POINTS_SQL), CATALOG, clock)
                        .process(new TaskContext(POINTS, d, "run-1", 1, w, new Cancellation(), false));
            }
            new LineageRecorder(sql(TOTALS, TOTALS_SQL), CATALOG, clock)
                    .process(new TaskContext(TOTALS, JAN_6, "run-1", 1, w, new Cancellation(), false));
        }

        assertThat(appending.appends.tables).containsExactly(
                LineageStore.READS, LineageStore.LINEAGE, LineageStore.LINEAGE,
                LineageStore.READS, LineageStore.LINEAGE, LineageStore.LINEAGE,
                LineageStore.READS, LineageStore.LINEAGE, LineageStore.LINEAGE);
        LineageStore a = new LineageStore(inTransaction);
        LineageStore b = new LineageStore(appended);
        for (var key : List.of(new PartitionKey("points", JAN_3), new PartitionKey("points", JAN_4),
                new PartitionKey("totals", JAN_6))) {
            LatestWrite x = a.latest(List.of(key.processor()), key.date(), key.date()).get(key);
            LatestWrite y = b.latest(List.of(key.processor()), key.date(), key.date()).get(key);
            assertThat(y.complete()).isTrue();
            assertThat(List.of(y.outcome(), y.rows(), y.fingerprint(), y.version(), y.runId(), y.begunAt()))
                    .as(key.toString()).isEqualTo(List.of(x.outcome(), x.rows(), x.fingerprint(), x.version(),
                            x.runId(), x.begunAt()));
            assertThat(b.readsOf(y.writeId())).isEqualTo(a.readsOf(x.writeId())).isNotEmpty();
        }
    }
}
