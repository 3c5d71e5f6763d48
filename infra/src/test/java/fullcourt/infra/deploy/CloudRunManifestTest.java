package fullcourt.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fullcourt.infra.access.FullcourtService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CloudRunManifestTest {

    private static final Path DIR = Path.of("deploy/cloud-run");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @EnumSource(FullcourtService.class)
    void checkedInManifestIsTheGeneratorsOutput(FullcourtService service) throws IOException {
        Path file = DIR.resolve(CloudRunManifest.fileName(service));
        assertThat(file).as("regenerate with: ./fullcourt provision --write-cloud-run-manifests infra/deploy/cloud-run")
                .exists();
        assertThat(Files.readString(file))
                .as("%s differs from the generator; regenerate with"
                        + " ./fullcourt provision --write-cloud-run-manifests infra/deploy/cloud-run", file)
                .isEqualTo(CloudRunManifest.of(service));
    }

    @Test
    void oneManifestPerServiceAndNoOther() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(FullcourtService.values()).map(CloudRunManifest::fileName).toList());
        }
    }

    @Test
    void coordinatorIsPinnedToOneInstance() throws IOException {
        JsonNode annotations = template(FullcourtService.COORDINATOR).path("metadata").path("annotations");
        assertThat(annotations.path("autoscaling.knative.dev/minScale").asText()).isEqualTo("1");
        assertThat(annotations.path("autoscaling.knative.dev/maxScale").asText()).isEqualTo("1");
        assertThat(CloudRunManifest.of(FullcourtService.COORDINATOR)).contains("# One instance, min 1 and max 1");
    }

    @ParameterizedTest
    @EnumSource(FullcourtService.class)
    void everyServiceHasCpuAlwaysAllocatedItsOwnAccountAndItsImage(FullcourtService service) throws IOException {
        JsonNode template = template(service);
        JsonNode annotations = template.path("metadata").path("annotations");
        assertThat(annotations.path("run.googleapis.com/cpu-throttling").asText()).isEqualTo("false");
        assertThat(Integer.parseInt(annotations.path("autoscaling.knative.dev/minScale").asText())).isGreaterThanOrEqualTo(1);
        assertThat(template.path("spec").path("serviceAccountName").asText())
                .isEqualTo(service.accountEmail(CloudRunManifest.PROJECT));
        JsonNode container = template.path("spec").path("containers").get(0);
        assertThat(container.path("image").asText())
                .endsWith("/fullcourt/" + jibImageName(service) + ":" + CloudRunManifest.TAG);
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
    }

    @Test
    void onlyPublishingGetsTheBucket() throws IOException {
        for (FullcourtService service : FullcourtService.values()) {
            List<String> names = template(service).path("spec").path("containers").get(0).path("env")
                    .findValuesAsText("name");
            assertThat(names.contains("FULLCOURT_EXPORTS_BUCKET")).as(service.id())
                    .isEqualTo(service == FullcourtService.PUBLISHING);
            assertThat(names).contains("GOOGLE_CLOUD_PROJECT", "FULLCOURT_BIGQUERY_LOCATION", "FULLCOURT_DISPATCH_KEY");
        }
    }

    @Test
    void everyServiceReadsTheSameDispatchKeyFromSecretManager() throws IOException {
        for (FullcourtService service : FullcourtService.values()) {
            JsonNode key = null;
            for (JsonNode e : template(service).path("spec").path("containers").get(0).path("env")) {
                if (e.path("name").asText().equals("FULLCOURT_DISPATCH_KEY")) {
                    key = e.path("valueFrom").path("secretKeyRef");
                }
            }
            assertThat(key).as(service.id()).isNotNull();
            assertThat(key.path("name").asText()).isEqualTo(CloudRunManifest.DISPATCH_KEY_SECRET);
            assertThat(key.path("key").asText()).isEqualTo("latest");
        }
    }

    private static JsonNode template(FullcourtService service) throws IOException {
        return YAML.readTree(CloudRunManifest.of(service)).path("spec").path("template");
    }

    /** The image name the service's Jib build gives, from its pom. */
    private static String jibImageName(FullcourtService service) throws IOException {
        String pom = Files.readString(Path.of("../services", service.id(), "pom.xml"));
        Matcher m = Pattern.compile("<quarkus.container-image.name>([^<]+)</quarkus.container-image.name>").matcher(pom);
        assertThat(m.find()).as("services/%s/pom.xml names its image", service.id()).isTrue();
        return m.group(1);
    }
}
