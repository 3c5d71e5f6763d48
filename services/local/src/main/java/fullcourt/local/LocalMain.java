package fullcourt.local;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.local.validation.ValidationReport;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.Topics;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import fullcourt.engine.lifecycle.ShutdownOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The all-in-one's entry point: by default, one backfill of every phase over every generated
 * date, watched live, ending with the run summary and the validation report.
 */
@QuarkusMain
public class LocalMain implements QuarkusApplication {

    static final String USAGE = """
            Usage: java -jar services/local/target/quarkus-app/quarkus-run.jar [--missing-only | --stale | --serve | --help]

            Starts the Pub/Sub emulator, DuckDB (data/fullcourt.duckdb) and every Fullcourt service in
            this JVM, generates the raw seasons (2021-22..2024-25) if they are not there yet, then:

              (no option)     publishes ONE backfill request for phases 3 to 6 over every date of the
                              generated seasons, prints progress per phase every 5 s, then the run
                              summary and the validation report. Exit status 0 when every check
                              passed. Interrupted (Ctrl-C), it stops cleanly; run it again and the same
                              run resumes where it stopped (finished tasks are not redone).
              --missing-only  the same request in mode 'missing': only (processor, date) partitions missing
                              from the warehouse run. After a complete backfill it ends at once.
              --stale         the same request in mode 'stale': only partitions that are missing, of an
                              older model version, or computed from inputs that changed since (raw rows
                              corrected, an upstream re-run; windows included), and what reads them.
                              Tasks whose inputs turn out unchanged end as "inputs unchanged".
              --serve         no backfill: serve the coordinator API on http://localhost:8080 and the
                              emulator on 127.0.0.1:8085 until Ctrl-C, for ./fullcourt request|status|replay.
              --help          this text.
            """;
    static final Duration TICK = Duration.ofSeconds(5);

    @Inject
    Coordinator coordinator;
    @Inject
    Catalog catalog;
    @Inject
    Warehouse warehouse;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;

    @Inject
    LocalConfig local;

    @ConfigProperty(name = "fullcourt.exports.location")
    String exportsLocation;

    private final PrintStream out = System.out;
    /** Set when Quarkus shuts down (Ctrl-C): the progress loop stops so the application can. */
    private volatile boolean stopping;
    /** The run the progress loop watches, until it finishes. */
    private volatile String watching;

    /** Says so here, on the shutdown thread: the JVM may exit before the progress loop wakes up. */
    void onShutdown(@Observes @Priority(ShutdownOrder.STOP_PULLING) ShutdownEvent event) {
        stopping = true;
        String run = watching;
        if (run != null) {
            out.printf("%nStopped: run %s is not finished. The same command resumes it.%n", run);
            out.flush();
        }
    }

    @Override
    public int run(String... args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--help") || options.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        List<String> unknown = options.stream().filter(o -> !List.of("--missing-only", "--stale", "--serve").contains(o)).toList();
        if (!unknown.isEmpty() || options.size() > 1) {
            System.err.println("unknown or conflicting options " + options + "\n\n" + USAGE);
            return 2;
        }
        if (options.contains("--serve")) {
            out.println("Serving: coordinator API http://localhost:8080/runs, Pub/Sub emulator 127.0.0.1:8085. Ctrl-C stops.");
            Quarkus.waitForExit();
            return 0;
        }
        return backfill(options.contains("--missing-only") ? BackfillRequest.Mode.MISSING
                : options.contains("--stale") ? BackfillRequest.Mode.STALE : BackfillRequest.Mode.ALL);
    }

    private int backfill(BackfillRequest.Mode mode) throws Exception {
        boolean partial = mode != BackfillRequest.Mode.ALL;
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        if (calendar.seasons().isEmpty()) {
            System.err.println("No raw seasons in the warehouse: set fullcourt.local.seasons (e.g. 2021-22..2024-25).");
            return 1;
        }
        LocalDate from = local.from().orElseGet(() ->
                calendar.seasons().stream().map(SeasonCalendar.Season::first).min(LocalDate::compareTo).orElseThrow());
        LocalDate to = local.to().orElseGet(() ->
                calendar.seasons().stream().map(SeasonCalendar.Season::last).max(LocalDate::compareTo).orElseThrow());
        // the full run has a fixed id: publishing it again resumes the same run (the id is its idempotency key)
        String runId = partial ? mode.wireName() + "-" + from + "-" + to + "-" + Instant.now().getEpochSecond()
                : "backfill-" + from + "-" + to;
        Optional<Boolean> known = coordinator.read(s -> s.run(runId).map(RunState::finished));
        BackfillRequest request = BackfillRequest.forRange(runId, from, to).withPhases(List.of(3))
                .withMode(mode);
        if (known.isEmpty()) {
            connector.publishRaw(Topics.DEFAULT.backfillRequests(), MessageCodec.encode(request), Map.of())
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            out.printf("Published backfill %s: phases 3-6 (cascade), %s .. %s%s%n", runId, from, to,
                    partial ? ", " + mode.wireName() + " partitions only" : "");
        } else {
            out.printf("Resuming run %s (%s)%n", runId, known.get() ? "already finished" : "in progress");
        }
        Instant started = Instant.now();
        BackfillProgress progress = new BackfillProgress(catalog);
        RunState run = awaitAccepted(runId);
        watching = runId;
        while (!run.finished()) {
            TimeUnit.MILLISECONDS.sleep(TICK.toMillis());
            if (stopping) {
                return 130;
            }
            run = coordinator.read(s -> s.run(runId).orElseThrow());
            out.printf("[%s] %s%n%s", BackfillProgress.human(Duration.between(started, Instant.now())), runId,
                    progress.render(run, Duration.between(started, Instant.now())));
        }
        watching = null;
        Map<TaskStatus, Integer> counts = run.counts();
        out.printf("%nRun %s finished in %s: %s%n", runId, BackfillProgress.human(Duration.between(started, Instant.now())),
                counts);
        if (run.unchanged() > 0) {
            out.printf("%d of the SKIPPED tasks were cut off early: their inputs and version had not changed%n",
                    run.unchanged());
        }
        ValidationReport report = ValidationReport.build(warehouse, catalog, from, to, exportRoot());
        out.println(report.render());
        boolean clean = counts.getOrDefault(TaskStatus.DEAD, 0) == 0 && counts.getOrDefault(TaskStatus.BLOCKED, 0) == 0;
        return clean && report.passed() ? 0 : 1;
    }

    /** The export directory, when exports go to one (not to GCS). */
    private Optional<Path> exportRoot() {
        return Optional.of(exportsLocation).filter(l -> !l.startsWith("gs://")).map(Path::of);
    }

    private RunState awaitAccepted(String runId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Optional<RunState> run = coordinator.read(s -> s.run(runId));
            if (run.isPresent()) {
                return run.get();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the coordinator did not accept run " + runId + " within 60 s: see the log above");
    }
}
