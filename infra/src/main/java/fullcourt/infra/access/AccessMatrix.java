package fullcourt.infra.access;

import fullcourt.infra.Topology;
import fullcourt.infra.catalog.CatalogTables;
import fullcourt.messages.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The least-privilege matrix: what each service's account may read, write, pull and publish, derived from the
 * processor catalog (output tables and their upstreams) and the topic names, so adding a processor or an upstream
 * changes the grants with it.
 */
public final class AccessMatrix {

    /** Raw input tables (phases 1-2); every phase service reads the schedule, the coordinator plans from it. */
    public static final String RAW_DATASET = "raw";
    /**
     * The task ledger (ops.task_events, the coordinator's), partition lineage (ops.partition_lineage, ops.lineage_reads,
     * ops.processor_versions: the phase services append to it with every write) and the portable SQL functions every
     * model calls (ops.safe_div ...).
     */
    public static final String OPS_DATASET = "ops";

    public static final String PUBSUB_SUBSCRIBER = "roles/pubsub.subscriber";
    public static final String PUBSUB_PUBLISHER = "roles/pubsub.publisher";
    public static final String BIGQUERY_DATA_EDITOR = "roles/bigquery.dataEditor";
    public static final String BIGQUERY_DATA_VIEWER = "roles/bigquery.dataViewer";
    public static final String BIGQUERY_JOB_USER = "roles/bigquery.jobUser";
    public static final String STORAGE_OBJECT_ADMIN = "roles/storage.objectAdmin";

    private final List<ServiceAccess> services;

    private AccessMatrix(List<ServiceAccess> services) {
        this.services = List.copyOf(services);
    }

    public static AccessMatrix of(CatalogTables catalog, Topics topics) {
        List<ServiceAccess> services = new ArrayList<>();
        services.add(coordinator(catalog, topics));
        for (FullcourtService service : FullcourtService.phaseServices()) {
            services.add(phaseService(service, catalog, topics));
        }
        return new AccessMatrix(services);
    }

    /**
     * Pulls requests, task events, raw updates and every phase's dead letters; publishes work, run events and the raw
     * updates it cannot read (to their dead-letter topic); writes the ledger (ops); reads the schedule (raw) to plan
     * date domains and every phase's output to validate it (GET /validation). Raw updates are published from outside
     * Fullcourt (the platform's phases 1-2): their publishers are granted by {@link #rawUpdatePublisherBindings}.
     */
    private static ServiceAccess coordinator(CatalogTables catalog, Topics topics) {
        List<String> subscriptions = new ArrayList<>(List.of(topics.requestsSubscription(), topics.taskEventsSubscription(),
                topics.rawUpdatesSubscription()));
        List<String> publishes = new ArrayList<>();
        for (int phase : Topics.PHASES) {
            subscriptions.add(topics.workDeadLetterSubscription(phase));
            publishes.add(topics.work(phase));
        }
        publishes.add(topics.runEvents());
        publishes.add(topics.rawUpdatesDeadLetter());
        Set<String> reads = new TreeSet<>(Set.of(RAW_DATASET));
        for (int phase : Topics.PHASES) {
            reads.addAll(catalog.datasetsWrittenBy(phase));
        }
        reads.remove(OPS_DATASET);
        return new ServiceAccess(FullcourtService.COORDINATOR, subscriptions, publishes, Set.of(OPS_DATASET),
                reads, List.of(BIGQUERY_JOB_USER), false);
    }

    /**
     * Pulls its phase's work; publishes task events and, for a message it cannot process at all, its phase's
     * dead-letter topic (the worker dead-letters those itself, at once); writes its phase's output datasets and ops (the
     * lineage of every partition it writes, and its processors' versions; dataset-level, as BigQuery grants here are:
     * the ledger's table is writable too) and reads its upstreams' datasets and raw (the schedule).
     */
    private static ServiceAccess phaseService(FullcourtService service, CatalogTables catalog, Topics topics) {
        int phase = service.phase().orElseThrow();
        Set<String> writes = new TreeSet<>(catalog.datasetsWrittenBy(phase));
        writes.add(OPS_DATASET);
        Set<String> reads = new TreeSet<>(catalog.upstreamDatasetsOf(phase));
        reads.add(RAW_DATASET);
        reads.removeAll(writes); // dataEditor already reads
        return new ServiceAccess(service, List.of(topics.workSubscription(phase)),
                List.of(topics.taskEvents(), topics.workDeadLetter(phase)), writes, reads, List.of(BIGQUERY_JOB_USER),
                service == FullcourtService.PUBLISHING);
    }

    public List<ServiceAccess> services() {
        return services;
    }

    public ServiceAccess of(FullcourtService service) {
        return services.stream().filter(s -> s.service() == service).findFirst().orElseThrow();
    }

