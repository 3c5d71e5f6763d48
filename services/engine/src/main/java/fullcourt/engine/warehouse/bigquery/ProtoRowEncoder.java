package fullcourt.engine.warehouse.bigquery;

import com.google.cloud.bigquery.storage.v1.BQTableSchemaToProtoDescriptor;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.ProtoSchemaConverter;
import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.warehouse.Column;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows as the Storage Write API takes them: a protocol buffer message per row, described by a schema the library
 * derives from the BigQuery column types (BQTableSchemaToProtoDescriptor: DATE as days since 1970-01-01 in an int32,
 * TIMESTAMP as microseconds since the epoch in an int64), serialized and cut into requests under a byte budget.
 */
final class ProtoRowEncoder {

    /** Serialized rows of one request, and where they start in the caller's list. */
    record Batch(int from, ProtoRows rows) {
        int size() {
            return rows.getSerializedRowsCount();
        }
    }

    private final List<Column> columns;
    private final Descriptor descriptor;
    private final ProtoSchema schema;

    private ProtoRowEncoder(List<Column> columns, Descriptor descriptor) {
        this.columns = columns;
        this.descriptor = descriptor;
        this.schema = ProtoSchemaConverter.convert(descriptor);
    }

    static ProtoRowEncoder of(List<Column> columns) {
        TableSchema.Builder table = TableSchema.newBuilder();
        for (Column c : columns) {
            table.addFields(TableFieldSchema.newBuilder().setName(c.name()).setType(fieldType(c))
                    .setMode(TableFieldSchema.Mode.NULLABLE));
        }
        try {
            return new ProtoRowEncoder(columns, BQTableSchemaToProtoDescriptor.convertBQTableSchemaToProtoDescriptor(
                    table.build()));
        } catch (DescriptorValidationException e) {
            throw new PermanentFailure("columns " + columns + " make no row schema: " + e.getMessage(), e);
        }
    }

    /** The writer schema every request's first message carries. */
    ProtoSchema schema() {
        return schema;
    }

    /** {@code rows} in order, cut into batches of at most {@code maxBytes} serialized bytes (at least one row each). */
    List<Batch> batches(List<Map<String, Object>> rows, long maxBytes) {
        List<Batch> out = new ArrayList<>();
        ProtoRows.Builder current = ProtoRows.newBuilder();
        long bytes = 0;
        int from = 0;
        for (int i = 0; i < rows.size(); i++) {
            ByteString row = encode(rows.get(i), i);
            if (current.getSerializedRowsCount() > 0 && bytes + row.size() > maxBytes) {
                out.add(new Batch(from, current.build()));
                current = ProtoRows.newBuilder();
                bytes = 0;
                from = i;
            }
            current.addSerializedRows(row);
            bytes += row.size();
        }
        if (current.getSerializedRowsCount() > 0) {
            out.add(new Batch(from, current.build()));
        }
        return out;
    }

    private ByteString encode(Map<String, Object> row, int index) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(descriptor);
        for (Column c : columns) {
            Object value = row.get(c.name());
            if (value != null) {
                FieldDescriptor field = descriptor.findFieldByName(c.name());
                message.setField(field, protoValue(c, value, index));
            }
        }
        return message.build().toByteString();
    }

    private static Object protoValue(Column c, Object value, int index) {
        switch (c.type()) {
            case "INT64":
                if (value instanceof Number n) {
                    return n.longValue();
                }
                break;
            case "FLOAT64":
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                break;
            case "BOOL":
                if (value instanceof Boolean b) {
                    return b;
                }
                break;
            case "STRING":
                return value.toString();
            case "DATE":
                if (value instanceof LocalDate d) {
                    return (int) d.toEpochDay();
                }
                break;
            case "TIMESTAMP":
                Instant at = value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i : null;
                if (at != null) {
                    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
                }
                break;
            default:
                throw new PermanentFailure("column " + c.name() + ": type " + c.type() + " is not written through the"
                        + " Storage Write API here");
        }
        throw new PermanentFailure("row " + index + ", column " + c.name() + " (" + c.type() + "): "
                + value.getClass().getSimpleName() + " " + value + " is not a value of that type");
    }

    private static TableFieldSchema.Type fieldType(Column c) {
        return switch (c.type()) {
            case "INT64" -> TableFieldSchema.Type.INT64;
            case "FLOAT64" -> TableFieldSchema.Type.DOUBLE;
            case "BOOL" -> TableFieldSchema.Type.BOOL;
            case "STRING" -> TableFieldSchema.Type.STRING;
            case "DATE" -> TableFieldSchema.Type.DATE;
            case "TIMESTAMP" -> TableFieldSchema.Type.TIMESTAMP;
            default -> throw new PermanentFailure("column " + c.name() + ": type " + c.type()
                    + " is not written through the Storage Write API here");
        };
    }
}
