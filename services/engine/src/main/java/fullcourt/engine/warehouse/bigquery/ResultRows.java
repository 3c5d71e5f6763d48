package fullcourt.engine.warehouse.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BigQuery result rows as the port returns them: column-name maps in column order, with DATE as
 * LocalDate, INT64 as Long, FLOAT64 as Double, BOOL as Boolean, STRING as String, TIMESTAMP as
 * Instant, NUMERIC as BigDecimal, DATETIME and TIME as LocalDateTime and LocalTime.
 */
final class ResultRows {

    private ResultRows() {
    }

    static List<Map<String, Object>> toMaps(Schema schema, Iterable<FieldValueList> rows) {
        FieldList fields = schema.getFields();
        List<Map<String, Object>> out = new ArrayList<>();
        for (FieldValueList row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                map.put(field.getName(), valueOf(field, row.get(i)));
            }
            out.add(map);
        }
        return out;
    }

    static Object valueOf(Field field, FieldValue value) {
        if (value.isNull()) {
            return null;
        }
        if (field.getMode() == Field.Mode.REPEATED || value.getAttribute() != FieldValue.Attribute.PRIMITIVE) {
            // arrays and structs are outside the dialect subset: hand over the client's own value
            return value.getValue();
        }
        StandardSQLTypeName type = field.getType().getStandardType();
        return switch (type) {
            case DATE -> LocalDate.parse(value.getStringValue());
            case INT64 -> value.getLongValue();
            case FLOAT64 -> value.getDoubleValue();
            case BOOL -> value.getBooleanValue();
            case TIMESTAMP -> value.getTimestampInstant();
            case NUMERIC, BIGNUMERIC -> value.getNumericValue();
            case DATETIME -> LocalDateTime.parse(value.getStringValue());
            case TIME -> LocalTime.parse(value.getStringValue());
            default -> value.getStringValue();
        };
    }
}
