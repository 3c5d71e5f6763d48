package fullcourt.coordinator.lease;

import static fullcourt.coordinator.lease.CoordinatorLeaseTest.LEASE;
import static fullcourt.coordinator.lease.CoordinatorLeaseTest.T0;
import static fullcourt.coordinator.lease.CoordinatorLeaseTest.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
            Warehouse onBigQuery = new ForwardingWarehouse(duckdb) {
                @Override
                public Optional<RowAppends> rowAppends() {
                    return Optional.of(bigquery);
                }
            };
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
    void appendOfACoordinatorWhoseLeaseWasTakenIsRefusedBeforeSendingAnything() {
        TaskLedger staleLedger = CoordinatorLeaseTest.pausedPastItsLease(warehouse, a, b, clockB);

        assertThatThrownBy(() -> staleLedger.append(List.of(succeeded("r1", 2))))
                .isInstanceOf(NotLeaseHolder.class).hasMessageContaining("epoch 1");

        assertThat(appends.batches).hasSize(1);
        assertThat(a.held()).isFalse();
        assertThat(a.status()).contains("refused a ledger write of epoch 1");
    }

    @Test
    void rowsOfAnOldEpochLandingAfterTheTakeoverAreSetAsideWhenTheLedgerIsRead() {
        a.tryTake();
        TaskLedger ledgerA = new TaskLedger(warehouse, a);
        ledgerA.append(List.of(succeeded("r1", 1))); // seq 1, epoch 1
        List<TaskLedger> ledgerB = new ArrayList<>();
        // a's next append passes its confirmation, then b takes over and writes before a's rows land
        appends.beforeLanding = () -> {
            clockB.advance(Duration.ofSeconds(31));
            assertThat(b.tryTake()).isTrue();
            ledgerB.add(new TaskLedger(warehouse, b)); // reads MAX(seq) = 1
            ledgerB.get(0).append(List.of(succeeded("r1", 3))); // seq 2, epoch 2
        };

        ledgerA.append(List.of(succeeded("r1", 2), succeeded("r1", 4))); // seq 2 and 3, epoch 1: late

        LedgerRows.Read read = ledgerB.get(0).read();
        assertThat(taskIds(read.rows())).containsExactly("a/2022-01-01", "a/2022-01-03");
        assertThat(read.quarantined()).extracting(LedgerRows.Quarantined::row).containsExactly("seq 2", "seq 3");
        assertThat(read.quarantined()).allSatisfy(q -> assertThat(q.reason())
                .isEqualTo("written under lease epoch 1 after epoch 2 had taken over: an append of a coordinator"
                        + " that had lost the lease"));
    }

    @Test
    void rowsWithoutAnEpochAreNeverSetAside() {
        TaskLedger unfenced = new TaskLedger(warehouse);
        a.tryTake();
        new TaskLedger(warehouse, a).append(List.of(succeeded("r1", 1)));

        unfenced.append(List.of(succeeded("r1", 2))); // no lease at all: epoch null, after a row of epoch 1

        assertThat(taskIds(unfenced.readAll())).containsExactly("a/2022-01-01", "a/2022-01-02");
    }
}
