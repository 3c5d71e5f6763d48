package fullcourt.infra.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.Topology;
import fullcourt.infra.production.TestTargets;
import fullcourt.messages.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The least-privilege matrix, derived from the catalog the services ship. */
class AccessMatrixTest {

    private static final String P = "acme-nba";
    private final AccessMatrix matrix = AccessMatrix.of(TestTargets.catalog(), Topics.DEFAULT);

    @Test
    void eachPhaseServiceWritesItsOutputDatasetAndOnlyReadsItsUpstreamsRawAndOps() {
        // phase 3 reads only raw; phase 4 reads analytics; phase 5 reads precompute (features) and analytics
        // (actual points for grading); phase 6 reads predictions and analytics (results export).
        // each phase service appends the lineage of its writes to ops
        assertAccess(FullcourtService.ANALYTICS, List.of("analytics", "ops"), List.of("raw"));
        assertAccess(FullcourtService.PRECOMPUTE, List.of("ops", "precompute"), List.of("analytics", "raw"));
        assertAccess(FullcourtService.PREDICTIONS, List.of("ops", "predictions"), List.of("analytics", "precompute", "raw"));
        assertAccess(FullcourtService.PUBLISHING, List.of("ops", "publishing"), List.of("analytics", "predictions", "raw"));
        assertAccess(FullcourtService.COORDINATOR, List.of("ops"),
                List.of("analytics", "precompute", "predictions", "publishing", "raw")); // reads every output: validation
    }

    @Test
    void phaseServicesPullTheirWorkAndPublishTaskEventsAndTheirDeadLetters() {
        ServiceAccess precompute = matrix.of(FullcourtService.PRECOMPUTE);
        assertThat(precompute.subscriptions()).containsExactly("phase4-work-sub");
        assertThat(precompute.publishes()).containsExactly("task-events", "phase4-work-dlq");
        assertThat(precompute.projectRoles()).containsExactly("roles/bigquery.jobUser");
        assertThat(precompute.writesExports()).isFalse();
        assertThat(matrix.of(FullcourtService.PUBLISHING).writesExports()).isTrue();
    }

    @Test
    void theCoordinatorPullsRequestsEventsRawUpdatesAndDeadLettersAndPublishesWorkAndRunEvents() {
        ServiceAccess coordinator = matrix.of(FullcourtService.COORDINATOR);
        assertThat(coordinator.subscriptions()).containsExactly("backfill-requests-coordinator", "task-events-coordinator",
                "raw-updates-coordinator", "phase3-work-dlq-sub", "phase4-work-dlq-sub", "phase5-work-dlq-sub",
                "phase6-work-dlq-sub");
        // raw-updates-dlq: the raw updates it cannot read, dead-lettered by itself
        assertThat(coordinator.publishes()).containsExactly("phase3-work", "phase4-work", "phase5-work", "phase6-work",
                "run-events", "raw-updates-dlq");
    }

    @Test
    void anOperatorMayPublishRequestsAndReadTheOperatorsRunEventsSubscriptionNothingMore() {
        String ops = "group:nba-data@acme.com";
        assertThat(AccessMatrix.operatorBindings(Topics.DEFAULT, List.of(ops))).containsExactly(
                new IamBinding("topics/backfill-requests", "roles/pubsub.publisher", ops),
                new IamBinding("subscriptions/run-events-operator", "roles/pubsub.subscriber", ops));
        // the subscription is provisioned with the topology, so no operator needs to create one
        assertThat(fullcourt.infra.Topology.of(Topics.DEFAULT, fullcourt.infra.DeliveryPolicy.DEFAULTS)
                .subscription("run-events-operator")).isPresent();
    }

    @Test
    void noFullcourtServicePublishesRawUpdatesOnlyTheMembersGiven() {
        assertThat(matrix.services()).noneMatch(s -> s.publishes().contains("raw-updates"));
        assertThat(AccessMatrix.rawUpdatePublisherBindings(Topics.DEFAULT,
                List.of("serviceAccount:scrapers@acme-nba.iam.gserviceaccount.com"))).containsExactly(new IamBinding(
                "topics/raw-updates", "roles/pubsub.publisher", "serviceAccount:scrapers@acme-nba.iam.gserviceaccount.com"));
    }

