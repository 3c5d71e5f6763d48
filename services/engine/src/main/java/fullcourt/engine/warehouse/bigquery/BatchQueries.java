package fullcourt.engine.warehouse.bigquery;

import fullcourt.engine.warehouse.ParameterizedSql;
import fullcourt.engine.warehouse.SingleRowInsert;

import com.google.cloud.bigquery.QueryParameterValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns "one statement per parameter set" into as few BigQuery jobs as possible, each atomic.
 * A single-row {@code INSERT INTO t (...) VALUES (...)} (the task ledger's append) becomes one
 * multi-row INSERT: one DML statement is atomic on its own, runs as one job, and counts once
 * against the table's DML limits, where a script of N INSERTs runs N statements one after the
 * other. Any other statement runs N times inside {@code BEGIN TRANSACTION; ... COMMIT TRANSACTION;}
 * (a failed script rolls the transaction back). Each statement's parameters are renamed
 * {@code p<set>_<name>} so the sets do not collide.
 *
 * <p>A query carries at most {@link #MAX_PARAMETERS} parameters; a batch needing more is split into
 * several jobs, each atomic, so such a batch is atomic per job, not as a whole.
 */
final class BatchQueries {

    /** BigQuery's limit on query parameters in one query. */
    static final int MAX_PARAMETERS = 10_000;

    private BatchQueries() {
    }

    static List<BoundQuery> of(String sql, List<Map<String, Object>> paramSets) {
        Optional<SingleRowInsert> insert = SingleRowInsert.parse(sql);
        if (insert.isPresent()) {
            return chunked(insert.get().head(), ",\n", "", ParameterizedSql.parse(insert.get().row()), paramSets);
        }
        String statement = sql.strip().replaceAll(";\\s*$", "");
        return chunked("BEGIN TRANSACTION;\n", ";\n", ";\nCOMMIT TRANSACTION;", ParameterizedSql.parse(statement),
                paramSets);
    }

    private static List<BoundQuery> chunked(String head, String separator, String tail, ParameterizedSql part,
                                            List<Map<String, Object>> paramSets) {
        List<BoundQuery> queries = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
        for (int set = 0; set < paramSets.size(); set++) {
            String prefix = "p" + set + "_";
            BoundQuery bound = BoundQuery.bind(part, paramSets.get(set), name -> prefix + name);
            if (text.length() > 0 && parameters.size() + bound.parameters().size() > MAX_PARAMETERS) {
                queries.add(new BoundQuery(head + text + tail, parameters));
                text.setLength(0);
                parameters = new LinkedHashMap<>();
            }
            if (text.length() > 0) {
                text.append(separator);
            }
            text.append(bound.sql());
            parameters.putAll(bound.parameters());
        }
        if (text.length() > 0) {
            queries.add(new BoundQuery(head + text + tail, parameters));
        }
        return queries;
    }
}
