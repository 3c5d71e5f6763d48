package fullcourt.engine.lineage;

import java.time.LocalDate;

/** One output partition: a processor's partition of a date. */
public record PartitionKey(String processor, LocalDate date) {

    @Override
    public String toString() {
        return processor + " " + date;
    }
}