    @Test
    void pubSubGrantsGiveTheServiceAgentPublisherOnDeadLetterTopicsAndSubscriberOnWorkSubscriptions() {
        List<IamBinding> bindings = matrix.pubSubBindings(P, "123456789", Topology.of(Topics.DEFAULT, DeliveryPolicy.DEFAULTS));

        String agent = "serviceAccount:service-123456789@gcp-sa-pubsub.iam.gserviceaccount.com";
        assertThat(bindings.stream().filter(b -> b.member().equals(agent))).containsExactly(
                new IamBinding("topics/coordinator-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/backfill-requests-coordinator", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/coordinator-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/task-events-coordinator", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/raw-updates-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/raw-updates-coordinator", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/phase3-work-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase3-work-sub", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/coordinator-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase3-work-dlq-sub", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/phase4-work-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase4-work-sub", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/coordinator-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase4-work-dlq-sub", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/phase5-work-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase5-work-sub", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/coordinator-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase5-work-dlq-sub", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/phase6-work-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase6-work-sub", "roles/pubsub.subscriber", agent),
                new IamBinding("topics/coordinator-dlq", "roles/pubsub.publisher", agent),
                new IamBinding("subscriptions/phase6-work-dlq-sub", "roles/pubsub.subscriber", agent));
        String analytics = "serviceAccount:fullcourt-analytics@acme-nba.iam.gserviceaccount.com";
        assertThat(bindings.stream().filter(b -> b.member().equals(analytics))).containsExactly(
                new IamBinding("subscriptions/phase3-work-sub", "roles/pubsub.subscriber", analytics),
                new IamBinding("topics/task-events", "roles/pubsub.publisher", analytics),
                new IamBinding("topics/phase3-work-dlq", "roles/pubsub.publisher", analytics));
        // 7 coordinator subscriptions + 6 topics, 4 phase services x 3, the agent's 2 x 11 dead-lettering subscriptions
        assertThat(bindings).hasSize(13 + 4 * 3 + 22);
    }

    @Test
    void datasetGrantsAreEditorWhereWrittenAndViewerWhereRead() {
        String predictions = "serviceAccount:fullcourt-predictions@acme-nba.iam.gserviceaccount.com";
        assertThat(matrix.datasetBindings(P).stream().filter(b -> b.member().equals(predictions))).containsExactly(
                new IamBinding("datasets/ops", "roles/bigquery.dataEditor", predictions),
                new IamBinding("datasets/predictions", "roles/bigquery.dataEditor", predictions),
                new IamBinding("datasets/analytics", "roles/bigquery.dataViewer", predictions),
                new IamBinding("datasets/precompute", "roles/bigquery.dataViewer", predictions),
                new IamBinding("datasets/raw", "roles/bigquery.dataViewer", predictions));
        assertThat(matrix.datasets()).containsExactly("analytics", "ops", "precompute", "predictions", "publishing", "raw");
    }

    @Test
    void projectAndBucketGrantsAreJobUserForAllAndObjectAdminForPublishingOnly() {
        List<IamBinding> bindings = matrix.projectAndBucketBindings(P, "acme-exports");

        assertThat(bindings.stream().filter(b -> b.role().equals("roles/bigquery.jobUser"))).hasSize(5)
                .allMatch(b -> b.resource().equals("projects/acme-nba"));
        assertThat(bindings.stream().filter(b -> b.resource().startsWith("buckets/"))).containsExactly(new IamBinding(
                "buckets/acme-exports", "roles/storage.objectAdmin",
                "serviceAccount:fullcourt-publishing@acme-nba.iam.gserviceaccount.com"));
    }

    @Test
    void theServiceAgentNeedsTheNumericProjectNumber() {
        assertThatThrownBy(() -> AccessMatrix.pubSubServiceAgent(P)).hasMessageContaining("numeric project number");
    }

    private void assertAccess(FullcourtService service, List<String> writes, List<String> reads) {
        ServiceAccess access = matrix.of(service);
        assertThat(access.writesDatasets()).as(service + " writes").containsExactlyElementsOf(writes);
        assertThat(access.readsDatasets()).as(service + " reads").containsExactlyElementsOf(reads);
    }
}
