package fullcourt.infra.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import fullcourt.infra.access.FullcourtService;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cloud Run service of each deployable, as a Knative service YAML for {@code gcloud run services replace}
 * (https://cloud.google.com/run/docs/reference/yaml/v1). Generated from {@link FullcourtService}, the declaration that
 * also names the service accounts provisioning grants, and checked in as {@code infra/deploy/cloud-run/*.yaml} (a test
 * keeps the files equal to this output; {@code fullcourt provision --write-cloud-run-manifests infra/deploy/cloud-run}
 * regenerates them). Placeholders {@code ${PROJECT}}, {@code ${REGION}}, {@code ${LOCATION}}, {@code ${BUCKET}} and
 * {@code ${TAG}} are filled by {@code infra/deploy/deploy-services.sh}.
 */
public final class CloudRunManifest {

    static final String PROJECT = "${PROJECT}";
    static final String REGION = "${REGION}";
    static final String LOCATION = "${LOCATION}";
    static final String BUCKET = "${BUCKET}";
    static final String TAG = "${TAG}";
    /** The Secret Manager secret holding the dispatch key every service shares. */
    public static final String DISPATCH_KEY_SECRET = "fullcourt-dispatch-key";

    /** Instances, CPU and memory of one service; the workers' maximum is where an operator scales with the backlog. */
    record Sizing(int minInstances, int maxInstances, String cpu, String memory) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private CloudRunManifest() {
    }

    /** The file name under infra/deploy/cloud-run: {@code fullcourt-analytics.yaml}. */
    public static String fileName(FullcourtService service) {
        return service.accountId() + ".yaml";
    }

    static Sizing sizing(FullcourtService service) {
        return switch (service) {
            // One instance, never more: see the header the manifest carries.
            case COORDINATOR -> new Sizing(1, 1, "1", "1Gi");
            // XGBoost trains over a 365-day window in memory.
            case PREDICTIONS -> new Sizing(1, 4, "2", "4Gi");
            default -> new Sizing(1, 4, "2", "2Gi");
        };
    }

    public static String of(FullcourtService service) {
        Sizing sizing = sizing(service);
        String name = service.accountId();

        Map<String, Object> serviceAnnotations = new LinkedHashMap<>();
        serviceAnnotations.put("run.googleapis.com/ingress", "all");
        serviceAnnotations.put("run.googleapis.com/description", description(service));

        Map<String, Object> templateAnnotations = new LinkedHashMap<>();
        templateAnnotations.put("autoscaling.knative.dev/minScale", String.valueOf(sizing.minInstances()));
        templateAnnotations.put("autoscaling.knative.dev/maxScale", String.valueOf(sizing.maxInstances()));
        // CPU outside requests: the workers pull from Pub/Sub and the coordinator's loop runs between API calls.
        templateAnnotations.put("run.googleapis.com/cpu-throttling", "false");
        templateAnnotations.put("run.googleapis.com/startup-cpu-boost", "true");

        Map<String, Object> container = new LinkedHashMap<>();
        container.put("image", REGION + "-docker.pkg.dev/" + PROJECT + "/fullcourt/" + name + ":" + TAG);
        container.put("ports", List.of(ordered("name", "http1", "containerPort", 8080)));
        container.put("env", env(service));
        container.put("resources", Map.of("limits", ordered("cpu", sizing.cpu(), "memory", sizing.memory())));
        // Started and alive, not ready: a coordinator waiting for another's lease, or a worker whose warehouse is
        // briefly unreachable, must not be killed for it.
        container.put("startupProbe", probe("/q/health/started", 30));
        container.put("livenessProbe", probe("/q/health/live", 3));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("serviceAccountName", service.accountEmail(PROJECT));
        spec.put("timeoutSeconds", 300);
        spec.put("containers", List.of(container));

        Map<String, Object> template = new LinkedHashMap<>();
        template.put("metadata", Map.of("annotations", templateAnnotations));
        template.put("spec", spec);

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", PROJECT);
        metadata.put("labels", ordered("cloud.googleapis.com/location", REGION, "fullcourt-service", service.id()));
        metadata.put("annotations", serviceAnnotations);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", "serving.knative.dev/v1");
        root.put("kind", "Service");
        root.put("metadata", metadata);
        root.put("spec", Map.of("template", template));
        try {
            return header(service) + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String description(FullcourtService service) {
        return service.phase().isPresent()
                ? "Fullcourt phase " + service.phase().getAsInt() + " worker: pulls date-work from Pub/Sub"
                : "Fullcourt coordinator: plans backfills, dispatches date-work, keeps the ledger";
    }

    private static List<Map<String, Object>> env(FullcourtService service) {
        List<Map<String, Object>> env = new ArrayList<>();
        env.add(ordered("name", "GOOGLE_CLOUD_PROJECT", "value", PROJECT));
        env.add(ordered("name", "FULLCOURT_BIGQUERY_LOCATION", "value", LOCATION));
        if (service == FullcourtService.PUBLISHING) {
            env.add(ordered("name", "FULLCOURT_EXPORTS_BUCKET", "value", BUCKET));
        }
        // the key of dispatch tokens, the same in every service, from Secret Manager (README "Production")
        env.add(ordered("name", "FULLCOURT_DISPATCH_KEY", "valueFrom",
                Map.of("secretKeyRef", ordered("name", DISPATCH_KEY_SECRET, "key", "latest"))));
        return env;
    }

    private static Map<String, Object> probe(String path, int failureThreshold) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("httpGet", ordered("path", path, "port", 8080));
        probe.put("periodSeconds", 10);
        probe.put("failureThreshold", failureThreshold);
        return probe;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static String header(FullcourtService service) {
        List<String> lines = new ArrayList<>(List.of(
                "# Cloud Run service " + service.accountId() + ". Generated from infra's FullcourtService by",
                "# `fullcourt provision --write-cloud-run-manifests infra/deploy/cloud-run`; do not edit, regenerate.",
                "# Deploy with infra/deploy/deploy-services.sh PROJECT REGION BUCKET [LOCATION] [TAG], which fills the",
                "# ${...} placeholders and runs `gcloud run services replace`."));
        if (service == FullcourtService.COORDINATOR) {
            lines.addAll(List.of(
                    "#",
                    "# One instance, min 1 and max 1: the coordinator folds the ledger into the only copy of each run's",
                    "# state. A second instance would receive half the task events of runs it does not hold. During a",
                    "# rollout Cloud Run still starts the new revision beside the old one; the warehouse lease (fencing",
                    "# epoch on every ledger append and dispatch) keeps the newcomer standing by until the old one stops.",
                    "# The startup probe asks for 'started', not 'ready', so a standby is not killed while it waits."));
        } else {
            lines.addAll(List.of(
                    "#",
                    "# A pull worker: CPU always allocated and at least one instance, or nothing pulls. Raise maxScale",
                    "# with the backlog and the BigQuery query quota (fullcourt.worker.workers dates per instance)."));
        }
        return String.join("\n", lines) + "\n";
    }
}
