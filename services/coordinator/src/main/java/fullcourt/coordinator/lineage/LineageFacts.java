package fullcourt.coordinator.lineage;

import fullcourt.engine.lineage.InputKey;
import fullcourt.engine.lineage.LatestWrite;
import fullcourt.engine.lineage.PartitionKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the warehouse says about its partitions, read in a few queries ({@link LineageReader}):
 * the versions the services run now, the latest write of each partition, the inputs of those
 * writes whose fingerprint differs now from when they were read, and which partitions have rows.
 */
public record LineageFacts(Map<String, String> currentVersions, Map<PartitionKey, LatestWrite> latest,
                           Map<PartitionKey, List<ChangedInput>> changedInputs, Set<PartitionKey> present) {

    /** An input partition a write read, with its fingerprint then and now. */
    public record ChangedInput(InputKey input, String readFingerprint, String nowFingerprint) {
    }
}
