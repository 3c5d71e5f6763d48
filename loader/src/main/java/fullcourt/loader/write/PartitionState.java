package fullcourt.loader.write;

/** The rows of one date of one table: how many, and an order-independent digest of their values. */
public record PartitionState(long rows, String digest) {
}
