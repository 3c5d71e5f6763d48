package fullcourt.coordinator;

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
 * Every Pub/Sub call the coordinator really makes from start until it reports ready, recorded by a gRPC interceptor
 * on its clients' channel, against what provisioning grants its service account (infra's AccessMatrix): in
 * production a call outside the grants fails with PERMISSION_DENIED. Deployed as in production: the topology
 * provisioned beforehand, the service not provisioning.
 */
@QuarkusTest
@TestProfile(CoordinatorStartCallsTest.Recording.class)
class CoordinatorStartCallsTest {

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

    private ServiceAccess granted() throws IOException {
        try (InputStream catalog = getClass().getResourceAsStream("/coordinator-test-catalog.json")) {
            return AccessMatrix.of(CatalogTables.read(catalog, "coordinator-test-catalog.json"), runtime.topics())
                    .of(FullcourtService.COORDINATOR);
        }
    }

    private List<PubSubCallRecorder.Call> callsUntilReady() throws IOException {
        return recorder.untilReadyAndAsked(READY, granted().subscriptions().stream()
                .map(s -> "pubsub.subscriptions.consume on subscriptions/" + s).toList());
    }

    @Test
    void everyCallItMakesFromStartToReadyIsGrantedByTheAccessMatrix() throws IOException {
        List<PubSubCallRecorder.Call> calls = callsUntilReady();

        assertThat(PubSubPermissions.notGranted(granted(), calls)).as("calls %s", calls).isEmpty();
        assertThat(PubSubPermissions.needs(calls)).as("it pulls its subscriptions and asks for nothing else")
                .containsExactlyInAnyOrderElementsOf(granted().subscriptions().stream()
                        .map(s -> "pubsub.subscriptions.consume on subscriptions/" + s).toList());
    }

    @Test
    void aMatrixWithoutTheRequestsGrantFailsTheCheck() throws IOException {
        List<PubSubCallRecorder.Call> calls = callsUntilReady();
        ServiceAccess all = granted();
        String requests = runtime.topics().requestsSubscription();
        ServiceAccess withoutRequests = new ServiceAccess(all.service(),
                all.subscriptions().stream().filter(s -> !s.equals(requests)).toList(), all.publishes(),
                all.writesDatasets(), all.readsDatasets(), all.projectRoles(), all.writesExports());

        assertThat(PubSubPermissions.notGranted(withoutRequests, calls)).containsExactly("pubsub.subscriptions.consume"
                + " on subscriptions/" + requests + " (google.pubsub.v1.Subscriber/Pull) is not granted to COORDINATOR");
    }
}
