package fullcourt.coordinator.lineage;

import fullcourt.engine.lineage.InputKey;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.PartitionKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the warehouse says about its partitions, read in a few queries ({@link LineageReader}):
 * the versions the services run now, the latest write of each partition, the inputs of those
 * writes whose fingerprint differs now from when they were read, which partitions have rows, and
 * which latest writes recorded what they read.
 */
public record LineageFacts(Map<String, String> currentVersions, Map<PartitionKey, LatestWrite> latest,
                           Map<PartitionKey, List<ChangedInput>> changedInputs, Set<PartitionKey> present,
                           Set<PartitionKey> withReads) {

    /**
     * An input a write read that is not what it was: {@code input} names the partition that changed when it is
     * known (a one-date span, or the first partition of the span rewritten after the write began), else the span's
     * first date with {@code through} its last; the digests then and now ({@link fullcourt.engine.lineage.FingerprintIndex}).
     */
    public record ChangedInput(InputKey input, LocalDate through, String readDigest, String nowDigest,
                               boolean beingRewritten) {

        /** The input's partitions this names: one date, or a span. */
        public String where() {
            return through == null ? input.toString() : input + ".." + through;
        }
    }
}
