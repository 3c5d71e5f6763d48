package fullcourt.predictions.ml;

import fullcourt.engine.warehouse.ForwardingWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A warehouse that remembers the SQL of every query run through it, then runs it on its delegate. */
final class ReadRecorder extends ForwardingWarehouse {

    private final List<String> queries = new ArrayList<>();

    ReadRecorder(Warehouse delegate) {
        super(delegate);
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
}
