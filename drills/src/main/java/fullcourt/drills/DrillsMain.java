package fullcourt.drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The drills by name, in the order they run. */
    private static final Map<String, Drill> DRILLS = drills();

    private DrillsMain() {
    }

    private static Map<String, Drill> drills() {
        Map<String, Drill> all = new LinkedHashMap<>();
        all.put("crash", new CrashDrill());
        all.put("poison", new PoisonDrill());
        all.put("duplicates", new DuplicatesDrill());
        all.put("hangs", new HangsDrill());
        all.put("quota", new QuotaDrill());
        all.put("hostile", new HostileDrill());
        all.put("overlap", new OverlapDrill());
        all.put("tablequota", new TableQuotaDrill());
        return all;
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
        return runDrills(new DrillScope(root, from, to, ""));
    }

    private static boolean runDrills(DrillScope scope) throws Exception {
        if (!Files.exists(scope.jar)) {
            throw new IllegalStateException(scope.jar
                    + " is missing: ./mvnw -o -q -B package -DskipTests -pl services/local -am");
        }
        Set<String> only = Arrays.stream(System.getProperty("drills.only", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        scope.recreateWork();
        Instant started = Instant.now();
        scope.prepareTemplate();
        DrillScope season = only.isEmpty() || only.contains("crash") ? scope.seasonScope() : null;
        if (season != null) {
            season.baseline();
        }
        scope.baseline();
        List<DrillResult> results = new ArrayList<>();
        for (Map.Entry<String, Drill> d : DRILLS.entrySet()) {
            if (!only.isEmpty() && !only.contains(d.getKey())) {
                continue;
            }
            long t0 = System.nanoTime();
            DrillResult r;
            try {
                DrillScope.log("drill " + d.getKey() + " ...");
                r = d.getValue().run(d.getValue().wholeSeason() ? season : scope);
            } catch (Exception e) {
                r = new DrillResult(d.getKey(), "(the drill itself failed)").check("ran to the end: " + e, false);
            } finally {
                scope.stopLaunched();
                if (season != null) {
                    season.stopLaunched();
                }
            }
            r.seconds = (System.nanoTime() - t0) / 1_000_000_000;
            DrillScope.log("drill " + d.getKey() + (r.passed() ? " PASSED" : " FAILED " + r.failures) + " in "
                    + r.seconds + " s");
            results.add(r);
        }
        Path report = scope.root.resolve(System.getProperty("drills.report", "bench/DRILLS.md"));
        Files.writeString(report, DrillReport.render(results, scope.reportScope(),
                season == null ? null : season.reportScope(), scope.seed(), Duration.between(started, Instant.now())));
        DrillScope.log("report: " + report);
        return results.stream().allMatch(DrillResult::passed);
    }
}
