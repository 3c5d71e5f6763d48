package fullcourt.bench.pipeline;

import fullcourt.engine.testing.PubSubEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Section 5, the baseline: the four-season backfill without lineage. */
@QuarkusTest
@TestProfile(BenchProfiles.LineageOff.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class LineageOffBenchmark extends LineageCost {

    @Test
    void fourSeasonsWithoutLineage() {
        backfill("off");
        writeSectionIfBoth(null);
    }
}
