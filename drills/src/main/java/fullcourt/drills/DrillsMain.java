package fullcourt.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the reliability drills against the packaged all-in-one and writes {@code bench/DRILLS.md}.
 * Each drill starts from the same generated raw season in its own directory and compares its
 * warehouse with an undisturbed run's. The crash drill runs on the whole season (as the issue asks:
 * ten deaths during a one-season backfill), the others on a window of it. Settings (system
 * properties): {@code drills.only} (comma list of drill names), {@code drills.from}, {@code drills.days}
 * (the window), {@code drills.crash-days} (the crash drill's range; default the whole season),
 * {@code drills.seed}.
 */
public final class DrillsMain {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FINISHED = Pattern.compile("Run (\\S+) finished in [^:]+: \\{([^}]*)}");
    /** An adaptive-limit change in the task log ("2026-12-04 22:23:50,040 INFO ... In-flight limit 16 -> 8 ..."). */
    private static final Pattern LIMIT = Pattern.compile(
            "^(?:\\d{4}-\\d\\d-\\d\\d )?(\\d\\d:\\d\\d:\\d\\d)\\S* .*In-flight limit (\\d+) -> (\\d+) \\(configured (\\d+)\\): (.*)$");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(40);

    private final Path root;
    private final Path jar;
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
    private static final Pattern UNDERWAY = Pattern.compile("Published backfill|Resuming run");

    private final String prefix;

    private DrillsMain(Path root, LocalDate from, LocalDate to, String prefix) {
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

    public static void main(String[] args) throws Exception {
        System.exit(runAll() ? 0 : 1);
    }

    /** Runs the drills from anywhere inside the repository; whether every one passed. */
    public static boolean runAll() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("services/local"))) {
            root = root.getParent();
        }
        LocalDate from = LocalDate.parse(System.getProperty("drills.from", "2021-10-19"));
        LocalDate to = from.plusDays(Long.parseLong(System.getProperty("drills.days", "20")));
        return new DrillsMain(root, from, to, "").runDrills();
    }

    /** The whole-season scope of the crash drill: from the window's first date to the season's last game. */
    private DrillsMain seasonScope() throws Exception {
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
        return new DrillsMain(root, from, last, "season-");
    }

    private boolean runDrills() throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -o -q -B package -DskipTests -pl services/local -am");
        }
        Set<String> only = Arrays.stream(System.getProperty("drills.only", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        WorkDirectory.recreate(work);
        Instant started = Instant.now();
        prepareTemplate();
        DrillsMain season = only.isEmpty() || only.contains("crash") ? seasonScope() : null;
        if (season != null) {
            season.baseline();
        }
        baseline();
        List<DrillResult> results = new ArrayList<>();
        Map<String, Drill> all = new LinkedHashMap<>();
        all.put("crash", () -> season.crash());
        all.put("poison", this::poison);
        all.put("duplicates", this::duplicates);
        all.put("hangs", this::hangs);
        all.put("quota", this::quota);
        all.put("hostile", this::hostile);
        all.put("overlap", this::overlap);
        for (Map.Entry<String, Drill> d : all.entrySet()) {
            if (!only.isEmpty() && !only.contains(d.getKey())) {
                continue;
            }
            long t0 = System.nanoTime();
            DrillResult r;
            try {
                log("drill " + d.getKey() + " ...");
                r = d.getValue().run();
            } catch (Exception e) {
                r = new DrillResult(d.getKey(), "(the drill itself failed)").check("ran to the end: " + e, false);
            } finally {
                stopLaunched();
                if (season != null) {
                    season.stopLaunched();
                }
            }
            r.seconds = (System.nanoTime() - t0) / 1_000_000_000;
            log("drill " + d.getKey() + (r.passed() ? " PASSED" : " FAILED " + r.failures) + " in " + r.seconds + " s");
            results.add(r);
        }
        Path report = root.resolve(System.getProperty("drills.report", "bench/DRILLS.md"));
        Files.writeString(report, DrillReport.render(results, new DrillReport.Scope(from, to, baselineSeconds, expected),
                season == null ? null : new DrillReport.Scope(season.from, season.to, season.baselineSeconds, season.expected),
                seed, Duration.between(started, Instant.now())));
        log("report: " + report);
        return results.stream().allMatch(DrillResult::passed);
    }

    private void stopLaunched() throws InterruptedException {
        for (AllInOne app : launched) {
            if (app.alive()) {
                app.stop();
            }
        }
        launched.clear();
    }

    interface Drill {
        DrillResult run() throws Exception;
    }

    // ---- set-up ----

    /** Generates the raw season once ({@code --help} starts everything, generates, and exits), to copy into each drill. */
    private void prepareTemplate() throws Exception {
        AllInOne template = new AllInOne(jar, work.resolve("template"), base);
        int exit = template.start(Map.of(), "--help").await(Duration.ofMinutes(10));
        if (exit != 0) {
            throw new IllegalStateException("generating the raw season failed: see " + template.log());
        }
    }

    private AllInOne fresh(String name) throws IOException {
        Path dir = work.resolve(prefix + name);
        Files.createDirectories(dir.resolve("data"));
        Files.copy(work.resolve("template/data/fullcourt.duckdb"), dir.resolve("data/fullcourt.duckdb"),
                StandardCopyOption.REPLACE_EXISTING);
        AllInOne app = new AllInOne(jar, dir, base);
        launched.add(app);
        return app;
    }

    private void baseline() throws Exception {
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

    // ---- the drills ----

    private DrillResult crash() throws Exception {
        AllInOne app = fresh("crash");
        Random random = new Random(seed);
        DrillResult r = new DrillResult("1. Crash", "10 abrupt deaths of the all-in-one JVM at random points of the"
                + " backfill (seeded), restarting it each time with the same command: 5 kill -9 from outside at a random"
                + " moment, 5 Runtime.halt right after the Nth partition write, before it is reported"
                + " (fullcourt.faults.halt-after-tasks=N, N random in 5..40)");
        List<String> kills = new ArrayList<>();
        int killed = 0;
        int orphans = 0;
        while (killed < 10) {
            long offset = app.logSize();
            boolean halt = killed % 2 == 1;
            String point;
            if (halt) {
                // the product's own fault: Runtime.halt right after the Nth partition written by this
                // process, before its result is reported (the worst point for "nothing lost")
                int n = 5 + random.nextInt(36);
                app.start(Map.of("fullcourt.faults.halt-after-tasks", String.valueOf(n)));
                if (!app.awaitOutput(UNDERWAY, offset, Duration.ofMinutes(5))
                        || !app.awaitOutput(Pattern.compile("Halting the process"), offset, RUN_TIMEOUT)) {
                    kills.add("run finished before crash " + (killed + 1));
                    break;
                }
                if (!app.awaitHalt(Duration.ofMinutes(1))) {
                    orphans++;
                }
                point = "halt after " + n + " writes";
            } else {
                // kill -9 from outside at a random moment once the run is published or resumed
                app.start(Map.of());
                boolean underway = app.awaitOutput(UNDERWAY, offset, Duration.ofMinutes(5));
                long delayMs = (long) (random.nextDouble() * 0.1 * backfillMillis);
                Thread.sleep(delayMs);
                if (!underway || !app.alive()) {
                    kills.add("run finished before crash " + (killed + 1));
                    break;
                }
                if (!app.kill9()) {
                    orphans++;
                }
                point = String.format("kill -9 at %.1f s", delayMs / 1000.0);
            }
            killed++;
            kills.add(point);
        }
        app.start(Map.of());
        app.await(RUN_TIMEOUT);
        Map<String, Integer> counts = finishedCounts(app);
        LedgerChecks ledger = LedgerChecks.read(app.database());
        LedgerChecks.Rework rework = ledger.rework(runId);
        r.check("died 10 times", killed == 10);
        r.check("the Pub/Sub emulator stopped by itself after each death of its JVM (" + orphans + " orphaned)",
                orphans == 0);
        r.check("the run finished with no DEAD or BLOCKED task: " + counts, clean(counts));
        r.check("reported finished exactly once in the ledger", rework.runsFinished() == 1);
        LineageChecks.read(app.database()).checkCrashes(r, 5);
        sameWarehouse(r, app);
        r.number("crash points (kill -9: seconds after the run was published or resumed): " + String.join(", ", kills)
                + " (an undisturbed backfill: " + backfillMillis / 1000 + " s after it was published)");
        r.number("tasks " + rework.tasks() + "; STARTED rows " + rework.started() + " (" + rework.extraStarts()
                + " executions beyond one per task); tasks REQUEUED after a restart " + rework.requeued());
        r.number("succeeded tasks that ran again (reported SUCCEEDED/SKIPPED more than once): "
                + rework.tasksFinishedTwice());
        r.number("stray temporary export files left by writes cut short (.NAME*.tmp, never a half document; not"
                + " counted in the export checksum): " + WarehouseChecksums.strayTemps(app.dir().resolve("data/exports")));
        return r;
    }

    private DrillResult poison() throws Exception {
        AllInOne app = fresh("poison");
        String processor = "team_offense_game_summary";
        List<LocalDate> dates = List.of(from.plusDays(1), from.plusDays(4), from.plusDays(8), from.plusDays(13),
                from.plusDays(17));
        String fault = dates.stream().map(d -> processor + ":" + d).collect(Collectors.joining(","));
        DrillResult r = new DrillResult("2. Poison", "permanent failure of " + processor + " on 5 dates "
                + dates + " (fullcourt.faults.fail), then a restart without the fault and a replay");
        app.start(Map.of("fullcourt.faults.fail", fault));
        int exit = app.await(RUN_TIMEOUT);
        Map<String, Integer> counts = finishedCounts(app);
        r.check("first run ends (exit " + exit + ") with 5 DEAD: " + counts, counts.getOrDefault("DEAD", 0) == 5);
        r.check("their downstream BLOCKED (" + counts.getOrDefault("BLOCKED", 0) + " tasks)",
                counts.getOrDefault("BLOCKED", 0) > 0);
        int planned = counts.values().stream().mapToInt(Integer::intValue).sum();
        int done = counts.getOrDefault("SUCCEEDED", 0) + counts.getOrDefault("SKIPPED", 0);
        r.check("everything else complete (" + done + " succeeded or skipped of " + planned + ")",
                done + 5 + counts.getOrDefault("BLOCKED", 0) == planned);
        app.start(Map.of(), "--serve");
        JsonNode run = JSON.readTree(app.awaitApi("/runs/" + runId, Duration.ofMinutes(3)));
        List<String> errors = new ArrayList<>();
        run.path("dead").forEach(d -> errors.add(d.path("taskId").asText() + ": " + d.path("error").asText()));
        r.check("status lists the 5 dead tasks with their error", errors.size() == 5
                && errors.stream().allMatch(e -> e.contains("injected permanent failure of " + processor)));
        String replay = app.api("POST", "/runs/" + runId + "/replay", "{}");
        r.check("replay re-dispatches the 5 (" + replay + ")", replay != null && replay.contains("\"replayed\":5"));
        JsonNode after = awaitState(app, runId, "COMPLETED", Duration.ofMinutes(20));
        r.check("after the replay the run is COMPLETED with no DEAD or BLOCKED task: " + after.path("totals"),
                after.path("totals").path("DEAD").asInt(-1) == 0 && after.path("totals").path("BLOCKED").asInt(-1) == 0);
        app.stop();
        sameWarehouse(r, app);
        r.number("first run: " + counts);
        r.number("dead errors, e.g. " + (errors.isEmpty() ? "none" : errors.get(0)));
        return r;
    }

    private DrillResult duplicates() throws Exception {
        AllInOne app = fresh("duplicates");
        DrillResult r = new DrillResult("3. Duplicates", "every work message delivered twice: the worker nacks each"
                + " after its first successful delivery (fullcourt.faults.redeliver-succeeded), so it runs again");
        app.start(Map.of("fullcourt.faults.redeliver-succeeded", "true"));
        app.await(RUN_TIMEOUT);
        Map<String, Integer> counts = finishedCounts(app);
        LedgerChecks.Rework rework = LedgerChecks.read(app.database()).rework(runId);
        int finished = counts.getOrDefault("SUCCEEDED", 0) + counts.getOrDefault("SKIPPED", 0);
        r.check("run finished clean: " + counts, clean(counts));
        // the second SUCCEEDED of a finished task is rejected by the coordinator ('finished') and never reaches the
        // ledger: that the work ran again shows in lineage, where each run's write is recorded
        LineageChecks lineage = LineageChecks.read(app.database());
        r.check("each task delivered and run twice (" + lineage.partitionsWrittenTwice() + " of "
                + lineage.partitions() + " partitions written twice; " + rework.tasksFinishedTwice()
                + " second reports written to the ledger)", lineage.partitionsWrittenTwice() >= lineage.partitions() * 9 / 10
                && lineage.partitions() > 0);
        r.check("no task counted twice: the run's counts add up to its " + rework.tasks() + " tasks",
                finished == rework.tasks());
        r.check("run reported finished exactly once", rework.runsFinished() == 1);
        sameWarehouse(r, app);
        r.number("tasks " + rework.tasks() + "; SUCCEEDED/SKIPPED rows in the ledger " + rework.finishedRows()
                + "; counted in the run " + finished);
        return r;
    }

    private DrillResult hangs() throws Exception {
        AllInOne app = fresh("hangs");
        String processor = "player_game_summary";
        List<LocalDate> dates = List.of(from.plusDays(2), from.plusDays(6), from.plusDays(10));
        String fault = dates.stream().map(d -> processor + ":" + d).collect(Collectors.joining(","));
        DrillResult r = new DrillResult("4. Hangs", processor + " hangs (as a query that never returns) on the"
                + " first attempt on " + dates + " (fullcourt.faults.hang, hang-for 10m); task deadline 20 s");
        app.start(Map.of("fullcourt.faults.hang", fault, "fullcourt.faults.hang-for", "10m",
                // the catalog gives player_game_summary 4 h (its slowest dates): the drill's deadline is its own
                "fullcourt.worker.deadlines." + processor, "20s"));
        app.await(RUN_TIMEOUT);
        Map<String, Integer> counts = finishedCounts(app);
        LedgerChecks ledger = LedgerChecks.read(app.database());
        List<LedgerChecks.Row> cancelled = ledger.events(runId, "ATTEMPT_FAILED", "exceeded its deadline");
        Set<String> hung = dates.stream().map(d -> processor + "/" + d).collect(Collectors.toSet());
        r.check("the deadline cancelled each hanging attempt (" + cancelled.size() + " ATTEMPT_FAILED)",
                cancelled.stream().map(LedgerChecks.Row::taskId).collect(Collectors.toSet()).containsAll(hung));
        List<LedgerChecks.Row> finished = new ArrayList<>(ledger.events(runId, "SUCCEEDED", null));
        finished.addAll(ledger.events(runId, "SKIPPED", null));
        r.check("the retry (attempt 2) succeeded", hung.stream().allMatch(t -> finished.stream()
                .anyMatch(e -> e.taskId().equals(t) && e.attempt() >= 2)));
        r.check("run finished clean: " + counts, clean(counts));
        sameWarehouse(r, app);
        r.number("cancelled attempts: " + cancelled.stream().map(c -> c.taskId() + " attempt " + c.attempt())
                .collect(Collectors.joining(", ")));
        return r;
    }

    private DrillResult quota() throws Exception {
        AllInOne app = fresh("quota");
        DrillResult r = new DrillResult("5. Quota errors", "30% of all attempts fail with a retryable 429"
                + " rateLimitExceeded (fullcourt.faults.quota-rate=0.3, seeded), errorKind QUOTA; 10 delivery attempts");
        app.start(Map.of("fullcourt.faults.quota-rate", "0.3", "fullcourt.faults.seed", String.valueOf(seed),
                "fullcourt.pubsub.delivery.max-attempts", "10"));
        app.await(RUN_TIMEOUT);
        Map<String, Integer> counts = finishedCounts(app);
        LedgerChecks ledger = LedgerChecks.read(app.database());
        int quotaErrors = ledger.events(runId, "ATTEMPT_FAILED", "rateLimitExceeded").size();
        int attempts = ledger.events(runId, "STARTED", null).size();
        List<String> series = new ArrayList<>();
        int lowest = Integer.MAX_VALUE;
        int last = -1;
        int configured = -1;
        // the adaptive limit's changes are INFO lines: in the task log, no longer on the terminal
        for (String line : Files.readAllLines(app.taskLog())) {
            Matcher m = LIMIT.matcher(line);
            if (m.find()) {
                series.add(m.group(1) + " " + m.group(2) + "->" + m.group(3));
                lowest = Math.min(lowest, Integer.parseInt(m.group(3)));
                last = Integer.parseInt(m.group(3));
                configured = Integer.parseInt(m.group(4));
            }
        }
        r.check("zero dead tasks, run finished: " + counts, clean(counts));
        r.check("quota errors happened (" + quotaErrors + " of " + attempts + " attempts)", quotaErrors > 0);
        r.check("the in-flight limit fell (lowest " + lowest + " of " + configured + ")", lowest < configured);
        r.check("and recovered (last value " + last + ")", last > lowest);
        sameWarehouse(r, app);
        r.number("quota errors " + quotaErrors + " of " + attempts + " attempts ("
                + (attempts == 0 ? 0 : Math.round(100.0 * quotaErrors / attempts)) + "%)");
        r.number("in-flight limit over time (wall clock, from its log lines): " + String.join(", ", series));
        return r;
    }

    private DrillResult hostile() throws Exception {
        AllInOne app = fresh("hostile");
        List<HostileRequests.Hostile> hostile = HostileRequests.all();
        DrillResult r = new DrillResult("6. Hostile input", hostile.size() + " malformed or hostile bodies published"
                + " on backfill-requests: " + hostile.stream().map(HostileRequests.Hostile::name)
                .collect(Collectors.joining("; ")));
        app.start(Map.of(), "--serve");
        app.awaitApi("/runs", Duration.ofMinutes(3));
        List<String> wrong = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        try (RequestTopic topic = new RequestTopic(app.emulator())) {
            Map<HostileRequests.Hostile, String> ids = new LinkedHashMap<>();
            for (HostileRequests.Hostile h : hostile) {
                ids.put(h, topic.publish(h.body()));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (rejected(topic).size() < hostile.size() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            for (HostileRequests.Hostile h : hostile) {
                RunEvent e = rejected(topic).stream().filter(ev -> ev.runId().equals("rejected-" + ids.get(h))
                        || (h.requestId() != null && ev.runId().equals(h.requestId()))).findFirst().orElse(null);
                String reasons = e == null ? "(no REJECTED event)" : String.join("; ", e.reasons());
                if (e == null || !reasons.contains(h.expectedReason())) {
                    wrong.add(h.name() + ": " + reasons);
                } else if (examples.size() < 8) {
                    examples.add(h.name() + " -> " + abbreviate(reasons, 140));
                }
            }
            r.check("every one REJECTED with its specific reason" + (wrong.isEmpty() ? "" : ": " + wrong), wrong.isEmpty());
            String runs = app.api("GET", "/runs", null);
            r.check("nothing planned: GET /runs is empty (" + runs + ")", "[]".equals(runs));
            BackfillRequest valid = BackfillRequest.forRange("drill-valid-after-hostile", from, from.plusDays(2))
                    .withPhases(List.of(3));
            topic.publish(MessageCodec.encode(valid));
            JsonNode done = awaitState(app, valid.requestId(), "COMPLETED", Duration.ofMinutes(10));
            r.check("still serving: a valid request afterwards completes (" + done.path("totals") + ")",
                    done.path("totals").path("DEAD").asInt(-1) == 0);
        }
        app.stop();
        LedgerChecks ledger = LedgerChecks.read(app.database());
        Set<String> accepted = ledger.rows().stream().filter(row -> row.event().equals("RUN_ACCEPTED"))
                .map(LedgerChecks.Row::runId).collect(Collectors.toSet());
        r.check("the ledger holds only the valid run (" + accepted + ")", accepted.equals(Set.of("drill-valid-after-hostile")));
        r.number("rejections, e.g.: " + String.join(" | ", examples));
        return r;
    }

    private DrillResult overlap() throws Exception {
        AllInOne app = fresh("overlap");
        BackfillRequest a = BackfillRequest.forRange(runId, from, to).withPhases(List.of(3));
        BackfillRequest b = BackfillRequest.forRange("overlap-b", from, from.plusDays(10)).withPhases(List.of(3));
        DrillResult r = new DrillResult("7. Overlap", "two overlapping backfills published together: " + from + ".." + to
                + " and " + from + ".." + from.plusDays(10) + ", every phase (cascade)");
        app.start(Map.of(), "--serve");
        app.awaitApi("/runs", Duration.ofMinutes(3));
        try (RequestTopic topic = new RequestTopic(app.emulator())) {
            topic.publish(MessageCodec.encode(a));
            topic.publish(MessageCodec.encode(b));
            JsonNode ra = awaitState(app, a.requestId(), "COMPLETED", RUN_TIMEOUT);
            JsonNode rb = awaitState(app, b.requestId(), "COMPLETED", RUN_TIMEOUT);
            r.check("both runs complete clean (" + ra.path("totals") + " / " + rb.path("totals") + ")",
                    ra.path("totals").path("DEAD").asInt(-1) == 0 && rb.path("totals").path("DEAD").asInt(-1) == 0
                            && ra.path("totals").path("BLOCKED").asInt(-1) == 0
                            && rb.path("totals").path("BLOCKED").asInt(-1) == 0);
        }
        app.stop();
        LedgerChecks ledger = LedgerChecks.read(app.database());
        List<String> dispatch = ledger.dispatchOverlaps();
        List<String> execution = ledger.executionOverlaps();
        r.check("no (processor, date) dispatched by one run while in flight in the other" + first(dispatch),
                dispatch.isEmpty());
        r.check("no (processor, date) executing in both runs at once (worker STARTED..finish spans)" + first(execution),
                execution.isEmpty());
        sameWarehouse(r, app);
        LedgerChecks.Rework ra = ledger.rework(a.requestId());
        LedgerChecks.Rework rb = ledger.rework(b.requestId());
        r.number("tasks: run A " + ra.tasks() + ", run B " + rb.tasks() + " (B's all overlap A's)");
        return r;
    }

    // ---- helpers ----

    private static List<RunEvent> rejected(RequestTopic topic) {
        return topic.events().stream().filter(e -> e.type() == RunEventType.REJECTED).toList();
    }

    private static String first(List<String> problems) {
        return problems.isEmpty() ? "" : ": " + problems.size() + ", e.g. " + problems.get(0);
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }

    private static boolean clean(Map<String, Integer> counts) {
        return !counts.isEmpty() && counts.getOrDefault("DEAD", 0) == 0 && counts.getOrDefault("BLOCKED", 0) == 0
                && counts.getOrDefault("SUCCEEDED", 0) > 0;
    }

    private void sameWarehouse(DrillResult r, AllInOne app) throws Exception {
        Map<String, String> actual = checksums(app);
        List<String> diff = WarehouseChecksums.differences(expected, actual);
        r.check("warehouse equals the undisturbed run's (" + expected.size() + " per-table checksums"
                + (diff.isEmpty() ? "" : "; differ: " + diff) + ")", diff.isEmpty());
    }

    private static Map<String, String> checksums(AllInOne app) throws Exception {
        return WarehouseChecksums.of(app.database(), app.dir().resolve("data/exports"));
    }

    /** Counts of the last "Run ... finished" line of the all-in-one's output. */
    private Map<String, Integer> finishedCounts(AllInOne app) throws IOException {
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

    private static JsonNode awaitState(AllInOne app, String run, String state, Duration timeout) throws Exception {
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

    private static void log(String message) {
        System.out.printf("[drills %tT] %s%n", java.time.LocalTime.now(), message);
    }
}
