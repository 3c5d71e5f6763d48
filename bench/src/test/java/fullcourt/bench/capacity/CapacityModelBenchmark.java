package fullcourt.bench.capacity;

import org.junit.jupiter.api.Test;

/** Section 4 of the report (policies, slot contention, table pacing): runs in the benchmark build only (-Pbench). */
class CapacityModelBenchmark {

    @Test
    void predictsThePlatformBackfillUnderEachPolicySlotDemandAndPacing() {
        CapacityModel.main(new String[0]);
    }
}
