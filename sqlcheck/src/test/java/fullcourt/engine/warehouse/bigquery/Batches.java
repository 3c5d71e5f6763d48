package fullcourt.engine.warehouse.bigquery;

import fullcourt.engine.warehouse.WriteBracket;
import fullcourt.sqlcheck.SqlStatement;
import fullcourt.sqlcheck.StatementKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What {@code BigQueryWarehouse} sends for a statement run once per parameter set ({@code updateBatch}, a write's
 * bracket): the jobs {@link BatchQueries#of} makes of it, each a {@link StatementKind#BATCH} statement with the
 * adapter's text (renamed placeholders, nulls as {@code NULL}) and its bound parameters, typed as the adapter typed
 * them.
 */
public final class Batches {

    private Batches() {
    }

    public static List<SqlStatement> of(String source, WriteBracket.Statement statement) {
        List<BoundQuery> jobs = BatchQueries.of(statement.sql(), statement.paramSets());
        List<SqlStatement> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            out.add(new SqlStatement(StatementKind.BATCH, source + " (" + statement.paramSets().size()
                    + " parameter sets" + (jobs.size() > 1 ? ", job " + (i + 1) + " of " + jobs.size() : "") + ")",
                    jobs.get(i).sql(), new LinkedHashMap<>(jobs.get(i).parameters())));
        }
        return out;
    }
}
