package fullcourt.engine.lineage;

import java.time.LocalDate;

/** One partition a task read: an upstream processor's (or a raw table's, {@code raw.<name>}) partition of a date. */
public record InputKey(String input, LocalDate date) implements Comparable<InputKey> {

    public boolean isRaw() {
        return input.startsWith("raw.");
    }

    @Override
    public int compareTo(InputKey o) {
        int c = date.compareTo(o.date);
        return c != 0 ? c : input.compareTo(o.input);
    }

    @Override
    public String toString() {
        return input + " " + date;
    }
}
