package fullcourt.engine.lineage;

import java.time.LocalDate;

/**
 * What a task read of one input, an upstream processor or a raw table ({@code raw.<name>}): its
 * partitions dated {@code first..last}, one of the task's windows. Lineage records one digest per
 * span ({@link FingerprintIndex}), not one row per date: a 371-day window is one row.
 */
public record InputSpan(String input, LocalDate first, LocalDate last) implements Comparable<InputSpan> {

    public InputSpan {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("span " + input + " " + first + ".." + last + " ends before it starts");
        }
    }

    public boolean isRaw() {
        return input.startsWith("raw.");
    }

    /** Whether the span is one partition, so a change names its date exactly. */
    public boolean isOneDate() {
        return first.equals(last);
    }

    @Override
    public int compareTo(InputSpan o) {
        int c = input.compareTo(o.input);
        if (c == 0) {
            c = first.compareTo(o.first);
        }
        return c != 0 ? c : last.compareTo(o.last);
    }

    @Override
    public String toString() {
        return isOneDate() ? input + " " + first : input + " " + first + ".." + last;
    }
}
