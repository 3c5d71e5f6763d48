package fullcourt.coordinator.validation;

/**
 * One check of a {@link Validation} as a line a person reads (the dashboard's warehouse view): what was checked,
 * how it came out, and the numbers behind it.
 */
public record ValidationCheck(String name, Status status, String detail) {

    /** How a check came out; only FAILED fails the validation. */
    public enum Status {
        PASSED, FAILED, NOT_APPLICABLE, NOT_JUDGED
    }

    static Status of(boolean passed) {
        return passed ? Status.PASSED : Status.FAILED;
    }
}
