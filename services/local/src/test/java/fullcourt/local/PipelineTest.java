package fullcourt.local;

import fullcourt.coordinator.Coordinator;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.local.pipeline.Faults;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The all-in-one's end-to-end tests: its coordinator, connector and warehouse, a driver over them, no faults left over. */
abstract class PipelineTest {

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;
    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    PipelineDriver driver;

    @BeforeEach
    void setUpDriver() {
        driver = new PipelineDriver(coordinator, connector, warehouse, meters);
        Faults.clear();
    }

    @AfterEach
    void clearFaults() {
        Faults.clear();
    }
}
