package fullcourt.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fullcourt.engine.testing.PubSubEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} describes every endpoint of the API package's resources (found from their annotations, so a new
 * resource is checked too): a summary, every parameter described, and responses with example bodies.
 */
@QuarkusTest
@QuarkusTestResource(PubSubEmulatorResource.class)
class OpenApiTest {

    /** Every "METHOD /path" of the resource classes compiled into the api package. */
    private static List<String[]> endpoints() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of("target/classes/fullcourt/coordinator/api"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type;
                try {
                    type = Class.forName(OpenApiTest.class.getPackageName() + "." + name);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    for (Annotation a : m.getAnnotations()) {
                        HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            Path sub = m.getAnnotation(Path.class);
                            out.add(new String[] {http.value().toLowerCase(Locale.ROOT),
                                    base.value() + (sub == null ? "" : sub.value())});
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyEndpointIsDescribedWithASummaryItsParametersAndExampleResponses() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString()).get("paths");
        List<String[]> endpoints = endpoints();
        assertThat(endpoints).as("RunResource, StaleResource, ValidationResource at least").hasSizeGreaterThanOrEqualTo(11);

        for (String[] endpoint : endpoints) {
            String what = endpoint[0].toUpperCase(Locale.ROOT) + " " + endpoint[1];
            JsonNode operation = paths.path(endpoint[1]).path(endpoint[0]);
            assertThat(operation.isMissingNode()).as("%s in /q/openapi", what).isFalse();
            assertThat(operation.path("summary").asText()).as("%s summary", what).isNotBlank();
            operation.path("parameters").forEach(p -> assertThat(p.path("description").asText())
                    .as("%s parameter %s", what, p.path("name").asText()).isNotBlank());
            List<String> withExamples = new ArrayList<>();
            operation.path("responses").fields().forEachRemaining(r -> {
                if (!r.getValue().findValues("examples").isEmpty()) {
                    withExamples.add(r.getKey());
                }
            });
            assertThat(withExamples).as("%s responses with examples", what).contains("200");
        }
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
