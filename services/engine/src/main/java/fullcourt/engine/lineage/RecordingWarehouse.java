package fullcourt.engine.lineage;

import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.ForwardingWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The warehouse a recorded processor sees: the same, except that replacing its own partition (its
 * table, its date) brings the partition's lineage along ({@link WriteBracket}: the begun row and the
 * reads before the write, the written row with the partition's fingerprint after it; on DuckDB all
 * in the write's transaction, on BigQuery appended through the Storage Write API). Whether that write happened is
 * {@link #wrote()}.
 */
final class RecordingWarehouse extends ForwardingWarehouse {

    private final String table;
    private final LocalDate date;
    private final List<WriteBracket.Statement> begin;
    private final Function<List<Column>, WriteBracket.Statement> written;
    private final Function<String, List<Column>> columns;
    private volatile boolean wrote;

    RecordingWarehouse(Warehouse delegate, String table, LocalDate date, List<WriteBracket.Statement> begin,
                       Function<List<Column>, WriteBracket.Statement> written, Function<String, List<Column>> columns) {
        super(delegate);
        this.table = table;
        this.date = date;
        this.begin = begin;
        this.written = written;
        this.columns = columns;
    }

    /** Whether the processor replaced its own partition through this warehouse. */
    boolean wrote() {
        return wrote;
    }

    @Override
    public long replacePartition(String target, String partitionColumn, LocalDate partition, String selectSql,
                                 Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
        if (!target.equals(table) || !partition.equals(date)) {
            return delegate.replacePartition(target, partitionColumn, partition, selectSql, params, cancellation,
                    bracket);
        }
        List<WriteBracket.Statement> before = new ArrayList<>(bracket.before());
        before.addAll(begin);
        WriteBracket withLineage = new WriteBracket(before, () -> {
            List<WriteBracket.Statement> after = new ArrayList<>(bracket.after().get());
            after.add(written.apply(columns.apply(target)));
            return after;
        });
        long rows = delegate.replacePartition(target, partitionColumn, partition, selectSql, params, cancellation,
                withLineage);
        wrote = true;
        return rows;
    }
}
