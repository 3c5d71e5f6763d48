package fullcourt.loader.contract;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A raw table of the contract: {@code raw.<name>}, its columns in declared order, the columns that identify a row,
 * and its partition column {@code game_date}.
 */
public record RawTable(String name, List<RawColumn> columns, List<String> key) {

    public static final String PARTITION_COLUMN = "game_date";

    public RawTable {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    public String qualifiedName() {
        return "raw." + name;
    }

    public Optional<RawColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(RawColumn::name).toList();
    }

    /** {@code CREATE TABLE IF NOT EXISTS} with the contract's columns: the same table raw_tables.sql declares. */
    public String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (" + columns.stream()
                .map(c -> c.name() + " " + c.type().name() + (c.required() ? " NOT NULL" : ""))
                .collect(Collectors.joining(", ")) + ")";
    }
}
