package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.Subscription;
import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.Topology;
import fullcourt.infra.TopologyProvisioner;
import fullcourt.infra.testing.RunningEmulator;
import fullcourt.messages.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fullcourt provision}: the dry run, the gcloud script, and the Pub/Sub part against the emulator. */
class ProvisionCommandTest {

    private static final String PROJECT = "fullcourt-provision-test";
    private static RunningEmulator pubsub;

    @BeforeAll
    static void startEmulator() {
        pubsub = RunningEmulator.start(PROJECT);
    }

    @AfterAll
    static void stopEmulator() {
        if (pubsub != null) {
            pubsub.close();
        }
    }

    @Test
    void dryRunPrintsEveryActionFromTheShippedCatalogAndTouchesNothing() {
        Cli cli = Cli.run("provision", "--project", "acme-nba", "--project-number", "123456789012", "--dry-run",
                "--emulator", "127.0.0.1:1");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).startsWith("dry run: provisioning project acme-nba would\n")
                .contains("  ensure topic phase3-work-dlq\n")
                .contains("  ensure subscription phase3-work-sub on phase3-work: retry backoff 10s..600s, ack deadline 60s,"
                        + " never expires, dead-letter to phase3-work-dlq after 5 deliveries\n")
                .contains("  grant roles/pubsub.publisher on topics/phase3-work-dlq to"
                        + " serviceAccount:service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com\n")
                .contains("  grant roles/bigquery.dataEditor on datasets/analytics to"
                        + " serviceAccount:fullcourt-analytics@acme-nba.iam.gserviceaccount.com\n")
                .contains("  ensure table raw.schedule partitioned by DAY(game_date)\n")
                .contains("  ensure table predictions.player_prop_predictions partitioned by DAY(game_date)\n");
    }

    @Test
    void rawUpdatesComeFromOutsideFullcourtSoTheirPublishersAreNamedOnTheCommandLine() {
        Cli cli = Cli.run("provision", "--project", "acme-nba", "--project-number", "123456789012", "--dry-run",
                "--emulator", "127.0.0.1:1",
                "--raw-updates-publisher", "serviceAccount:scrapers@acme-nba.iam.gserviceaccount.com");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out)
                .contains("  ensure subscription raw-updates-coordinator on raw-updates: retry backoff 10s..600s,"
                        + " ack deadline 60s, never expires, dead-letter to raw-updates-dlq after 5 deliveries\n")
                .contains("  grant roles/pubsub.subscriber on subscriptions/raw-updates-coordinator to"
                        + " serviceAccount:fullcourt-coordinator@acme-nba.iam.gserviceaccount.com\n")
                .contains("  grant roles/pubsub.publisher on topics/raw-updates to"
                        + " serviceAccount:scrapers@acme-nba.iam.gserviceaccount.com\n");

        Cli bare = Cli.run("provision", "--project", "acme-nba", "--project-number", "123456789012", "--dry-run",
                "--emulator", "127.0.0.1:1", "--raw-updates-publisher", "scrapers@acme-nba.iam.gserviceaccount.com");
        assertThat(bare.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err).contains("raw-updates publishers must be IAM members such as serviceAccount:");
    }

    @Test
    void aProjectNumberThatIsNotANumberIsAUsageError() {
        Cli cli = Cli.run("provision", "--project", "acme-nba", "--project-number", "acme-nba", "--dry-run");

        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("numeric project number");
    }

    @Test
    void theCheckedInGcloudScriptIsTheOneGeneratedFromTheCatalog() throws Exception {
        Cli cli = Cli.run("provision", "--print-gcloud-script");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).isEqualTo(Files.readString(Path.of("../../infra/deploy/service-accounts.sh")));
        assertThat(cli.out).contains("gcloud iam service-accounts create fullcourt-publishing")
                .contains("--member=\"serviceAccount:fullcourt-publishing@${PROJECT}.iam.gserviceaccount.com\""
                        + " --role=roles/storage.objectAdmin")
                .contains("gcloud secrets create fullcourt-dispatch-key")
                .contains("--member=\"serviceAccount:fullcourt-analytics@${PROJECT}.iam.gserviceaccount.com\""
                        + " --role=roles/secretmanager.secretAccessor");
    }

    @Test
    void writesTheCloudRunManifestsTheCheckedInOnesAreEqualTo(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("provision", "--write-cloud-run-manifests", dir.toString());

        assertThat(cli.exitCode).isZero();
        try (var written = Files.list(dir)) {
            for (Path file : written.toList()) {
                assertThat(file).hasSameTextualContentAs(Path.of("../../infra/deploy/cloud-run").resolve(file.getFileName()));
            }
        }
        assertThat(cli.out).contains("fullcourt-coordinator.yaml").contains("fullcourt-publishing.yaml");
    }

    @Test
    void provisioningTheEmulatorCreatesThePubSubPartAndASecondRunChangesNothing() {
        Topics topics = RunningEmulator.freshTopics();
        String[] args = {"provision", "--project", PROJECT, "--project-number", "1", "--emulator",
            pubsub.emulator().hostPort(), "--topic-prefix", topics.prefix()};

        Cli first = Cli.run(args);
        Cli second = Cli.run(args);

        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(first.out).contains("  created subscriptions/" + topics.workSubscription(4) + "\n")
                .contains("  skipped Pub/Sub IAM grants: the emulator has no access control\n")
                .contains("  skipped the BigQuery warehouse\n");
        assertThat(second.out).doesNotContain("created").contains("  unchanged subscriptions/" + topics.workSubscription(4));
        PubSubConnection connection = pubsub.connection();
        Subscription work = connection.subscriptionAdmin().getSubscription(connection.subscription(topics.workSubscription(4)));
        assertThat(work.getDeadLetterPolicy().getDeadLetterTopic()).endsWith("/topics/" + topics.workDeadLetter(4));
        new TopologyProvisioner(connection).deleteAll(Topology.of(topics, DeliveryPolicy.DEFAULTS));
    }
}
