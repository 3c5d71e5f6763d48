package fullcourt.engine.lineage;

import fullcourt.engine.testing.TickingClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.RunCalendars;
import fullcourt.engine.catalog.Upstream;
import fullcourt.engine.catalog.Window;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.ForwardingWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lineage recorded around real writes on DuckDB: a season of three game dates (Jan 3, 4, 6; Jan 5
 * has no games), raw box scores, {@code points} (raw same-date) and {@code totals} (points,
 * season-to-date: the dates before its own).
 */
class LineageRecorderTest {

    private static final LocalDate JAN_3 = LocalDate.of(2022, 1, 3);
    private static final LocalDate JAN_4 = LocalDate.of(2022, 1, 4);
    private static final LocalDate JAN_5 = LocalDate.of(2022, 1, 5);
    private static final LocalDate JAN_6 = LocalDate.of(2022, 1, 6);

    private static final ProcessorDeclaration POINTS = new ProcessorDeclaration("points", 3, "analytics.points",
            "game_date", List.of(), DateDomain.SEASON_DAYS, "sql", 2,
            List.of(new RawInput("raw.box", Window.SAME_DATE)));
    private static final ProcessorDeclaration TOTALS = new ProcessorDeclaration("totals", 4, "precompute.totals",
            "game_date", List.of(new Upstream("points", Window.SEASON_TO_DATE)), DateDomain.SEASON_DAYS, "sql", 2);
    private static final Catalog CATALOG = Catalog.of(List.of(POINTS, TOTALS));
    /** A clock a second later at each reading: writes of one partition are ordered by when they began. */
    private static final Clock CLOCK = new TickingClock(Instant.parse("2026-12-04T10:00:00Z"));

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final LineageStore store = LineageStore.create(warehouse);

    @BeforeEach
    void season() {
        warehouse.update("CREATE TABLE raw.schedule (game_id VARCHAR, game_date DATE, season VARCHAR)", Map.of());
        warehouse.update("INSERT INTO raw.schedule VALUES ('20220103_ATL_BOS', DATE '2022-01-03', '2021-22'),"
                + " ('20220104_ATL_BOS', DATE '2022-01-04', '2021-22'), ('20220106_ATL_BOS', DATE '2022-01-06', '2021-22')",
                Map.of());
        warehouse.update("CREATE TABLE raw.box (game_date DATE, player VARCHAR, minutes DOUBLE, pts INTEGER)", Map.of());
        warehouse.update("INSERT INTO raw.box VALUES (DATE '2022-01-03', 'a', 30.5, 20), (DATE '2022-01-03', 'b', 12.0, 7),"
                + " (DATE '2022-01-04', 'a', 31.0, 25), (DATE '2022-01-06', 'a', 29.0, 18)", Map.of());
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private static Processor sql(ProcessorDeclaration d, String select) {
        return sql(d, select, task -> { });
    }

    /** {@link #sql(ProcessorDeclaration, String)}, showing {@code seen} each task it is given. */
    private static Processor sql(ProcessorDeclaration d, String select, java.util.function.Consumer<TaskContext> seen) {
        return new Processor() {
            @Override
            public String name() {
                return d.name();
            }

            @Override
            public String version(ProcessorDeclaration ignored) {
                return "sql-" + Integer.toHexString(select.hashCode());
            }

            @Override
            public Outcome process(TaskContext task) {
                seen.accept(task);
                if (!task.warehouse().query("SELECT 1 AS g FROM raw.schedule WHERE game_date = @d",
                        Map.of("d", task.date())).isEmpty()) {
                    return Outcome.written(task.warehouse().replacePartition(d.table(), d.partitionColumn(),
                            task.date(), select, Map.of("game_date", task.date()), task.cancellation()));
                }
                return Outcome.skipped("no games on " + task.date());
            }
        };
    }

    private static final String POINTS_SQL = "SELECT game_date, player, pts * 1.0 AS points FROM raw.box"
            + " WHERE game_date = @game_date";
    private static final String TOTALS_SQL = "SELECT CAST(@game_date AS DATE) AS game_date, COUNT(*) AS games,"
            + " SUM(points) AS points FROM analytics.points WHERE game_date < @game_date";

    private Outcome run(ProcessorDeclaration d, String select, LocalDate date, boolean cutoff) throws Exception {
        return run(d, select, date, cutoff, "run-1");
    }

    /** A task in its own worker (a new recorder), as after a restart: nothing it computed before is reused. */
    private Outcome run(ProcessorDeclaration d, String select, LocalDate date, boolean cutoff, String runId)
            throws Exception {
        LineageRecorder recorder = new LineageRecorder(sql(d, select), CATALOG, CLOCK);
        return recorder.process(task(d, date, runId, 1, warehouse, cutoff));
    }

    /** An attempt in a worker of its own: its run's calendar read at its start, as a worker's first task reads it. */
    private static TaskContext task(ProcessorDeclaration d, LocalDate date, String runId, int attempt, Warehouse on,
                                    boolean cutoff) {
        return new TaskContext(d, date, runId, attempt, on, new Cancellation(), cutoff, new RunCalendars(on));
    }

    private LatestWrite latest(String processor, LocalDate date) {
        return store.latest(List.of(processor), date, date).get(new PartitionKey(processor, date));
    }

    @Test
    void recordersSharingTheirInputsHashARawDateOnceForTheRunBetweenThem() throws Exception {
        java.util.concurrent.atomic.AtomicInteger rawHashes = new java.util.concurrent.atomic.AtomicInteger();
        Warehouse counting = new ForwardingWarehouse(warehouse) {
            @Override
            public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
                if (sql.contains("ops.row_hash40") && sql.contains("FROM raw.box")) {
                    rawHashes.incrementAndGet();
                }
                return super.query(sql, params);
            }
        };
        LineageInputs shared = new LineageInputs(CLOCK);
        for (int worker = 0; worker < 2; worker++) {
            run(shared, counting, POINTS, POINTS_SQL, JAN_3);
        }
        assertThat(rawHashes).hasValue(1);

        // recorders with inputs of their own hash it again
        new LineageRecorder(sql(POINTS, POINTS_SQL), CATALOG, CLOCK)
                .process(task(POINTS, JAN_3, "run-1", 1, counting, false));
        assertThat(rawHashes).hasValue(2);
    }

