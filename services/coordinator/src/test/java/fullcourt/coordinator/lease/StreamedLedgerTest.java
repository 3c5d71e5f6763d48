package fullcourt.coordinator.lease;

import static fullcourt.coordinator.lease.CoordinatorLeaseTest.LEASE;
import static fullcourt.coordinator.lease.CoordinatorLeaseTest.T0;
import static fullcourt.coordinator.lease.CoordinatorLeaseTest.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.LedgerRows;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.engine.testing.FakeBigQueryWrite;
import fullcourt.engine.testing.ManualClock;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.ForwardingWarehouse;
import fullcourt.engine.warehouse.RowAppends;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.bigquery.StorageWriteAppends;
import fullcourt.infra.retry.BackoffPolicy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger on a warehouse that appends without DML, as BigQuery's Storage Write API does (the adapter's own
 * contract test covers the wire): rows reach {@link RowAppends} as written, no INSERT statement is run, and the lease
 * still fences them although the append carries no condition. The appended rows land in an in-memory DuckDB so that
 * they can be read back.
 */
class StreamedLedgerTest {

    /** What the warehouse was asked to append, and a hook run before the rows land. */
    static final class RecordingAppends implements RowAppends {
        final List<String> tables = new ArrayList<>();
        final List<List<Map<String, Object>>> batches = new ArrayList<>();
        Runnable beforeLanding = () -> { };
        DuckDbWarehouse target;

        @Override
        public void append(String table, List<Column> columns, List<Map<String, Object>> rows) {
            tables.add(table);
            batches.add(rows);
            Runnable hook = beforeLanding;
            beforeLanding = () -> { };
            hook.run();
            String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
            String params = columns.stream().map(c -> "@" + c.name()).collect(Collectors.joining(", "));
            target.updateBatch("INSERT INTO " + table + " (" + names + ") VALUES (" + params + ")", rows);
        }
    }

    /** DuckDB with a Storage Write-like path, counting the INSERT statements the ledger sends itself. */
    static final class StreamingWarehouse extends ForwardingWarehouse {
        final RecordingAppends appends;
        int ledgerInserts;
        /** Reads of the lease's row: a confirmation of the fence is one. */
        int leaseReads;

        StreamingWarehouse(DuckDbWarehouse duckdb, RecordingAppends appends) {
            super(duckdb);
            this.appends = appends;
            appends.target = duckdb;
        }

        @Override
        public long update(String sql, Map<String, Object> params) {
            ledgerInserts += sql.startsWith("INSERT INTO ops.task_events") ? 1 : 0;
            return super.update(sql, params);
        }

        @Override
        public void updateBatch(String sql, List<Map<String, Object>> paramSets) {
            ledgerInserts += sql.startsWith("INSERT INTO ops.task_events") ? 1 : 0;
            super.updateBatch(sql, paramSets);
        }

        @Override
        public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
            leaseReads += sql.equals(LeaseTable.READ) ? 1 : 0;
            return super.query(sql, params);
        }

