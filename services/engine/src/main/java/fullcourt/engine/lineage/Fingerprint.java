package fullcourt.engine.lineage;

/**
 * What a partition holds, in two numbers: its row count and an order-independent checksum of its
 * rows ({@link PartitionFingerprints}). Stored as text {@code rows:checksum}.
 */
public record Fingerprint(long rows, long checksum) {

    /** A partition without rows: absent, or skipped. */
    public static final Fingerprint EMPTY = new Fingerprint(0, 0);

    /** What lineage records for an upstream whose latest write has no lineage outcome (interrupted). */
    public static final String UNKNOWN = "unknown";

    public String text() {
        return rows + ":" + checksum;
    }

    @Override
    public String toString() {
        return text();
    }
}
