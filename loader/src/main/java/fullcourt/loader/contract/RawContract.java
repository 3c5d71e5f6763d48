package fullcourt.loader.contract;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import fullcourt.infra.warehouse.TableSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw input contract (RAW-CONTRACT.md): the tables and columns of infra's {@code warehouse/raw_tables.sql},
 * the one declaration DuckDB and BigQuery share, plus each table's key, which the DDL does not carry.
 */
public final class RawContract {

    /** Columns that identify one row of each table; a load holding two rows with the same key is refused. */
    static final Map<String, List<String>> KEYS = Map.of(
            "schedule", List.of("game_id"),
            "player_box_scores", List.of("game_id", "player_id"),
            "team_box_scores", List.of("game_id", "team"),
            "shot_events", List.of("game_id", "event_id"),
            "prop_lines", List.of("game_id", "player_id"));

    private final Map<String, RawTable> tables;

    private RawContract(Map<String, RawTable> tables) {
        this.tables = tables;
    }

    /** The contract from the classpath's raw_tables.sql. */
    public static RawContract load() {
        Map<String, RawTable> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> entry : TableSchemas.raw().entrySet()) {
            String name = entry.getKey().substring("raw.".length());
            List<String> key = KEYS.get(name);
            if (key == null) {
                throw new IllegalStateException("raw table " + name + " has no key in RawContract.KEYS");
            }
            List<RawColumn> columns = new ArrayList<>();
            for (Field f : entry.getValue().getFields()) {
                columns.add(new RawColumn(f.getName(), typeOf(f), f.getMode() == Field.Mode.REQUIRED));
            }
            tables.put(name, new RawTable(name, columns, key));
        }
        return new RawContract(tables);
    }

    private static RawType typeOf(Field f) {
        return switch (f.getType().getStandardType()) {
            case STRING -> RawType.VARCHAR;
            case INT64 -> RawType.INTEGER;
            case FLOAT64 -> RawType.DOUBLE;
            case BOOL -> RawType.BOOLEAN;
            case DATE -> RawType.DATE;
            case TIMESTAMP -> RawType.TIMESTAMP;
            default -> throw new IllegalStateException("raw column " + f.getName() + ": unsupported type " + f.getType());
        };
    }

    /** The tables in declaration order: schedule first, which the others are checked against. */
    public List<RawTable> tables() {
        return List.copyOf(tables.values());
    }

    /** A table by name, with or without the {@code raw.} prefix. */
    public Optional<RawTable> table(String name) {
        String bare = name.startsWith("raw.") ? name.substring("raw.".length()) : name;
        return Optional.ofNullable(tables.get(bare));
    }

    public List<String> names() {
        return List.copyOf(tables.keySet());
    }
}
