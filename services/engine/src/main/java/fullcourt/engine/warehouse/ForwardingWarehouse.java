package fullcourt.engine.warehouse;

import fullcourt.engine.processor.Cancellation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A warehouse passing every call to another: decorators override what they change. */
public abstract class ForwardingWarehouse implements Warehouse {

    protected final Warehouse delegate;

    protected ForwardingWarehouse(Warehouse delegate) {
        this.delegate = delegate;
    }

    @Override
    public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                 Map<String, Object> params, Cancellation cancellation, WriteBracket bracket) {
        return delegate.replacePartition(table, partitionColumn, date, selectSql, params, cancellation, bracket);
    }

    @Override
    public void clearPartition(String table, String partitionColumn, LocalDate date, Cancellation cancellation,
                               WriteBracket bracket) {
        delegate.clearPartition(table, partitionColumn, date, cancellation, bracket);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
        return delegate.query(sql, params);
    }

    @Override
    public long update(String sql, Map<String, Object> params) {
        return delegate.update(sql, params);
    }

    @Override
    public boolean appendIf(String table, List<Column> columns, List<Map<String, Object>> rows, String condition,
                            Map<String, Object> conditionParams) {
        return delegate.appendIf(table, columns, rows, condition, conditionParams);
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
    public List<Column> columns(String table) {
        return delegate.columns(table);
    }

    @Override
    public Optional<RowAppends> rowAppends() {
        return delegate.rowAppends();
    }
}
