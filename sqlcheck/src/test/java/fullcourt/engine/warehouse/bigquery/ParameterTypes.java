package fullcourt.engine.warehouse.bigquery;

import com.google.cloud.bigquery.StandardSQLTypeName;

/** The BigQuery type the adapter gives a parameter of this Java value: {@link BoundQuery}'s own mapping. */
public final class ParameterTypes {

    private ParameterTypes() {
    }

    public static StandardSQLTypeName of(String name, Object value) {
        return BoundQuery.typed(name, value).getType();
    }
}
