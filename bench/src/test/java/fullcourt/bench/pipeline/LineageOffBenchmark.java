package fullcourt.bench.pipeline;

import fullcourt.coordinator.Coordinator;
import fullcourt.engine.testing.PubSubEmulatorResource;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

/** Section 5, the baseline: the four-season backfill without lineage. */
@QuarkusTest
@TestProfile(BenchProfiles.LineageOff.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class LineageOffBenchmark {

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;

    @Test
    void fourSeasonsWithoutLineage() {
        LineageCost.backfill("off", coordinator, connector, warehouse);
        LineageCost.writeSectionIfBoth(null);
    }
}
