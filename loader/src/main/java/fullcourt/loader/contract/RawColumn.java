package fullcourt.loader.contract;

/** One column of a raw table: its name, type, and whether every row must have a value. */
public record RawColumn(String name, RawType type, boolean required) {
}
