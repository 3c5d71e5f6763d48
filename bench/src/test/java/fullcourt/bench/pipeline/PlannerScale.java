package fullcourt.bench.pipeline;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.plan.Plan;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.seasons.Season;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The planner alone over the scale benchmark's catalog at several sizes, in one JVM, side by side: no pipeline,
 * no warehouse (the calendar is built from the synthetic seasons directly). Each size is warmed up, then planned
 * several times ({@code -Dplanner.warmups}, {@code -Dplanner.runs}); prints the median wall and planning-thread CPU time per 1,000 tasks (CPU
 * time, because the machine may be loaded) and the GC time spent during the measured plans. Run with
 * the bench module's test classpath: {@code java -cp ... fullcourt.bench.pipeline.PlannerScale 1 10}.
 */
public final class PlannerScale {

    private static final int WARMUPS = Integer.getInteger("planner.warmups", 2);
    private static final int RUNS = Integer.getInteger("planner.runs", 5);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PlannerScale() {
    }

    public static void main(String[] args) {
        Catalog catalog = CatalogReader.read(ScaleCatalog.file(100).toString());
        double[] factors = args.length == 0 ? new double[] {1, 10}
                : Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        for (double factor : factors) {
            measure(catalog, factor);
        }
    }

    private static void measure(Catalog catalog, double factor) {
        List<Season> seasons = SyntheticSchedule.seasons((int) Math.round(factor * 4));
        SeasonCalendar calendar = calendar(seasons);
        BackfillRequest request = BackfillRequest.forRange("scale", seasons.get(0).firstDay(),
                seasons.get(seasons.size() - 1).lastDay()).withPhases(List.of(3));
        Planner planner = new Planner(catalog);
        for (int i = 0; i < WARMUPS; i++) {
            planner.plan(request, key -> false, calendar);
        }
        double[] ms = new double[RUNS];
        double[] gcMs = new double[RUNS];
        double[] cpuMs = new double[RUNS];
        int tasks = 0;
        long edges = 0;
        long fingerprint = 0;
        for (int i = 0; i < RUNS; i++) {
            System.gc();
            long gc0 = gcMillis();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Plan plan = planner.plan(request, key -> false, calendar);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            gcMs[i] = gcMillis() - gc0;
            cpuMs[i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            tasks = plan.tasks().size();
            edges = plan.upstreams().values().stream().mapToLong(List::size).sum();
            fingerprint = fingerprint(plan);
        }
        Arrays.sort(ms);
        Arrays.sort(gcMs);
        Arrays.sort(cpuMs);
        System.out.printf(Locale.ROOT, "%sx: %d tasks, %d edges: median %.0f ms (%.1f ms / 1,000 tasks), planning thread's CPU"
                + " median %.0f ms (%.1f ms / 1,000 tasks), GC median %.0f ms, all %s; plan fingerprint %x%n", factor,
                tasks, edges, ms[RUNS / 2], ms[RUNS / 2] * 1000 / tasks, cpuMs[RUNS / 2], cpuMs[RUNS / 2] * 1000 / tasks,
                gcMs[RUNS / 2], Arrays.toString(ms), fingerprint);
    }

    /** A hash of the tasks in plan order and each one's upstreams in order: equal plans, equal fingerprints. */
    private static long fingerprint(Plan plan) {
        long h = 17;
        for (TaskKey t : plan.tasks()) {
            h = h * 31 + t.hashCode();
            for (TaskKey u : plan.upstreams().get(t)) {
                h = h * 31 + u.hashCode();
            }
        }
        return h * 31 + plan.levels().hashCode();
    }

    /** The calendar {@code SeasonCalendar.load} reads from what {@link SyntheticSchedule#write} writes. */
    private static SeasonCalendar calendar(List<Season> seasons) {
        List<SeasonCalendar.Season> out = new ArrayList<>();
        for (Season season : seasons) {
            TreeSet<LocalDate> dates = new TreeSet<>();
            for (LocalDate d = season.firstDay(); !d.isAfter(season.lastDay()); d = d.plusDays(1)) {
                if (!season.inAllStarBreak(d)) {
                    dates.add(d);
                }
            }
            out.add(new SeasonCalendar.Season(season.label(), dates.first(), dates.last(), dates));
        }
        return new SeasonCalendar(out);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
