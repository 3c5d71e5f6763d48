package fullcourt.cli;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import fullcourt.infra.DeliveryPolicy;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.access.FullcourtService;
import fullcourt.infra.access.ServiceAccountScript;
import fullcourt.infra.catalog.CatalogTables;
import fullcourt.infra.deploy.CloudRunManifest;
import fullcourt.infra.production.ProductionProvisioner;
import fullcourt.infra.production.ProductionTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fullcourt provision}: makes a Google Cloud project ready for the services, idempotently. */
@Command(name = "provision", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Provision a Google Cloud project: Pub/Sub, IAM grants, BigQuery datasets and tables.",
        description = {
            "%nCreates what is missing, in order: Pub/Sub topics and subscriptions (dead-letter and retry policies),"
                    + " the Pub/Sub grants of each service account and of Pub/Sub's service agent (which forwards dead"
                    + " letters), the BigQuery datasets with their access entries, the raw tables and ops.task_events"
                    + " (day-partitioned), and the portable SQL functions. Processor output tables are created, partitioned,"
                    + " by their first write; existing ones are checked. Running it again changes nothing.",
            "Service accounts, their project roles (bigquery.jobUser) and the exports bucket come from"
                    + " infra/deploy/service-accounts.sh (see --print-gcloud-script); run it first.",
            "With --emulator only the Pub/Sub part runs (the emulator has no IAM: those grants are skipped)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  fullcourt provision --project acme-nba --project-number 123456789012 --dry-run",
            "  fullcourt provision --project acme-nba --project-number 123456789012 --location US",
            "  fullcourt provision --project acme-nba --project-number 123456789012"
                    + " --raw-updates-publisher serviceAccount:scrapers@acme-nba.iam.gserviceaccount.com"
                    + " --operator group:nba-data@acme.com",
            "  fullcourt provision --print-gcloud-script > infra/deploy/service-accounts.sh",
            "  fullcourt provision --write-cloud-run-manifests infra/deploy/cloud-run"})
public class ProvisionCommand implements Callable<Integer> {

    /** Copied from services/engine at build time (see the CLI's pom), so provisioning reads what the services ship. */
    static final String CATALOG_RESOURCE = "production/fullcourt-catalog.json";
    static final String FUNCTIONS_RESOURCE = "production/bigquery_functions.sql";

    @Mixin
    PubSubOptions pubsub;

    @Option(names = "--project-number", paramLabel = "NUMBER",
            description = "The project's number, which names Pub/Sub's service agent"
                    + " (gcloud projects describe PROJECT --format='value(projectNumber)').")
    String projectNumber;

    @Option(names = "--location", paramLabel = "LOCATION", defaultValue = "US",
            description = "BigQuery location of every dataset (fullcourt.warehouse.bigquery.location).%nDefault: US.")
    String location;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Processor catalog deciding datasets and grants.%nDefault: the catalog the services ship.")
    Path catalog;

    @Option(names = "--raw-updates-publisher", paramLabel = "MEMBER",
            description = "An IAM member outside Fullcourt that loads raw tables and announces it on raw-updates"
                    + " (the platform's phases 1-2), granted roles/pubsub.publisher on that topic: repeatable, e.g."
                    + " serviceAccount:scrapers@PROJECT.iam.gserviceaccount.com.%nDefault: none (grant it yourself).")
    List<String> rawUpdatePublishers = new ArrayList<>();

    @Option(names = "--operator", paramLabel = "MEMBER",
            description = "An IAM member that runs backfills (fullcourt request, with or without --wait), granted"
                    + " roles/pubsub.publisher on backfill-requests and roles/pubsub.subscriber on the operators'"
                    + " subscription run-events-operator: repeatable, e.g. group:nba-data@acme.com. Nothing more on"
                    + " Pub/Sub: no right to create subscriptions.%nDefault: none (grant it yourself).")
    List<String> operators = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print every action and change nothing.")
    boolean dryRun;

    @Option(names = "--print-gcloud-script",
            description = "Print the gcloud script for service accounts, project roles and the exports bucket, and exit.")
    boolean printScript;

    @Option(names = "--write-cloud-run-manifests", paramLabel = "DIR",
            description = "Write each service's Cloud Run manifest (fullcourt-SERVICE.yaml, for"
                    + " infra/deploy/deploy-services.sh) into DIR, and exit.")
    Path manifestsDir;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        CatalogTables tables = catalog == null
                ? CatalogTables.read(resource(CATALOG_RESOURCE), CATALOG_RESOURCE)
                : CatalogTables.read(catalog);
        if (printScript) {
            out.print(ServiceAccountScript.of(fullcourt.infra.access.AccessMatrix.of(tables, pubsub.topics())));
            out.flush();
            return ExitCodes.OK;
        }
        if (manifestsDir != null) {
            writeManifests(out);
            return ExitCodes.OK;
        }
        if (projectNumber == null) {
            command.commandLine().getErr().println("provision: --project-number is required");
            return ExitCodes.USAGE;
        }
        String functions;
        try (InputStream in = resource(FUNCTIONS_RESOURCE)) {
            functions = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProductionTarget target;
        try {
            target = new ProductionTarget(pubsub.project(), projectNumber, location, pubsub.topics(),
                    DeliveryPolicy.DEFAULTS, tables, functions, rawUpdatePublishers, operators);
        } catch (IllegalArgumentException e) {
            command.commandLine().getErr().println("provision: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<String> lines;
        if (dryRun) {
            lines = ProductionProvisioner.plan(target);
            out.println("dry run: provisioning project " + target.project() + " would");
        } else {
            try (PubSubConnection connection = pubsub.connect()) {
                BigQuery bigquery = pubsub.usesEmulator() ? null
                        : BigQueryOptions.newBuilder().setProjectId(target.project()).setLocation(location).build().getService();
                lines = ProductionProvisioner.provision(target, connection, bigquery);
            }
        }
        lines.forEach(l -> out.println("  " + l));
        out.flush();
        return ExitCodes.OK;
    }

    private static InputStream resource(String name) {
        InputStream in = ProvisionCommand.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the CLI's classpath (rebuild services/cli)");
        }
        return in;
    }

    private void writeManifests(PrintWriter out) {
        try {
            Files.createDirectories(manifestsDir);
            for (FullcourtService service : FullcourtService.values()) {
                Path file = manifestsDir.resolve(CloudRunManifest.fileName(service));
                Files.writeString(file, CloudRunManifest.of(service));
                out.println("wrote " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