        @Override
        public Optional<RowAppends> rowAppends() {
            return Optional.of(appends);
        }
    }

    final DuckDbWarehouse duckdb = DuckDbWarehouse.open(":memory:");
    final RecordingAppends appends = new RecordingAppends();
    final StreamingWarehouse warehouse = new StreamingWarehouse(duckdb, appends);
    final ManualClock clockA = new ManualClock(T0);
    final ManualClock clockB = new ManualClock(T0);
    final CoordinatorLease a = lease("a", clockA);
    final CoordinatorLease b = lease("b", clockB);

    /** Both coordinators' leases on the one lease table of the warehouse. */
    CoordinatorLease lease(String holder, ManualClock clock) {
        return new CoordinatorLease(LeaseTable.on(warehouse), "coordinator", holder, LEASE, clock);
    }

    @AfterEach
    void close() {
        duckdb.close();
    }

    static List<String> taskIds(List<LedgerEvent> events) {
        return events.stream().map(e -> e.task().taskId()).toList();
    }

    /** a's ledger once a took the lease and wrote {@code first} (seq 1, epoch 1). */
    TaskLedger holderAfterOneRow(LedgerEvent first) {
        a.tryTake();
        TaskLedger ledgerA = new TaskLedger(warehouse, a);
        ledgerA.append(List.of(first));
        return ledgerA;
    }

    /**
     * Holds a's next append on its way until b, its clock past a's lease, has taken the lease over, opened the ledger
     * (reading MAX(seq)) and done {@code then} with it; the list gets b's ledger.
     */
    List<TaskLedger> takeOverWhileTheNextAppendIsOnItsWay(Consumer<TaskLedger> then) {
        List<TaskLedger> ledgerB = new ArrayList<>();
        appends.beforeLanding = () -> {
            clockB.advance(Duration.ofSeconds(31));
            assertThat(b.tryTake()).isTrue();
            ledgerB.add(new TaskLedger(warehouse, b));
            then.accept(ledgerB.get(0));
        };
        return ledgerB;
    }

    @Test
    void batchGoesToTheTableThroughRowAppendsAsTheLedgerRowsWithoutAnInsertStatement() {
        a.tryTake();
        TaskLedger ledger = new TaskLedger(warehouse, a);

        ledger.append(List.of(succeeded("r1", 1), succeeded("r1", 2)));

        assertThat(appends.tables).containsExactly("ops.task_events");
        assertThat(appends.batches).hasSize(1);
        assertThat(appends.batches.get(0)).extracting(r -> r.get("seq") + " " + r.get("task_id") + " "
                + r.get("task_date") + " " + r.get("event") + " " + r.get("epoch"))
                .containsExactly("1 a/2022-01-01 2022-01-01 SUCCEEDED 1", "2 a/2022-01-02 2022-01-02 SUCCEEDED 1");
        assertThat(warehouse.ledgerInserts).isZero();
        assertThat(ledger.readAll()).containsExactly(succeeded("r1", 1), succeeded("r1", 2));
    }

    @Test
    void ledgerRowsReachTheStorageWriteApiAsTheyAreWrittenAtConsecutiveOffsets() {
        try (FakeBigQueryWrite api = FakeBigQueryWrite.start();
             StorageWriteAppends bigquery = StorageWriteAppends.overChannel("P", api.channels(),
                     new BackoffPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(4)), new Random(1))) {
            Warehouse onBigQuery = appendingThrough(duckdb, bigquery);
            a.tryTake();
            TaskLedger ledger = new TaskLedger(onBigQuery, a);

            ledger.append(List.of(succeeded("r1", 1), succeeded("r1", 2)));
            ledger.append(LedgerEvent.run("r1", LedgerEventType.RUN_FINISHED, T0, "SUCCEEDED"));

            assertThat(api.appends()).extracting(FakeBigQueryWrite.Append::stream)
                    .containsOnly("projects/P/datasets/ops/tables/task_events/streams/s1");
            assertThat(api.appends()).extracting(FakeBigQueryWrite.Append::offset).containsExactly(0L, 2L);
            // task_date as days since 1970-01-01 (2022-01-01 is day 18,993), event_at as microseconds (T0 is
            // 1,767,607,200 s); recorded_at is the append's own time, so only present
            assertThat(api.allRows()).extracting(r -> r.get("seq") + " " + r.get("run_id") + " " + r.get("task_id")
                    + " " + r.get("processor") + " " + r.get("task_date") + " " + r.get("event") + " "
                    + r.get("dispatch") + " " + r.get("attempt") + " " + r.get("event_at") + " " + r.get("detail")
                    + " " + r.get("epoch") + " " + r.containsKey("recorded_at"))
                    .containsExactly(
                            "1 r1 a/2022-01-01 a 18993 SUCCEEDED 1 1 1767607200000000 null 1 true",
                            "2 r1 a/2022-01-02 a 18994 SUCCEEDED 1 1 1767607200000000 null 1 true",
                            "3 r1 null null null RUN_FINISHED 0 0 1767607200000000 SUCCEEDED 1 true");
        }
    }

    @Test
    void appendInTheLastThirdOfTheLeaseConfirmsItAndIsRefusedBeforeSendingAnythingWhenItWasTaken() {
        // a holds the lease until T0 + 30 s; its appends confirm it from T0 + 20 s (30 - 30 / 3)
        TaskLedger ledgerA = holderAfterOneRow(succeeded("r1", 1));
        clockA.advance(Duration.ofSeconds(21)); // a's renewals failed; by its own clock it holds the lease 9 s more
        clockB.advance(Duration.ofSeconds(31)); // b's clock runs 10 s ahead of a's: it finds the lease run out
        assertThat(b.tryTake()).isTrue();
        int readsBefore = warehouse.leaseReads;

        assertThatThrownBy(() -> ledgerA.append(List.of(succeeded("r1", 2))))
                .isInstanceOf(NotLeaseHolder.class).hasMessageContaining("epoch 1");

        // the confirmation, then the read that names the new holder in a's status
        assertThat(warehouse.leaseReads - readsBefore).isEqualTo(2);
        assertThat(appends.batches).hasSize(1);
        assertThat(a.held()).isFalse();
        assertThat(a.status()).contains("refused a ledger write of epoch 1");
    }

    @Test
    void holderWhoseClockLagsByMoreThanAThirdOfTheLeaseWritesRowsThatEveryReadSetsAside() {
        // the worst case: a's clock is 31 s behind b's, so a appends unconfirmed within what it takes for its validity
        TaskLedger staleLedger = CoordinatorLeaseTest.pausedPastItsLease(warehouse, a, b, clockB); // seq 1, epoch 1
        TaskLedger ledgerB = new TaskLedger(warehouse, b);
        ledgerB.read(); // b's fold: seq 1; its next row is seq 2

        staleLedger.append(List.of(succeeded("r1", 2))); // seq 2, epoch 1, sent without confirmation
        ledgerB.append(List.of(succeeded("r1", 3))); // seq 2, epoch 2

        LedgerRows.Read read = new TaskLedger(warehouse).read();
        assertThat(taskIds(read.rows())).containsExactly("a/2022-01-01", "a/2022-01-03");
        assertThat(read.quarantined()).extracting(LedgerRows.Quarantined::row).containsExactly("seq 2");
    }

    @Test
    void appendsWithinTheValidityOfARenewalSendNoConfirmationQueryAndOneEachOnceItRanOut() {
        try (FakeBigQueryWrite api = FakeBigQueryWrite.start();
             StorageWriteAppends bigquery = StorageWriteAppends.overChannel("P", api.channels(),
                     new BackoffPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(4)), new Random(1))) {
            Warehouse onBigQuery = appendingThrough(duckdb, bigquery);
            a.tryTake(); // until T0 + 30 s: unconfirmed appends until T0 + 20 s
            TaskLedger ledger = new TaskLedger(onBigQuery, a);
            int reads = warehouse.leaseReads;

            for (int i = 0; i < 40; i++) { // T0 .. T0 + 19.5 s
                ledger.append(List.of(succeeded("r1", 1 + i % 28)));
                clockA.advance(Duration.ofMillis(500));
            }
            assertThat(api.appends()).hasSize(40);
            assertThat(warehouse.leaseReads - reads).isZero();

            assertThat(a.renew()).isTrue(); // at T0 + 20 s: until T0 + 50 s, unconfirmed until T0 + 40 s
            clockA.advance(Duration.ofSeconds(19)); // T0 + 39 s
            ledger.append(List.of(succeeded("r1", 1)));
            assertThat(warehouse.leaseReads - reads).isZero();

            clockA.advance(Duration.ofSeconds(2)); // T0 + 41 s: the renewal due at T0 + 30 s did not happen
            ledger.append(List.of(succeeded("r1", 2)));
            assertThat(warehouse.leaseReads - reads).isEqualTo(1);
            ledger.append(List.of(succeeded("r1", 3)));
            assertThat(warehouse.leaseReads - reads).isEqualTo(2);
            assertThat(api.appends()).hasSize(43);

            clockB.advance(Duration.ofSeconds(50)); // b takes over once a's lease ran out (T0 + 50 s)
            assertThat(b.tryTake()).isTrue();
            assertThat(a.renew()).isFalse(); // a learns it: another coordinator holds the lease
            int beforeLost = warehouse.leaseReads;

            assertThatThrownBy(() -> ledger.append(List.of(succeeded("r1", 4)))).isInstanceOf(NotLeaseHolder.class);
            assertThat(warehouse.leaseReads - beforeLost).isZero(); // refused by its own view, no query
            assertThat(api.appends()).hasSize(43);
        }
    }

    @Test
    void rowsOfAnOldEpochLandingAfterTheTakeoverAreSetAsideWhenTheLedgerIsRead() {
        TaskLedger ledgerA = holderAfterOneRow(succeeded("r1", 1));
        // a's next append has left, then b takes over and writes before a's rows land
        List<TaskLedger> ledgerB = takeOverWhileTheNextAppendIsOnItsWay(
                successor -> successor.append(List.of(succeeded("r1", 3)))); // seq 2 (MAX(seq) was 1), epoch 2

        ledgerA.append(List.of(succeeded("r1", 2), succeeded("r1", 4))); // seq 2 and 3, epoch 1: late

        LedgerRows.Read read = ledgerB.get(0).read();
        assertThat(taskIds(read.rows())).containsExactly("a/2022-01-01", "a/2022-01-03");
        assertThat(read.quarantined()).extracting(LedgerRows.Quarantined::row).containsExactly("seq 2", "seq 3");
        assertThat(read.quarantined()).allSatisfy(q -> assertThat(q.reason())
                .isEqualTo("written under lease epoch 1 after epoch 2 had taken over: an append of a coordinator"
                        + " that had lost the lease"));
    }

    static LedgerEvent event(int day, LedgerEventType type) {
        return LedgerEvent.task("r1", new TaskKey("a", LocalDate.of(2022, 1, day)), type, 1, 1, T0, null);
    }

    @Test
    void taskHistoryLeavesOutARowOfAStaleEpochAsTheFoldDoes() {
        TaskLedger ledgerA = holderAfterOneRow(event(5, LedgerEventType.DISPATCHED));
        // a's STARTED is on its way when b takes over and writes about another task
        List<TaskLedger> ledgerB = takeOverWhileTheNextAppendIsOnItsWay(successor -> {
            successor.read();
            successor.append(List.of(event(6, LedgerEventType.SUCCEEDED))); // seq 2, epoch 2
        });

        ledgerA.append(List.of(event(5, LedgerEventType.STARTED))); // seq 2, epoch 1: late

        // task 5 has no row of epoch 2: only the rule over the whole ledger sees its STARTED as stale
        assertThat(ledgerB.get(0).history("r1", "a/2022-01-05")).extracting(LedgerEvent::type)
                .containsExactly(LedgerEventType.DISPATCHED);
        assertThat(ledgerB.get(0).history("r1", "a/2022-01-05"))
                .isEqualTo(ledgerB.get(0).readAll().stream().filter(e -> e.task().taskId().equals("a/2022-01-05"))
                        .toList());
        assertThat(ledgerB.get(0).history("r1", "a/2022-01-06")).extracting(LedgerEvent::type)
                .containsExactly(LedgerEventType.SUCCEEDED);
    }

    @Test
    void successorFoldsTheOldEpochsRowsThatLandedBeforeItReadTheLedgerAndWritesAfterThem() {
        TaskLedger ledgerA = holderAfterOneRow(succeeded("r1", 1));
        // b has taken the lease and opened the ledger (MAX(seq) = 1) when a's rows land, before b reads to fold
        List<TaskLedger> ledgerB = takeOverWhileTheNextAppendIsOnItsWay(successor -> { });
        ledgerA.append(List.of(succeeded("r1", 2), succeeded("r1", 3))); // seq 2 and 3, epoch 1

        LedgerRows.Read fold = ledgerB.get(0).read();
        ledgerB.get(0).append(List.of(succeeded("r1", 4))); // seq 4, epoch 2: after every row b folded

        assertThat(taskIds(fold.rows())).containsExactly("a/2022-01-01", "a/2022-01-02", "a/2022-01-03");
        LedgerRows.Read later = new TaskLedger(warehouse).read();
        assertThat(later.quarantined()).isEmpty();
        assertThat(taskIds(later.rows())).containsExactly("a/2022-01-01", "a/2022-01-02", "a/2022-01-03",
                "a/2022-01-04");
        assertThat(duckdb.query("SELECT seq, epoch FROM ops.task_events ORDER BY seq", Map.of()))
                .extracting(r -> r.get("seq") + "@" + r.get("epoch")).containsExactly("1@1", "2@1", "3@1", "4@2");
    }

    @Test
    void successorNeverFoldsTheOldEpochsRowsThatLandAfterItReadTheLedgerAndTheirEventsGoBack() {
        TaskLedger ledgerA = holderAfterOneRow(succeeded("r1", 1));
        List<LedgerRows.Read> folds = new ArrayList<>();
        // a's append is on its way for 31 s (both clocks move): a's lease runs out, b takes over and folds the ledger
        List<TaskLedger> ledgerB = takeOverWhileTheNextAppendIsOnItsWay(successor -> {
            clockA.advance(Duration.ofSeconds(31));
            folds.add(successor.read());
        });

        assertThatThrownBy(() -> ledgerA.append(List.of(succeeded("r1", 2), succeeded("r1", 3))))
                .isInstanceOf(NotLeaseHolder.class).hasMessageContaining("ran out"); // answered too late: not acked
        ledgerB.get(0).append(List.of(succeeded("r1", 2))); // the event, redelivered to b: seq 2, epoch 2

        assertThat(taskIds(folds.get(0).rows())).containsExactly("a/2022-01-01");
        LedgerRows.Read later = new TaskLedger(warehouse).read();
        assertThat(taskIds(later.rows())).containsExactly("a/2022-01-01", "a/2022-01-02");
        assertThat(later.quarantined()).extracting(LedgerRows.Quarantined::row).containsExactly("seq 2", "seq 3");
    }

    @Test
    void rowsWithoutAnEpochAreNeverSetAside() {
        TaskLedger unfenced = new TaskLedger(warehouse);
        a.tryTake();
        new TaskLedger(warehouse, a).append(List.of(succeeded("r1", 1)));

        unfenced.append(List.of(succeeded("r1", 2))); // no lease at all: epoch null, after a row of epoch 1

        assertThat(taskIds(unfenced.readAll())).containsExactly("a/2022-01-01", "a/2022-01-02");
    }

    /** {@code warehouse}, appending its ledger rows through {@code appends} as BigQuery's adapter does. */
    private static Warehouse appendingThrough(Warehouse warehouse, RowAppends appends) {
        return new ForwardingWarehouse(warehouse) {
            @Override
            public Optional<RowAppends> rowAppends() {
                return Optional.of(appends);
            }
        };
    }
}
