package fullcourt.engine.lineage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest write of one (processor, date) partition as lineage knows it: the version that began
 * it and, once it ended, its outcome; {@code outcome} is null when the write began and never
 * recorded an end (the process died between the write and its lineage), so what the partition
 * holds is unknown.
 */
public record LatestWrite(String processor, LocalDate date, String writeId, String version, Instant begunAt,
                          String runId, Outcome outcome, long rows, String fingerprint, String detail) {

    /** How a write ended. */
    public enum Outcome { WRITTEN, SKIPPED }

    public boolean complete() {
        return outcome != null;
    }

    /**
     * What a reader of this partition records as its fingerprint: the written one, {@code 0:0} for
     * a skip, {@link Fingerprint#UNKNOWN} while the outcome is unknown.
     */
    public String fingerprintForReaders() {
        if (outcome == null) {
            return Fingerprint.UNKNOWN;
        }
        return outcome == Outcome.WRITTEN ? fingerprint : Fingerprint.EMPTY.text();
    }
}
