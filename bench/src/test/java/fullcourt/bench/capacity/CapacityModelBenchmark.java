package fullcourt.bench.capacity;

import org.junit.jupiter.api.Test;

/** Section 4 of the report: runs in the benchmark build only (-Pbench), with the others. */
class CapacityModelBenchmark {

    @Test
    void predictsThePlatformBackfillUnderEachPolicy() {
        CapacityModel.main(new String[0]);
    }
}
