package fullcourt.local;

import fullcourt.coordinator.Coordinator;
import fullcourt.coordinator.CoordinatorStopped;
import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.api.RunPhases;
import fullcourt.coordinator.dispatch.RunState;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.config.EngineConfig;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.local.validation.EndOfRunValidation;
import fullcourt.local.validation.ValidationReport;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.Topics;
import fullcourt.progress.LiveConsole;
import fullcourt.progress.LiveView;
import fullcourt.progress.RunSnapshot;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import fullcourt.engine.lifecycle.ShutdownOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

/**
 * The all-in-one's entry point: by default, one backfill of every phase over every generated
 * date, watched live, ending with the run summary and the validation report.
 */
@QuarkusMain
public class LocalMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(LocalMain.class);

    static final String USAGE = """
            Usage: ./fullcourt-local [-Dsetting=value...] [--missing-only | --stale | --serve | --help]
                   (java -jar services/local/target/quarkus-app/quarkus-run.jar, with its heap bounded)

            Starts the Pub/Sub emulator, DuckDB (data/fullcourt.duckdb) and every Fullcourt service in
            this JVM, generates the raw seasons (2021-22..2024-25) if they are not there yet, then:

              (no option)     publishes ONE backfill request for phases 3 to 6 over every date of the
                              generated seasons and shows it live, one line per phase (bar, done/total,
                              rate, ETA, running, retries, dead): redrawn in place on a terminal, printed
                              every 10 s otherwise (fullcourt.local.progress-every). Then the run summary,
                              the validation report, and where the logs and exports are. Interrupted
                              (Ctrl-C), it stops cleanly; run it again and the same run resumes where it
                              stopped (finished tasks are not redone).
              --missing-only  the same request in mode 'missing': only (processor, date) partitions missing
                              from the warehouse run. After a complete backfill it ends at once.
              --stale         the same request in mode 'stale': only partitions that are missing, of an
                              older model version, or computed from inputs that changed since (raw rows
                              corrected, an upstream re-run; windows included), and what reads them.
                              Tasks whose inputs turn out unchanged end as "inputs unchanged".
              --serve         no backfill: serve the coordinator API on http://localhost:8080 and the
                              emulator on 127.0.0.1:8085 until Ctrl-C, for ./fullcourt request|status|replay.
              --help          this text.

            At start it prints every port and path in use: the API URL, the emulator's host:port, the
            DuckDB file, the data directory, the log file and the exports directory. Task-level logs
            (INFO) go to data/logs/fullcourt.log (quarkus.log.file.path); warnings and errors also reach
            the terminal.

            Exit status: 0 every task SUCCEEDED or SKIPPED and every validation check passed; 3 a validation
            check failed; 5 the run ended with DEAD or BLOCKED tasks (COMPLETED_WITH_FAILURES); 130
            interrupted (Ctrl-C); 1 another failure; 2 bad options.
            """;
    /** How often the live view reads the run (and redraws it on a terminal). */
    static final Duration REDRAW = Duration.ofSeconds(1);
    /** Exit status when the run ended with DEAD or BLOCKED tasks (the CLI's too). */
    static final int EXIT_RUN_FAILED = 5;
    /** Exit status when the run completed but a validation check failed (the CLI's validate's too). */
    static final int EXIT_VALIDATION_FAILED = 3;

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
    @Inject
    PubSubRuntime pubsub;
    @Inject
    EngineConfig engine;
    @Inject
    EndOfRunValidation endOfRunValidation;

    @ConfigProperty(name = "fullcourt.exports.location")
    String exportsLocation;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logPath;

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
        out.print(banner().render());
        if (options.contains("--serve")) {
            out.println("Serving until Ctrl-C: ./fullcourt request|status|replay reach it at the addresses above.");
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
        RunState run = awaitAccepted(runId);
        watching = runId;
        LiveConsole console = new LiveConsole(new PrintWriter(out, true), LiveConsole.detect(), local.progressEvery(),
                Clock.systemUTC());
        while (true) {
            try {
                RunSnapshot snapshot = coordinator.read(s -> snapshot(s.run(runId).orElseThrow()));
                if (snapshot == null) {
                    break;
                }
                console.show(LiveView.lines(snapshot));
            } catch (CoordinatorStopped standingDown) {
                // it lost its lease (not renewed in time on a loaded machine): its keeper takes it again and it
                // rebuilds from the ledger; until then there is nothing new to show
                LOG.warnf("The coordinator is not leading (%s); waiting for it to lead again", standingDown.getMessage());
            }
            TimeUnit.MILLISECONDS.sleep(REDRAW.toMillis());
            if (stopping) {
                return 130;
            }
        }
        run = coordinator.read(s -> s.run(runId).orElseThrow());
        RunSnapshot last = coordinator.read(s -> finalSnapshot(s.run(runId).orElseThrow()));
        console.last(LiveView.lines(last));
        watching = null;
        Map<TaskStatus, Integer> counts = run.counts();
        RunStatus status = coordinator.read(s -> s.run(runId).orElseThrow().status());
        out.printf("%nRun %s finished in %s: %s%n", runId, LiveView.human(Duration.between(started, Instant.now())),
                counts);
        out.printf("State %s%s%n", status, status == RunStatus.COMPLETED_WITH_FAILURES
                ? ": its DEAD tasks and their errors: ./fullcourt status " + runId + " (with --serve running); after"
                + " a fix, ./fullcourt replay " + runId : "");
        if (run.unchanged() > 0) {
            out.printf("%d of the SKIPPED tasks were cut off early: their inputs and version had not changed%n",
                    run.unchanged());
        }
        Map<String, Integer> skipped = coordinator.read(s -> s.run(runId).orElseThrow().skipReasons());
        skipped.forEach((reason, tasks) -> out.printf("SKIPPED %d: %s%n", tasks, reason));
        List<TaskKey> empty = coordinator.read(s -> s.run(runId).orElseThrow().zeroRowTasks());
        if (!empty.isEmpty()) {
            out.printf("%d tasks SUCCEEDED with 0 rows on a date their processor did not skip, e.g. %s%n", empty.size(),
                    empty.stream().limit(5).map(TaskKey::taskId).toList());
        }
        ValidationReport report = endOfRunValidation.validate(from, to, exportRoot());
        out.println(report.render());
        out.printf("Logs: %s%n", logFile());
        exportRoot().ifPresent(dir -> out.printf("Exports: %s%n", dir.toAbsolutePath()));
        return exitStatus(status, report.passed());
    }

    /**
     * How the run command exits once its run finished: 0 when it COMPLETED and validation passed; a run with DEAD,
     * BLOCKED or CANCELLED tasks says so first (validating what it left says little), then a failed validation.
     */
    static int exitStatus(RunStatus finished, boolean validationPassed) {
        if (finished != RunStatus.COMPLETED) {
            return EXIT_RUN_FAILED;
        }
        return validationPassed ? 0 : EXIT_VALIDATION_FAILED;
    }

    /** The run's live view now, or null once it finished (its last frame is drawn by {@link #finalSnapshot}). */
    private RunSnapshot snapshot(RunState run) {
        return run.finished() ? null : finalSnapshot(run);
    }

    private RunSnapshot finalSnapshot(RunState run) {
        Instant end = run.finished() && run.finishedAt() != null ? run.finishedAt() : Instant.now();
        return new RunSnapshot(run.runId(), run.status().name(), Duration.between(run.acceptedAt(), end),
                RunPhases.of(run, catalog));
    }

    /** The ports and paths in use, as they are now that every service has started. */
    private StartBanner banner() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String emulator = pubsub.emulatorAddress();
        return new StartBanner("http://localhost:" + port, Optional.of(emulator).filter(e -> !e.isBlank()),
                StartBanner.duckdbFile(engine.warehouse().backend(), engine.warehouse().duckdbPath()), logFile(),
                exportRoot().map(StartBanner::absolute), exportsLocation);
    }

    /** Where task-level logs go: the file handler's path, absolute. */
    private Path logFile() {
        return StartBanner.absolute(Path.of(logPath));
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