    @Test
    void aSoleLineageWriterReadsEachUpstreamOnceAndRecordsWhatAReadingWorkerRecords() throws Exception {
        java.util.concurrent.atomic.AtomicInteger lineageReads = new java.util.concurrent.atomic.AtomicInteger();
        Warehouse counting = new ForwardingWarehouse(warehouse) {
            @Override
            public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
                if (sql.contains("FROM " + LineageStore.LINEAGE)) {
                    lineageReads.incrementAndGet();
                }
                return super.query(sql, params);
            }
        };
        LineageInputs sole = new LineageInputs(CLOCK, true);
        run(sole, counting, POINTS, POINTS_SQL, JAN_3);
        run(sole, counting, TOTALS, TOTALS_SQL, JAN_4); // reads points' writes: the one read of them
        run(sole, counting, POINTS, POINTS_SQL, JAN_4);
        warehouse.update("UPDATE raw.box SET pts = 40 WHERE game_date = DATE '2022-01-03'", Map.of());
        run(sole, counting, POINTS, POINTS_SQL, JAN_3); // a rewrite, with another fingerprint
        run(sole, counting, TOTALS, TOTALS_SQL, JAN_6);

        assertThat(lineageReads).hasValue(1);
        LatestWrite totals6 = latest("totals", JAN_6);
        // what a worker reading ops.partition_lineage records for the same write
        Map<InputSpan, String> read = new LineageRecorder(sql(TOTALS, TOTALS_SQL), CATALOG, CLOCK)
                .seenNow(new PartitionFingerprints(warehouse), store, "run-2",
                        WindowInputs.of(CATALOG, TOTALS, JAN_6, fullcourt.engine.catalog.SeasonCalendar.load(warehouse)))
                .reads();
        assertThat(store.readsOf(totals6.writeId())).isEqualTo(read);
        assertThat(read.values()).doesNotContain(Fingerprint.UNKNOWN);
    }

    private void run(LineageInputs inputs, Warehouse on, ProcessorDeclaration d, String select, LocalDate date)
            throws Exception {
        new LineageRecorder(sql(d, select), CATALOG, inputs)
                .process(task(d, date, "run-1", 1, on, false));
    }

    @Test
    void aWriteRecordsItsVersionFingerprintAndEveryPartitionOfItsWindowsAtReadTime() throws Exception {
        run(POINTS, POINTS_SQL, JAN_3, false);
        run(POINTS, POINTS_SQL, JAN_4, false);
        run(TOTALS, TOTALS_SQL, JAN_6, false);

        LatestWrite points3 = latest("points", JAN_3);
        assertThat(points3.complete()).isTrue();
        assertThat(points3.rows()).isEqualTo(2);
        assertThat(points3.fingerprint())
                .isEqualTo(new PartitionFingerprints(warehouse).of("analytics.points", "game_date", JAN_3).text())
                .startsWith("2:");
        String rawBox3 = new PartitionFingerprints(warehouse).of("raw.box", "game_date", JAN_3).text();
        InputSpan box3 = new InputSpan("raw.box", JAN_3, JAN_3);
        assertThat(store.readsOf(points3.writeId())).containsExactlyEntriesOf(Map.of(box3,
                new FingerprintIndex(Map.of("raw.box", Map.of(JAN_3, rawBox3))).digest(box3)));

        // season to date of Jan 6: one span over the game dates Jan 3 and Jan 4 (Jan 5 has no games), digested from
        // the fingerprints their lineage says
        LatestWrite totals6 = latest("totals", JAN_6);
        InputSpan points3to4 = new InputSpan("points", JAN_3, JAN_4);
        assertThat(store.readsOf(totals6.writeId())).containsExactlyEntriesOf(Map.of(points3to4,
                new FingerprintIndex(Map.of("points", Map.of(JAN_3, points3.fingerprint(),
                        JAN_4, latest("points", JAN_4).fingerprint()))).digest(points3to4)));
        assertThat(store.readsOf(totals6.writeId()).get(points3to4)).startsWith("2:");
    }

    @Test
    void theProcessorIsGivenTheDigestsLineageSawOfItsUpstreamsSpansAndNoneItCannotVouchFor() throws Exception {
        run(POINTS, POINTS_SQL, JAN_3, false);
        run(POINTS, POINTS_SQL, JAN_4, false);
        java.util.concurrent.atomic.AtomicReference<fullcourt.engine.processor.InputDigests> given =
                new java.util.concurrent.atomic.AtomicReference<>();
        Processor capturing = sql(TOTALS, TOTALS_SQL, task -> given.set(task.inputs()));
        new LineageRecorder(capturing, CATALOG, CLOCK).process(task(TOTALS, JAN_6, "run-1", 1, warehouse, false));

        // the span it reads: the digest lineage recorded for it
        InputSpan points3to4 = new InputSpan("points", JAN_3, JAN_4);
        assertThat(given.get().digest("points", JAN_3, JAN_4))
                .contains(store.readsOf(latest("totals", JAN_6).writeId()).get(points3to4));
        // a narrower span of the same upstream, from the same fingerprints
        assertThat(given.get().digest("points", JAN_4, JAN_4)).contains(new FingerprintIndex(Map.of("points",
                Map.of(JAN_4, latest("points", JAN_4).fingerprint()))).digest(new InputSpan("points", JAN_4, JAN_4)));
        // nothing it did not look up: another input, dates outside its windows
        assertThat(given.get().digest("raw.box", JAN_3, JAN_3)).isEmpty();
        assertThat(given.get().digest("totals", JAN_3, JAN_4)).isEmpty();
        assertThat(given.get().digest("points", JAN_3, JAN_6)).isEmpty();

        // a partition of the span being written (begun, not finished): its content is unknown, so is the digest
        Warehouse dying = new ForwardingWarehouse(warehouse) {
            @Override
            public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                         Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
                bracket.before().forEach(st -> warehouse.updateBatch(st.sql(), st.paramSets()));
                throw new IllegalStateException("process killed during the write");
            }
        };
        assertThatThrownBy(() -> new LineageRecorder(sql(POINTS, POINTS_SQL), CATALOG, CLOCK)
                .process(task(POINTS, JAN_4, "run-2", 1, dying, false))).hasMessageContaining("killed");
        new LineageRecorder(capturing, CATALOG, CLOCK).process(task(TOTALS, JAN_6, "run-2", 1, warehouse, false));
        assertThat(given.get().digest("points", JAN_3, JAN_4)).isEmpty();
        assertThat(given.get().digest("points", JAN_3, JAN_3)).isPresent();
    }

    @Test
    void aDateWithoutGamesLeavesNoLineage() throws Exception {
        assertThat(run(POINTS, POINTS_SQL, JAN_5, false)).isEqualTo(Outcome.skipped("no games on " + JAN_5));
        assertThat(latest("points", JAN_5)).isNull();
    }

    @Test
    void aSkippedDateKeepsNoRowsOfAnEarlierWrite() throws Exception {
        run(POINTS, POINTS_SQL, JAN_3, false);
        run(POINTS, POINTS_SQL, JAN_4, false);
        String reason = "nothing to work from on " + JAN_3 + ": no rows in raw.roster";
        Processor gated = points(task -> Outcome.skipped(reason));

        assertThat(new LineageRecorder(gated, CATALOG, CLOCK).process(
                task(POINTS, JAN_3, "run-2", 1, warehouse, false)))
                .isEqualTo(Outcome.skipped(reason));

        // as a backfill from scratch leaves it: no rows, and a lineage saying so; the next date untouched
        PartitionFingerprints fingerprints = new PartitionFingerprints(warehouse);
        assertThat(fingerprints.of("analytics.points", "game_date", JAN_3)).isEqualTo(Fingerprint.EMPTY);
        LatestWrite skipped = latest("points", JAN_3);
        assertThat(skipped.outcome()).isEqualTo(LatestWrite.Outcome.SKIPPED);
        assertThat(skipped.fingerprint()).isEqualTo(Fingerprint.EMPTY.text());
        assertThat(skipped.detail()).isEqualTo(reason);
        assertThat(fingerprints.of("analytics.points", "game_date", JAN_4).rows()).isEqualTo(1);
    }

    @Test
    void aDateThatLostItsGamesKeepsNoRowsOfAnEarlierWrite() throws Exception {
        run(POINTS, POINTS_SQL, JAN_4, false);
        warehouse.update("DELETE FROM raw.schedule WHERE game_date = DATE '2022-01-04'", Map.of());

        assertThat(run(POINTS, POINTS_SQL, JAN_4, false)).isEqualTo(Outcome.skipped("no games on " + JAN_4));

        assertThat(new PartitionFingerprints(warehouse).of("analytics.points", "game_date", JAN_4))
                .isEqualTo(Fingerprint.EMPTY);
    }

    @Test
    void earlyCutoffSkipsOnlyWhileVersionAndEveryInputFingerprintAreUnchanged() throws Exception {
        run(POINTS, POINTS_SQL, JAN_3, false);
        assertThat(run(POINTS, POINTS_SQL, JAN_3, true)).isEqualTo(Outcome.skipped(LineageRecorder.INPUTS_UNCHANGED));

        // another version of the model: computed again
        assertThat(run(POINTS, POINTS_SQL + " ", JAN_3, true)).isInstanceOf(Outcome.Written.class);
        assertThat(run(POINTS, POINTS_SQL + " ", JAN_3, true)).isEqualTo(Outcome.skipped(LineageRecorder.INPUTS_UNCHANGED));

        // a corrected raw row, then the run it starts: computed again
        warehouse.update("UPDATE raw.box SET pts = 21 WHERE game_date = DATE '2022-01-03' AND player = 'a'", Map.of());
        assertThat(run(POINTS, POINTS_SQL + " ", JAN_3, true, "run-2")).isInstanceOf(Outcome.Written.class);
        // without cutoff, always computed
        assertThat(run(POINTS, POINTS_SQL + " ", JAN_3, false, "run-2")).isInstanceOf(Outcome.Written.class);
    }

    @Test
    void aRawChangeDuringARunCanMakeAPartitionLookStaleButNeverFresh() throws Exception {
        LineageRecorder recorder = new LineageRecorder(sql(POINTS, POINTS_SQL), CATALOG, CLOCK);
        recorder.process(task(POINTS, JAN_3, "run-1", 1, warehouse, false));
        InputSpan box3 = new InputSpan("raw.box", JAN_3, JAN_3);
        String before = store.readsOf(latest("points", JAN_3).writeId()).get(box3);

        // corrected while run-1 goes on: its later tasks reuse the fingerprint computed before (raw is hashed once
        // per run), so they record what was there before they read, and their partition differs from now
        warehouse.update("UPDATE raw.box SET pts = 21 WHERE game_date = DATE '2022-01-03' AND player = 'a'", Map.of());
        recorder.process(task(POINTS, JAN_3, "run-1", 2, warehouse, false));
        String now = new FingerprintIndex(Map.of("raw.box", Map.of(JAN_3,
                new PartitionFingerprints(warehouse).of("raw.box", "game_date", JAN_3).text()))).digest(box3);
        assertThat(store.readsOf(latest("points", JAN_3).writeId()).get(box3)).isEqualTo(before).isNotEqualTo(now);

        // the run the correction starts computes it again, records it as it is, and a cutoff there is exact
        recorder.process(task(POINTS, JAN_3, "run-2", 1, warehouse, false));
        assertThat(store.readsOf(latest("points", JAN_3).writeId()).get(box3)).isEqualTo(now);
        assertThat(recorder.process(task(POINTS, JAN_3, "run-2", 1, warehouse, true)))
                .isEqualTo(Outcome.skipped(LineageRecorder.INPUTS_UNCHANGED));
    }

    /** A processor that replaces its partition of Jan 3 with player a's row only, then dies (the process is killed). */
    private static final Processor DYING = new Processor() {
        @Override
        public String name() {
            return "points";
        }

        @Override
        public Outcome process(TaskContext task) {
            task.warehouse().replacePartition("analytics.points", "game_date", JAN_3, POINTS_SQL + " AND player = 'a'",
                    Map.of("game_date", JAN_3), task.cancellation());
            throw new IllegalStateException("process killed right after its write");
        }
    };

    @Test
    void onDuckDbAPartitionAndItsLineageCommitTogether() throws Exception {
        run(POINTS, POINTS_SQL, JAN_3, false);
        LatestWrite before = latest("points", JAN_3);

        // a write that fails inside its transaction leaves the old partition and the old lineage
        Processor failing = points(task -> Outcome.written(task.warehouse().replacePartition("analytics.points", "game_date",
                JAN_3, POINTS_SQL + " AND no_such_column = 1", Map.of("game_date", JAN_3), task.cancellation())));
        assertThatThrownBy(() -> new LineageRecorder(failing, CATALOG, CLOCK).process(
                task(POINTS, JAN_3, "run-2", 1, warehouse, false)))
                .hasMessageContaining("no_such_column");
        assertThat(latest("points", JAN_3)).isEqualTo(before);
        assertThat(store.readsOf(before.writeId())).hasSize(1);

        // killed right after its write: the partition came with its lineage, exact
        assertThatThrownBy(() -> new LineageRecorder(DYING, CATALOG, CLOCK).process(
                task(POINTS, JAN_3, "run-3", 1, warehouse, false)))
                .hasMessageContaining("killed");
        LatestWrite w = latest("points", JAN_3);
        assertThat(w.runId()).isEqualTo("run-3");
        assertThat(w.complete()).isTrue();
        assertThat(w.rows()).isEqualTo(1);
        assertThat(w.fingerprint()).isEqualTo(new PartitionFingerprints(warehouse).of("analytics.points", "game_date",
                JAN_3).text()).isNotEqualTo(before.fingerprint());
        assertThat(store.readsOf(w.writeId())).containsOnlyKeys(new InputSpan("raw.box", JAN_3, JAN_3));
    }

    @Test
    void theWrittenFingerprintIsTheOneTheWarehouseComputesFromThePartitionAfterTheWrite() throws Exception {
        // floats with last-bit noise, negative zeros, nulls, text; and one row the model dates Jan 4 (not its partition)
        String wide = "SELECT CASE WHEN i = 49 THEN DATE '2022-01-04' ELSE CAST(@game_date AS DATE) END AS game_date,"
                + " 'p' || i AS player, i / 7.0 + 1e-13 * i AS points, CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS n,"
                + " -0.0 * i AS z FROM range(0, 50) r(i)";
        Processor model = points(task -> Outcome.written(task.warehouse().replacePartition("analytics.points",
                "game_date", JAN_3, wide, Map.of("game_date", JAN_3), task.cancellation())));
        LineageRecorder recorder = new LineageRecorder(model, CATALOG, CLOCK);

        recorder.process(task(POINTS, JAN_3, "run-1", 1, warehouse, false));
        recorder.process(task(POINTS, JAN_3, "run-2", 1, warehouse, false)); // rewritten over its own rows

        LatestWrite w = latest("points", JAN_3);
        assertThat(w.runId()).isEqualTo("run-2");
        assertThat(w.rows()).isEqualTo(49);
        assertThat(w.fingerprint()).isEqualTo(new PartitionFingerprints(warehouse).of("analytics.points", "game_date",
                JAN_3).text());
    }

    @Test
    void whereAWriteCannotShareItsLineagesTransactionADeathBetweenLeavesThePartitionUnknown() throws Exception {
        run(POINTS, POINTS_SQL, JAN_3, false);
        // BigQuery's order without its jobs: the statements before, the write, and the process dies before the rest
        Warehouse withoutTransactions = new ForwardingWarehouse(warehouse) {
            @Override
            public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                         Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
                bracket.before().forEach(st -> warehouse.updateBatch(st.sql(), st.paramSets()));
                warehouse.replacePartition(table, partitionColumn, date, selectSql, params, cancellation);
                throw new IllegalStateException("process killed between the write and its lineage");
            }
        };
        assertThatThrownBy(() -> new LineageRecorder(DYING, CATALOG, CLOCK).process(
                task(POINTS, JAN_3, "run-2", 1, withoutTransactions, true)))
                .hasMessageContaining("killed");

        LatestWrite w = latest("points", JAN_3);
        assertThat(w.runId()).isEqualTo("run-2");
        assertThat(w.complete()).isFalse();
        assertThat(w.fingerprintForReaders()).isEqualTo(Fingerprint.UNKNOWN);
        // and a cutoff never trusts it: the next attempt computes
        assertThat(new LineageRecorder(sql(POINTS, POINTS_SQL), CATALOG, CLOCK)
                .process(task(POINTS, JAN_3, "run-3", 1, warehouse, true)))
                .isInstanceOf(Outcome.Written.class);
        // of three writes, the store (ranking in Java) and the SQL the coordinator joins (ranking in the warehouse)
        // choose the same latest one
        assertThat(warehouse.query(LineageStore.latestCte() + " SELECT l.write_id FROM latest AS l"
                + " WHERE l.processor = 'points' AND l.game_date = @d", Map.of("from", JAN_3, "to", JAN_3, "d", JAN_3)))
                .extracting(r -> r.get("write_id")).containsExactly(latest("points", JAN_3).writeId());
        assertThat(latest("points", JAN_3).runId()).isEqualTo("run-3");
    }

    @Test
    void aProcessorReportingAWriteItDidNotMakeThroughTheWarehouseIsABug() {
        Processor sideways = points(task -> Outcome.written(3));
        assertThatThrownBy(() -> new LineageRecorder(sideways, CATALOG, CLOCK).process(
                task(POINTS, JAN_3, "run-1", 1, warehouse, false)))
                .hasMessageContaining("Warehouse.replacePartition");
        assertThat(latest("points", JAN_3)).isNull();
    }

    @Test
    void fingerprintsIgnoreRowOrderAndFloatNoiseButSeeRealChanges() {
        warehouse.update("CREATE TABLE analytics.f (game_date DATE, player VARCHAR, rate DOUBLE, note VARCHAR)", Map.of());
        warehouse.update("INSERT INTO analytics.f VALUES (DATE '2022-01-03', 'a', 0.1 + 0.2, NULL),"
                + " (DATE '2022-01-03', 'b', 0.0, 'x')", Map.of());
        PartitionFingerprints fingerprints = new PartitionFingerprints(warehouse);
        Fingerprint first = fingerprints.of("analytics.f", "game_date", JAN_3);

        // same values, other order, 0.30000000000000004 -> 0.3 and 0.0 -> -1e-17: last-bit noise
        warehouse.update("DELETE FROM analytics.f", Map.of());
        warehouse.update("INSERT INTO analytics.f VALUES (DATE '2022-01-03', 'b', -1e-17, 'x'),"
                + " (DATE '2022-01-03', 'a', 0.3, NULL)", Map.of());
        assertThat(fingerprints.of("analytics.f", "game_date", JAN_3)).isEqualTo(first);

        warehouse.update("UPDATE analytics.f SET rate = 0.301 WHERE player = 'a'", Map.of());
        assertThat(fingerprints.of("analytics.f", "game_date", JAN_3)).isNotEqualTo(first);
        warehouse.update("UPDATE analytics.f SET rate = 0.3, note = '' WHERE player = 'a'", Map.of());
        assertThat(fingerprints.of("analytics.f", "game_date", JAN_3)).as("NULL and '' differ").isNotEqualTo(first);
        assertThat(first.rows()).isEqualTo(2);
        assertThat(fingerprints.of("analytics.f", "game_date", JAN_4)).isEqualTo(Fingerprint.EMPTY);
    }

    private interface Body {
        Outcome apply(TaskContext task) throws Exception;
    }

    /** A processor named points doing {@code body}. */
    private static Processor points(Body body) {
        return new Processor() {
            @Override
            public String name() {
                return "points";
            }

            @Override
            public Outcome process(TaskContext task) throws Exception {
                return body.apply(task);
            }
        };
    }
}
