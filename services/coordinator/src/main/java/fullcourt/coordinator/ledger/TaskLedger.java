package fullcourt.coordinator.ledger;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ConditionalInsert;
import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.RowAppends;
import fullcourt.engine.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The append-only task ledger, {@code ops.task_events} in the warehouse. The coordinator is its
 * only writer; rows are never updated, so a restart folds them back into the same state. On DuckDB a batch is one
 * (fenced) INSERT; on BigQuery it goes through the Storage Write API ({@link Warehouse#rowAppends()}), which has none
 * of the DML limits (25 statements per 10 s per table) a coordinator appending several times a second would exceed.
 */
public final class TaskLedger {

    static final String TABLE = "ops.task_events";

    static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "seq INT64 NOT NULL, run_id STRING NOT NULL, task_id STRING, processor STRING, task_date DATE,"
            + " event STRING NOT NULL, dispatch INT64, attempt INT64, event_at TIMESTAMP NOT NULL,"
            + " detail STRING, row_count INT64, duration_ms INT64, recorded_at TIMESTAMP NOT NULL, epoch INT64)";
    /** The coordinator lease's epoch a row was written under (null before there was a lease), added to older ledgers. */
    static final String ADD_EPOCH = "ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS epoch INT64";
    static final String MAX_SEQ = "SELECT COALESCE(MAX(seq), 0) AS m FROM " + TABLE;
    /** One row; {@code updateBatch} makes one multi-row INSERT of a batch. */
    static final String APPEND = "INSERT INTO " + TABLE + " (seq, run_id, task_id, processor, task_date, event,"
            + " dispatch, attempt, event_at, detail, row_count, duration_ms, recorded_at, epoch) VALUES (@seq, @run_id,"
            + " @task_id, @processor, @task_date, @event, @dispatch, @attempt, @event_at, @detail, @row_count,"
            + " @duration_ms, @recorded_at, @epoch)";
    /** On a tie of seq (see {@link #read()}), the row of the newer epoch first. */
    static final String READ_ALL = "SELECT seq, run_id, task_id, event, dispatch, attempt, event_at, detail, row_count,"
            + " duration_ms, epoch FROM " + TABLE + " ORDER BY seq, epoch DESC";
    static final String HISTORY = "SELECT seq, run_id, task_id, event, dispatch, attempt, event_at, detail, row_count,"
            + " duration_ms FROM " + TABLE + " WHERE run_id = @run AND task_id = @task ORDER BY seq";

    /** The columns of a row and their types, in the order a fenced append selects them. */
    static final List<Column> COLUMNS = List.of(new Column("seq", "INT64"), new Column("run_id", "STRING"),
            new Column("task_id", "STRING"), new Column("processor", "STRING"), new Column("task_date", "DATE"),
            new Column("event", "STRING"), new Column("dispatch", "INT64"), new Column("attempt", "INT64"),
            new Column("event_at", "TIMESTAMP"), new Column("detail", "STRING"), new Column("row_count", "INT64"),
            new Column("duration_ms", "INT64"), new Column("recorded_at", "TIMESTAMP"), new Column("epoch", "INT64"));
    private final Warehouse warehouse;
    private final WriteFence fence;
    /** The warehouse's way to append without DML, or null: SQL statements. */
    private final RowAppends streamed;
    private final AtomicLong seq = new AtomicLong();

    public TaskLedger(Warehouse warehouse) {
        this(warehouse, null);
    }

    /**
     * A ledger whose appends carry {@code fence}: each one is written only if the fence's condition holds in the same
     * statement ({@code INSERT ... SELECT ... WHERE EXISTS}), so a coordinator that lost its lease writes nothing.
     * Appends through the Storage Write API carry no condition: the fence is confirmed in the warehouse right before
     * each, every row records its epoch, and {@link #read()} sets aside a row of an older epoch than one before it.
     */
    public TaskLedger(Warehouse warehouse, WriteFence fence) {
        this.warehouse = warehouse;
        this.fence = fence;
        this.streamed = warehouse.rowAppends().orElse(null);
        warehouse.update(DDL, Map.of());
        warehouse.update(ADD_EPOCH, Map.of());
        List<Map<String, Object>> max = warehouse.query(MAX_SEQ, Map.of());
        seq.set(((Number) max.get(0).get("m")).longValue());
    }

    /**
     * Appends rows in order: through the warehouse's {@link RowAppends} where it has one (BigQuery: each request
     * written whole or not at all, exactly once), after confirming the fence; else in one transaction when unfenced;
     * fenced, with {@link Warehouse#appendIf} (DuckDB: all or nothing).
     *
     * @throws InvalidLedgerRow before writing anything, when a row is one the fold would refuse ({@link LedgerRows})
     * @throws RuntimeException the fence's {@code refused()} when the warehouse refused a statement
     */
    public void append(List<LedgerEvent> events) {
        for (LedgerEvent e : events) {
            List<String> problems = LedgerRows.problems(e);
            if (!problems.isEmpty()) {
                throw new InvalidLedgerRow(e, problems);
            }
        }
        if (fence != null) {
            fence.check();
        }
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        Timestamp now = Timestamp.from(Instant.now());
        for (LedgerEvent e : events) {
            Map<String, Object> row = new HashMap<>();
            row.put("seq", seq.incrementAndGet());
            row.put("run_id", e.runId());
            row.put("task_id", e.task() == null ? null : e.task().taskId());
            row.put("processor", e.task() == null ? null : e.task().processor());
            row.put("task_date", e.task() == null ? null : e.task().date());
            row.put("event", e.type().name());
            row.put("dispatch", e.dispatch());
            row.put("attempt", e.attempt());
            row.put("event_at", Timestamp.from(e.at()));
            row.put("detail", e.detail());
            row.put("row_count", e.rows());
            row.put("duration_ms", e.durationMs());
            row.put("recorded_at", now);
            row.put("epoch", fence == null ? null : fence.parameters().get("lease_epoch"));
            rows.add(row);
        }
        if (streamed != null) {
            if (fence != null) {
                fence.confirm();
            }
            streamed.append(TABLE, COLUMNS, rows);
            return;
        }
        if (fence == null) {
            warehouse.updateBatch(APPEND, rows);
            return;
        }
        if (!warehouse.appendIf(TABLE, COLUMNS, rows, fence.condition(), fence.parameters())) {
            throw fence.refused();
        }
    }

    public void append(LedgerEvent event) {
        append(List.of(event));
    }

    /** Every row the fold can take, in the order written (see {@link #read()} for those set aside). */
    public List<LedgerEvent> readAll() {
        return read().rows();
    }

    /**
     * Every row, in the order written: those the fold can take, and those it would refuse (unreadable, failing
     * {@link LedgerRows#problems}, or written under a lease epoch older than that of a row before it), set aside with
     * their seq and reason. A coordinator that lost the lease while an append was on its way can land that append
     * after its successor's first rows (an append through the Storage Write API carries no fence, and a DML one runs
     * under snapshot isolation); the successor read MAX(seq) after taking the lease, so such rows come at or after its
     * first seq, and on a tie the newer epoch sorts first.
     */
    public LedgerRows.Read read() {
        return events(READ_ALL, Map.of());
    }

    /** Rows of one task of one run, in order: its dispatches, attempts and errors, as status and the dashboard show them. */
    public List<LedgerEvent> history(String runId, String taskId) {
        return events(HISTORY, Map.of("run", runId, "task", taskId)).rows();
    }

    private LedgerRows.Read events(String sql, Map<String, Object> params) {
        List<LedgerEvent> out = new ArrayList<>();
        List<LedgerRows.Quarantined> quarantined = new ArrayList<>();
        Long newestEpoch = null;
        for (Map<String, Object> r : warehouse.query(sql, params)) {
            String where = "seq " + r.get("seq");
            Long epoch = r.get("epoch") == null ? null : ((Number) r.get("epoch")).longValue();
            if (epoch != null && newestEpoch != null && epoch < newestEpoch) {
                quarantined.add(new LedgerRows.Quarantined(where, "written under lease epoch " + epoch + " after epoch "
                        + newestEpoch + " had taken over: an append of a coordinator that had lost the lease"));
                continue;
            }
            if (epoch != null) {
                newestEpoch = epoch;
            }
            LedgerEvent e;
            try {
                e = row(r);
            } catch (RuntimeException unreadable) {
                quarantined.add(new LedgerRows.Quarantined(where, "unreadable: " + unreadable.getMessage()));
                continue;
            }
            List<String> problems = LedgerRows.problems(e);
            if (problems.isEmpty()) {
                out.add(e);
            } else {
                quarantined.add(new LedgerRows.Quarantined(where, String.join("; ", problems)));
            }
        }
        return new LedgerRows.Read(out, quarantined);
    }

    private static LedgerEvent row(Map<String, Object> r) {
        String taskId = (String) r.get("task_id");
        return new LedgerEvent(
                (String) r.get("run_id"),
                taskId == null ? null : TaskKey.parse(taskId),
                LedgerEventType.valueOf((String) r.get("event")),
                intOf(r.get("dispatch")),
                intOf(r.get("attempt")),
                ColumnValues.instant(r.get("event_at")),
                (String) r.get("detail"),
                r.get("row_count") == null ? null : ((Number) r.get("row_count")).longValue(),
                r.get("duration_ms") == null ? null : ((Number) r.get("duration_ms")).longValue());
    }

    private static int intOf(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }
}
