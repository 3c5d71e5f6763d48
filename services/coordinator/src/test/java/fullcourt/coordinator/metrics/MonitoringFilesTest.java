package fullcourt.coordinator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fullcourt.coordinator.RunFinished;
import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.notify.NotifySettings;
import fullcourt.coordinator.notify.WebhookSender;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.metrics.HistogramBuckets;
import fullcourt.engine.worker.WorkerMetrics;
import fullcourt.messages.RunSummary;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example alert rules and Grafana dashboard under {@code infra/monitoring} use only series the services register:
 * every meter is registered here through the services' own metrics code, on a Prometheus registry with the
 * services' histogram buckets, and every {@code fullcourt_*} name in a rule or panel must be in its scrape.
 */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("../../infra/monitoring");
    private static final Pattern SERIES = Pattern.compile("\\bfullcourt_[a-z0-9_]+");

    /** The series of a scrape once every Fullcourt meter has been used once. */
    private static Set<String> registeredSeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new HistogramBuckets());
        Catalog catalog = TestCatalogs.chain(2);

        WorkerMetrics worker = new WorkerMetrics(registry);
        var declaration = catalog.get("a");
        worker.attemptEnded(declaration, worker.attemptBegun(declaration, 2), WorkerMetrics.TaskOutcome.SUCCEEDED);
        worker.rejected("invalid");
        worker.deadLettered(3, "a");
        worker.eventConfirmed(io.micrometer.core.instrument.Timer.start(registry), "SUCCEEDED");
        worker.acked(io.micrometer.core.instrument.Timer.start(registry));

        CoordinatorMetrics coordinator = new CoordinatorMetrics(registry);
        coordinator.registerOutcomes(null);
        coordinator.runFinished(new RunFinished("r", RunStatus.COMPLETED, new RunSummary(1, 1, 0, 0, 0, 0, 1)));
        coordinator.dispatched("a", 3);
        coordinator.taskDead("a", 3);
        coordinator.rejected("task-event", "invalid");
        coordinator.quarantined();
        coordinator.loopTurn(coordinator.begin());
        coordinator.ledgerAppended(coordinator.begin());
        coordinator.dispatchConfirmed(coordinator.begin());
        coordinator.taskEventsInTurn(3);
        coordinator.taskEventHandled(coordinator.begin());
        SchedulerGauges.register(registry, catalog, () -> SchedulerCounts.EMPTY);
        URI nowhere = URI.create("http://127.0.0.1:9/hook");
        new WebhookSender(nowhere, new NotifySettings(Optional.of(nowhere), 1, 1, Duration.ofMillis(1),
                Duration.ofSeconds(1), Duration.ofHours(1)), registry).close();

        return registry.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> seriesIn(List<String> expressions) {
        List<String> names = new ArrayList<>();
        for (String expression : expressions) {
            Matcher m = SERIES.matcher(expression);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    @Test
    void everySeriesTheAlertRulesUseIsRegistered() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(Files.readString(MONITORING.resolve("fullcourt-alerts.yml")));
        List<String> expressions = new ArrayList<>();
        rules.get("groups").forEach(g -> g.get("rules").forEach(r -> {
            assertThat(r.hasNonNull("alert") && r.hasNonNull("expr")).as("rule %s has alert and expr", r).isTrue();
            expressions.add(r.get("expr").asText());
        }));

        List<String> used = seriesIn(expressions);
        assertThat(used).as("the rules use Fullcourt series").isNotEmpty();
        assertThat(registeredSeries()).containsAll(used);
    }

    @Test
    void everySeriesTheDashboardUsesIsRegistered() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(MONITORING.resolve("fullcourt-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));

        List<String> used = seriesIn(expressions);
        assertThat(used).as("every panel queries a Fullcourt series").hasSizeGreaterThanOrEqualTo(dashboard.get("panels").size());
        assertThat(registeredSeries()).containsAll(used);
    }

    @Test
    void aSeriesNoServiceRegistersIsCaught() {
        // the timer's buckets carry its base unit: fullcourt_task_duration_seconds_bucket
        assertThat(seriesIn(List.of("rate(fullcourt_task_duration_bucket[5m])")))
                .containsExactly("fullcourt_task_duration_bucket");
        assertThat(registeredSeries()).doesNotContain("fullcourt_task_duration_bucket")
                .contains("fullcourt_task_duration_seconds_bucket");
    }
}
