package fullcourt.bench.capacity;

import fullcourt.bench.Results;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequest.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The platform's full backfill (918 game dates, phases 3-6) on the coordinator's real planner and
 * scheduler with runbook durations and BigQuery's concurrent-query quota of 100: predicted
 * makespan per policy, next to the 42 hours the runbook planned. Writes section 4 of the report.
 */
public final class CapacityModel {

    public static final int QUOTA = 100;
    public static final double RUNBOOK_PLANNED_HOURS = 42;
    public static final double TARGET_HOURS = 3;
    public static final long SEED = 7;
    public static final double CV = 0.5;
    public static final double STRAGGLER_RATE = 0.01;

    /** One simulated configuration and its result. */
    public record Row(String scenario, int perProcessorLimit, Policy policy, SimulationResult result, LowerBound bound) {
    }

    public static void main(String[] args) {
        Results.write("4-capacity-model.md", render(simulate()));
    }

    public static List<Row> simulate() {
        Catalog platform = CatalogReader.read("classpath:fullcourt-catalog.json");
        SeasonCalendar calendar = PlatformCalendar.build(SEED);
        List<Row> rows = new ArrayList<>();
        for (int perProcessor : new int[] {QUOTA, 15}) {
            Catalog catalog = Catalogs.withConcurrency(platform, perProcessor);
            for (double stragglers : new double[] {0, STRAGGLER_RATE}) {
                RunbookDurations durations = new RunbookDurations(catalog, calendar, SEED, CV, stragglers);
                String scenario = stragglers == 0 ? "lognormal (cv " + CV + ")"
                        : "lognormal + worst days (" + (int) (stragglers * 100) + "% of player_game_summary dates 1.7-2.8 h)";
                for (Policy policy : Policy.values()) {
                    BackfillRequest request = BackfillRequest.forRange("capacity", PlatformCalendar.FIRST, PlatformCalendar.LAST)
                            .withPhases(List.of(3)).withPolicy(policy);
                    SimulationResult r = new VirtualClockRun(catalog, calendar, QUOTA).run(request, durations);
                    LowerBound bound = LowerBound.of(r.upstreams(), durations::millis, QUOTA, p -> perProcessor);
                    rows.add(new Row(scenario, perProcessor, policy, r, bound));
                }
            }
        }
        return rows;
    }

    static String render(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        StringBuilder csv = new StringBuilder("scenario,per_processor_limit,policy,tasks,makespan_h,total_work_h,"
                + "lower_bound_h,longest_chain_h,per_processor_bound_h,peak_in_flight\n");
        md.append("## 4. Capacity model: the platform's full backfill\n\n");
        md.append("The coordinator's real `Planner` and `Scheduler` (no changes to either), driven on a virtual clock by "
                + "`bench/src/main/java/fullcourt/bench/capacity/VirtualClockRun.java`: 918 game dates "
                + "2021-10-19..2026-01-03 (five seasons; off days and the All-Star break are tasks that skip in 1 s), "
                + "phases 3-6 of the platform catalog, global limit = BigQuery's concurrent-query quota of " + QUOTA
                + ". Per-date durations: lognormal (seeded, seed " + SEED + ") around the runbook means "
                + "(sequential hours / dates covered; `RunbookDurations.java` cites each figure).\n\n");
        md.append("| durations | per-processor limit | policy | tasks | predicted makespan | runbook 42 h / predicted | lower bound "
                + "max(work/100, chain) | per-processor bound | peak in flight |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            SimulationResult s = r.result();
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,d | **%.2f h** | %.1fx | %.2f h | %.2f h (%s) | %d |%n",
                    r.scenario(), r.perProcessorLimit(), r.policy().wireName(), s.tasks(), s.makespanHours(),
                    RUNBOOK_PLANNED_HOURS / s.makespanHours(), hours(r.bound().millis()), hours(r.bound().perProcessorMillis()),
                    r.bound().perProcessorBinding(), s.peakInFlight()));
            csv.append(String.format(Locale.ROOT, "\"%s\",%d,%s,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%d%n", r.scenario(),
                    r.perProcessorLimit(), r.policy().wireName(), s.tasks(), s.makespanHours(), hours(s.totalWorkMillis()),
                    hours(r.bound().millis()), hours(r.bound().longestChainMillis()), hours(r.bound().perProcessorMillis()),
                    s.peakInFlight()));
        }
        Row headline = rows.stream().filter(r -> r.perProcessorLimit() == QUOTA && r.policy() == Policy.PER_DATE)
                .findFirst().orElseThrow();
        md.append(String.format(Locale.ROOT, "%nTotal work: %.0f h of query time (the runbooks' sequential figures add up "
                + "to about the same). **Target <= %.0f h with per-date chaining, limit = quota: %.2f h, %s.**%n",
                hours(headline.result().totalWorkMillis()), TARGET_HOURS, headline.result().makespanHours(),
                Results.verdict(headline.result().makespanHours() <= TARGET_HOURS)));
        Results.write("4-capacity-model.csv", csv.toString());
        return md.toString();
    }

    private static double hours(long millis) {
        return millis / 3_600_000.0;
    }
}
