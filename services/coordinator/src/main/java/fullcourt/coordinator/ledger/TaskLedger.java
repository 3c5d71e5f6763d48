package fullcourt.coordinator.ledger;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.RowAppends;
import fullcourt.engine.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** Every row, with the newest epoch written at or before it (see {@link #read()}). */
    static final String READ_ALL = withNewestEpoch("");
    static final String HISTORY = withNewestEpoch(" WHERE t.run_id = @run AND t.task_id = @task");

    /** The columns of a row and their types, in the order a fenced append selects them. */
    static final List<Column> COLUMNS = List.of(new Column("seq", "INT64"), new Column("run_id", "STRING"),
            new Column("task_id", "STRING"), new Column("processor", "STRING"), new Column("task_date", "DATE"),
            new Column("event", "STRING"), new Column("dispatch", "INT64"), new Column("attempt", "INT64"),
            new Column("event_at", "TIMESTAMP"), new Column("detail", "STRING"), new Column("row_count", "INT64"),
            new Column("duration_ms", "INT64"), new Column("recorded_at", "TIMESTAMP"), new Column("epoch", "INT64"));
    /**
     * Rows of the ledger ({@code where} narrows them), each with {@code newest_epoch}: the newest lease epoch of any row
     * at or before its seq in the whole ledger, from the first seq of each epoch (a handful of rows, one per
     * takeover). A row of an older epoch than that was written after a successor took over ({@link #stale}); every read
     * of the ledger applies that one rule, the fold's and the task history's alike. On a tie of seq, the row of the
     * newer epoch first.
     */
    private static String withNewestEpoch(String where) {
        return "WITH epoch_starts AS (SELECT epoch, MIN(seq) AS first_seq FROM " + TABLE
                + " WHERE epoch IS NOT NULL GROUP BY epoch)"
                + " SELECT t.seq, t.run_id, t.task_id, t.event, t.dispatch, t.attempt, t.event_at, t.detail, t.row_count,"
                + " t.duration_ms, t.epoch,"
                + " (SELECT MAX(s.epoch) FROM epoch_starts AS s WHERE s.first_seq <= t.seq) AS newest_epoch"
                + " FROM " + TABLE + " AS t" + where + " ORDER BY t.seq, t.epoch DESC";
    }

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
     * Appends through the Storage Write API carry no condition: the fence is confirmed before each ({@link
     * WriteFence#confirm}) and checked again once it was answered, every row records its epoch, and every read sets
     * aside a row of an older epoch than one at or before it.
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
     * written whole or not at all, exactly once), after confirming the fence, and refused after all if answered only
     * once this holder's lease had run out; else in one transaction when unfenced;
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
            if (fence != null) {
                // answered after the lease ran out: a successor may have read the ledger before these rows landed and
                // then sets them aside, so their events must not count as written (they go back to Pub/Sub, to it)
                fence.check();
            }
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
     * {@link LedgerRows#problems}, or {@link #stale}), set aside with their seq and reason. This ledger's next seq then
     * comes after every row read, so what this read folded and what any later read folds agree: a row of an older
     * epoch that lands after this read (an append of a coordinator that lost the lease while it was on its way: the
     * Storage Write API carries no fence) has a seq at or after this ledger's next row, which sets it aside once
     * written; one that landed before it was folded here and stays folded for every later reader.
     */
    public LedgerRows.Read read() {
        List<Map<String, Object>> rows = warehouse.query(READ_ALL, Map.of());
        for (Map<String, Object> r : rows) {
            long rowSeq = ((Number) r.get("seq")).longValue();
            seq.accumulateAndGet(rowSeq, Math::max);
        }
        return events(rows);
    }

    /** Rows of one task of one run, in order: its dispatches, attempts and errors, as status and the dashboard show them. */
    public List<LedgerEvent> history(String runId, String taskId) {
        return events(warehouse.query(HISTORY, Map.of("run", runId, "task", taskId))).rows();
    }

    private static LedgerRows.Read events(List<Map<String, Object>> rows) {
        List<LedgerEvent> out = new ArrayList<>();
        List<LedgerRows.Quarantined> quarantined = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String where = "seq " + r.get("seq");
            Optional<String> stale = stale(r);
            if (stale.isPresent()) {
                quarantined.add(new LedgerRows.Quarantined(where, stale.get()));
                continue;
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

    /**
     * Why a row read with its {@code newest_epoch} is one a successor's fold never took, if it is: it was written under
     * an older lease epoch than a row at or before its seq. Rows without an epoch (no lease) are never stale.
     */
    private static Optional<String> stale(Map<String, Object> r) {
        if (r.get("epoch") == null || r.get("newest_epoch") == null) {
            return Optional.empty();
        }
        long epoch = ((Number) r.get("epoch")).longValue();
        long newest = ((Number) r.get("newest_epoch")).longValue();
        return epoch < newest
                ? Optional.of("written under lease epoch " + epoch + " after epoch " + newest
                        + " had taken over: an append of a coordinator that had lost the lease")
                : Optional.empty();
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
