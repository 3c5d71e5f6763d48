package fullcourt.engine.warehouse.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;

/**
 * The BigQuery type the adapter gives a parameter of this Java value: {@link BoundQuery}'s own mapping; a value the
 * adapter has already bound (a {@link QueryParameterValue} of {@link Batches}) keeps the type it was bound with.
 */
public final class ParameterTypes {

    private ParameterTypes() {
    }

    public static StandardSQLTypeName of(String name, Object value) {
        return (value instanceof QueryParameterValue bound ? bound : BoundQuery.typed(name, value)).getType();
    }
}
