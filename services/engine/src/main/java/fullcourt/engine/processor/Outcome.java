package fullcourt.engine.processor;

/** What a processor did with a date: wrote its partition, or skipped it for a stated reason. */
public sealed interface Outcome {

    /** The partition was replaced with {@code rows} rows. */
    record Written(long rows) implements Outcome {
    }

    /** Nothing to do for this date (no games, bootstrap days...): not a failure. */
    record Skipped(String reason) implements Outcome {
    }

    static Outcome written(long rows) {
        return new Written(rows);
    }

    static Outcome skipped(String reason) {
        return new Skipped(reason);
    }
}
