package fullcourt.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.testing.PubSubCallRecorder;
import fullcourt.engine.testing.PubSubCallRecording;
import fullcourt.engine.testing.PubSubPermissions;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.infra.access.AccessMatrix;
import fullcourt.infra.access.FullcourtService;
import fullcourt.infra.access.ServiceAccess;
import fullcourt.infra.catalog.CatalogTables;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Every Pub/Sub call the phase 3 service really makes from start until it reports ready, recorded by a gRPC
 * interceptor on its clients' channel, against what provisioning grants its service account (infra's AccessMatrix).
 * Deployed as in production: the topology provisioned beforehand, the service not provisioning.
 */
@QuarkusTest
@TestProfile(AnalyticsStartCallsTest.Recording.class)
class AnalyticsStartCallsTest {

    /** The recorder on, against an emulator provisioned beforehand. */
    public static class Recording extends PubSubCallRecording {
        @Override
        protected Class<? extends PubSubCallRecorder> recorder() {
            return RecordedCalls.class;
        }
    }

    /** The process's recorder, enabled by {@link Recording} only. */
    @Alternative
    @Singleton
    public static class RecordedCalls extends PubSubCallRecorder {
    }

    private static final BooleanSupplier READY = () -> RestAssured.given().get("/q/health/ready").statusCode() == 200;

    @Inject
    RecordedCalls recorder;
    @Inject
    PubSubRuntime runtime;

    @Test
    void everyCallItMakesFromStartToReadyIsGrantedByTheAccessMatrix() throws IOException {
        ServiceAccess granted;
        try (InputStream catalog = getClass().getResourceAsStream("/fullcourt-catalog.json")) {
            granted = AccessMatrix.of(CatalogTables.read(catalog, "fullcourt-catalog.json"), runtime.topics())
                    .of(FullcourtService.ANALYTICS);
        }
        String work = "pubsub.subscriptions.consume on subscriptions/" + runtime.topics().workSubscription(3);
        List<PubSubCallRecorder.Call> calls = recorder.untilReadyAndAsked(READY, List.of(work));

        assertThat(PubSubPermissions.notGranted(granted, calls)).as("calls %s", calls).isEmpty();
        assertThat(PubSubPermissions.needs(calls)).as("it pulls its work and asks for nothing else").containsExactly(work);

        ServiceAccess withoutWork = new ServiceAccess(granted.service(), List.of(), granted.publishes(),
                granted.writesDatasets(), granted.readsDatasets(), granted.projectRoles(), granted.writesExports());
        assertThat(PubSubPermissions.notGranted(withoutWork, calls)).as("the check, without the work grant")
                .containsExactly(work + " (google.pubsub.v1.Subscriber/Pull) is not granted to ANALYTICS");
    }
}
