package fullcourt.predictions.ml;

import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.engine.warehouse.WriteBracket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A warehouse that remembers the SQL of every query run through it, then runs it on its delegate. */
final class ReadRecorder implements Warehouse {

    private final Warehouse delegate;
    private final List<String> queries = new ArrayList<>();

    ReadRecorder(Warehouse delegate) {
        this.delegate = delegate;
    }

    /** The queries run so far, in order. */
    List<String> queries() {
        return List.copyOf(queries);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
        queries.add(sql);
        return delegate.query(sql, params);
    }

    @Override
    public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                 Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
        return delegate.replacePartition(table, partitionColumn, date, selectSql, params, cancellation, bracket);
    }

    @Override
    public long update(String sql, Map<String, Object> params) {
        return delegate.update(sql, params);
    }

    @Override
    public void updateBatch(String sql, List<Map<String, Object>> paramSets) {
        delegate.updateBatch(sql, paramSets);
    }

    @Override
    public boolean tableExists(String table) {
        return delegate.tableExists(table);
    }

    @Override
    public java.util.List<fullcourt.engine.warehouse.Column> columns(String table) {
        return delegate.columns(table);
    }
}
