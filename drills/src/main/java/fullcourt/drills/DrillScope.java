package fullcourt.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the drills share: the packaged all-in-one, a date window of the generated raw season, the undisturbed run's
 * warehouse checksums to compare against, and each drill's fresh copy of the raw season.
 */
final class DrillScope {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(40);
    /** The all-in-one has published its backfill, or resumes it after a restart. */
    static final Pattern UNDERWAY = Pattern.compile("Published backfill|Resuming run");
    private static final Pattern FINISHED = Pattern.compile("Run (\\S+) finished in [^:]+: \\{([^}]*)}");

    final Path root;
    final Path jar;
    private final Path work;
    private final LocalDate from;
    private final LocalDate to;
    private final long seed;
    private final String runId;
    private final Map<String, String> base = new LinkedHashMap<>();
    private Map<String, String> expected;
    private long baselineSeconds;
    private final List<AllInOne> launched = new ArrayList<>();
    private long backfillMillis;

    private final String prefix;

    DrillScope(Path root, LocalDate from, LocalDate to, String prefix) {
        this.root = root;
        this.jar = root.resolve("services/local/target/quarkus-app/quarkus-run.jar");
        this.work = root.resolve("drills/target/drill-runs");
        this.from = from;
        this.to = to;
        this.prefix = prefix;
        this.seed = Long.parseLong(System.getProperty("drills.seed", "20261126"));
        this.runId = "backfill-" + from + "-" + to;
        base.put("fullcourt.local.seasons", "2021-22");
        base.put("fullcourt.local.from", from.toString());
        base.put("fullcourt.local.to", to.toString());
        // the all-in-one's progress line every 5 s is enough; Quarkus' own INFO lines stay
        base.put("quarkus.log.category.\"fullcourt.engine.worker\".level", "WARN");
    }

    /** The whole-season scope of the crash drill: from the window's first date to the season's last game. */
    DrillScope seasonScope() throws Exception {
        String days = System.getProperty("drills.crash-days", "");
        LocalDate last;
        if (!days.isBlank()) {
            last = from.plusDays(Long.parseLong(days));
        } else {
            try (var db = WarehouseChecksums.readOnly(work.resolve("template/data/fullcourt.duckdb"));
                 var st = db.createStatement();
                 var rs = st.executeQuery("SELECT CAST(max(game_date) AS VARCHAR) FROM raw.schedule")) {
                rs.next();
                last = LocalDate.parse(rs.getString(1));
            }
        }
        return new DrillScope(root, from, last, "season-");
    }

    LocalDate from() {
        return from;
    }

    LocalDate to() {
        return to;
    }

    long seed() {
        return seed;
    }

    /** The backfill's run id. */
    String runId() {
        return runId;
    }

    /** How long the undisturbed backfill took once published. */
    long backfillMillis() {
        return backfillMillis;
    }

    /** The window and the undisturbed run's figures, for the report. */
    DrillReport.Scope reportScope() {
        return new DrillReport.Scope(from, to, baselineSeconds, expected);
    }

    /** Starts over in an empty drill directory. */
    void recreateWork() throws IOException {
        WorkDirectory.recreate(work);
    }

    void stopLaunched() throws InterruptedException {
        for (AllInOne app : launched) {
            if (app.alive()) {
                app.stop();
            }
        }
        launched.clear();
    }

    /** Generates the raw season once ({@code --help} starts everything, generates, and exits), to copy into each drill. */
    void prepareTemplate() throws Exception {
        AllInOne template = new AllInOne(jar, work.resolve("template"), base);
        int exit = template.start(Map.of(), "--help").await(Duration.ofMinutes(10));
        if (exit != 0) {
            throw new IllegalStateException("generating the raw season failed: see " + template.log());
        }
    }

    AllInOne fresh(String name) throws IOException {
        Path dir = work.resolve(prefix + name);
        Files.createDirectories(dir.resolve("data"));
        Files.copy(work.resolve("template/data/fullcourt.duckdb"), dir.resolve("data/fullcourt.duckdb"),
                StandardCopyOption.REPLACE_EXISTING);
        AllInOne app = new AllInOne(jar, dir, base);
        launched.add(app);
        return app;
    }

    void baseline() throws Exception {
        AllInOne app = fresh("baseline");
        long t0 = System.nanoTime();
        app.start(Map.of());
        app.awaitOutput(UNDERWAY, 0, Duration.ofMinutes(5));
        long underway = System.nanoTime();
        app.await(RUN_TIMEOUT);
        baselineSeconds = (System.nanoTime() - t0) / 1_000_000_000;
        backfillMillis = (System.nanoTime() - underway) / 1_000_000;
        Map<String, Integer> counts = finishedCounts(app);
        if (counts.getOrDefault("DEAD", -1) != 0 || counts.getOrDefault("BLOCKED", -1) != 0) {
            throw new IllegalStateException("the undisturbed run did not finish clean: " + counts + ", see " + app.log());
        }
        expected = checksums(app);
        log(prefix + "baseline " + from + ".." + to + ": " + counts + " in " + baselineSeconds + " s, " + expected.size() + " checksums");
    }

    /** The undisturbed run's warehouse (its ledger too), once {@link #baseline()} has run. */
    Path baselineDatabase() {
        return work.resolve(prefix + "baseline").resolve("data/fullcourt.duckdb");
    }

    static boolean clean(Map<String, Integer> counts) {
        return !counts.isEmpty() && counts.getOrDefault("DEAD", 0) == 0 && counts.getOrDefault("BLOCKED", 0) == 0
                && counts.getOrDefault("SUCCEEDED", 0) > 0;
    }

    void sameWarehouse(DrillResult r, AllInOne app) throws Exception {
        Map<String, String> actual = checksums(app);
        List<String> diff = WarehouseChecksums.differences(expected, actual);
        r.check("warehouse equals the undisturbed run's (" + expected.size() + " per-table checksums"
                + (diff.isEmpty() ? "" : "; differ: " + diff) + ")", diff.isEmpty());
    }

    private static Map<String, String> checksums(AllInOne app) throws Exception {
        return WarehouseChecksums.of(app.database(), app.dir().resolve("data/exports"));
    }

    /** Counts of the last "Run ... finished" line of the all-in-one's output. */
    Map<String, Integer> finishedCounts(AllInOne app) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(app.log())) {
            Matcher m = FINISHED.matcher(line);
            if (m.find() && m.group(1).equals(runId)) {
                counts.clear();
                for (String kv : m.group(2).split(",\\s*")) {
                    String[] p = kv.split("=");
                    counts.put(p[0].trim(), Integer.parseInt(p[1].trim()));
                }
            }
        }
        return counts;
    }

    static JsonNode awaitState(AllInOne app, String run, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String body = app.api("GET", "/runs/" + run, null);
            if (body != null) {
                JsonNode node = JSON.readTree(body);
                if (state.equals(node.path("state").asText())) {
                    return node;
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("run " + run + " not " + state + " within " + timeout + ": see " + app.log());
    }

    static void log(String message) {
        System.out.printf("[drills %tT] %s%n", java.time.LocalTime.now(), message);
    }
}