    /** Every dataset some service reads or writes, sorted: the datasets provisioning creates. */
    public Set<String> datasets() {
        Set<String> datasets = new TreeSet<>();
        services.forEach(s -> {
            datasets.addAll(s.writesDatasets());
            datasets.addAll(s.readsDatasets());
        });
        return datasets;
    }

    /**
     * The Pub/Sub grants, on topics and subscriptions: each service's, then those of Pub/Sub's own service agent,
     * which forwards dead letters as {@code service-PROJECT_NUMBER@gcp-sa-pubsub.iam.gserviceaccount.com} and so needs
     * publisher on each dead-letter topic and subscriber on each dead-lettering subscription (to ack the forwarded
     * message there); without them messages are redelivered forever instead of dead-lettered.
     */
    public List<IamBinding> pubSubBindings(String project, String projectNumber, Topology topology) {
        List<IamBinding> bindings = new ArrayList<>();
        for (ServiceAccess access : services) {
            String member = access.service().member(project);
            access.subscriptions().forEach(s -> bindings.add(new IamBinding("subscriptions/" + s, PUBSUB_SUBSCRIBER, member)));
            access.publishes().forEach(t -> bindings.add(new IamBinding("topics/" + t, PUBSUB_PUBLISHER, member)));
        }
        String agent = pubSubServiceAgent(projectNumber);
        topology.deadLetteringSubscriptions().forEach(spec -> {
            bindings.add(new IamBinding("topics/" + spec.deadLetterTopic().orElseThrow(), PUBSUB_PUBLISHER, agent));
            bindings.add(new IamBinding("subscriptions/" + spec.name(), PUBSUB_SUBSCRIBER, agent));
        });
        return List.copyOf(bindings);
    }

    /**
     * Publisher on {@code raw-updates} for each member that loads raw tables outside Fullcourt (e.g. the platform's
     * scraper service account, {@code serviceAccount:scrapers@P.iam.gserviceaccount.com}); nothing else of Fullcourt's.
     */
    public static List<IamBinding> rawUpdatePublisherBindings(Topics topics, List<String> members) {
        return members.stream().map(m -> new IamBinding("topics/" + topics.rawUpdates(), PUBSUB_PUBLISHER, m)).toList();
    }

    /**
     * What an operator needs to run backfills and wait for their answers, for each member (a person, a group, a CI
     * account): publisher on {@code backfill-requests} and subscriber on the operators' run-events subscription,
     * which provisioning creates (so no right to create subscriptions, such as {@code roles/pubsub.editor}). Calling
     * the coordinator's API ({@code status}, {@code --wait}, {@code cancel}) is Cloud Run's {@code roles/run.invoker}
     * on the coordinator, granted with the deploy steps.
     */
    public static List<IamBinding> operatorBindings(Topics topics, List<String> members) {
        List<IamBinding> bindings = new ArrayList<>();
        for (String m : members) {
            bindings.add(new IamBinding("topics/" + topics.backfillRequests(), PUBSUB_PUBLISHER, m));
            bindings.add(new IamBinding("subscriptions/" + topics.runEventsOperatorSubscription(), PUBSUB_SUBSCRIBER, m));
        }
        return List.copyOf(bindings);
    }

    /** Dataset grants: dataEditor where a service writes, dataViewer where it only reads. */
    public List<IamBinding> datasetBindings(String project) {
        List<IamBinding> bindings = new ArrayList<>();
        for (ServiceAccess access : services) {
            String member = access.service().member(project);
            access.writesDatasets().forEach(d -> bindings.add(new IamBinding("datasets/" + d, BIGQUERY_DATA_EDITOR, member)));
            access.readsDatasets().forEach(d -> bindings.add(new IamBinding("datasets/" + d, BIGQUERY_DATA_VIEWER, member)));
        }
        return List.copyOf(bindings);
    }

    /** Project-level grants (query jobs) and the exports bucket grant; applied by the gcloud script. */
    public List<IamBinding> projectAndBucketBindings(String project, String bucket) {
        List<IamBinding> bindings = new ArrayList<>();
        for (ServiceAccess access : services) {
            String member = access.service().member(project);
            access.projectRoles().forEach(r -> bindings.add(new IamBinding("projects/" + project, r, member)));
            if (access.writesExports()) {
                bindings.add(new IamBinding("buckets/" + bucket, STORAGE_OBJECT_ADMIN, member));
            }
        }
        return List.copyOf(bindings);
    }

    public static String pubSubServiceAgent(String projectNumber) {
        if (projectNumber == null || !projectNumber.matches("\\d+")) {
            throw new IllegalArgumentException("projectNumber must be the numeric project number (gcloud projects describe"
                    + " PROJECT --format='value(projectNumber)'), was " + projectNumber);
        }
        return "serviceAccount:service-" + projectNumber + "@gcp-sa-pubsub.iam.gserviceaccount.com";
    }
}
