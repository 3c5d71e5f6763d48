package fullcourt.bench.pipeline;

import fullcourt.bench.Results;
import fullcourt.coordinator.Coordinator;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.transport.PubSubConnector;
import fullcourt.engine.warehouse.Warehouse;
import fullcourt.messages.BackfillRequest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Section 5: what lineage costs. The four-season backfill of section 3 twice in one bench run, with
 * lineage and without ({@link LineageOnBenchmark}, {@link LineageOffBenchmark}, each its own
 * application and fresh warehouse); whichever finishes second writes the section with the ratio.
 */
abstract class LineageCost {

    @Inject
    Coordinator coordinator;
    @Inject
    @Connector(PubSubConnector.NAME)
    PubSubConnector connector;
    @Inject
    Warehouse warehouse;

    /**
     * The makespan of the four-season backfill in this application, written as {@code 5-lineage-<name>.txt}, and its
     * memory as section 8 ({@code 8-memory-<name>.md}).
     */
    double backfill(String name) {
        SeasonCalendar calendar = SeasonCalendar.load(warehouse);
        LocalDate from = calendar.seasons().stream().map(SeasonCalendar.Season::first).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = calendar.seasons().stream().map(SeasonCalendar.Season::last).max(LocalDate::compareTo).orElseThrow();
        MemorySampler memory = MemorySampler.start(warehouse);
        PipelineRun.Finished run;
        try {
            run = new PipelineRun(coordinator, connector, warehouse).run(
                    BackfillRequest.forRange("lineage-" + name, from, to).withPhases(List.of(3)), Duration.ofHours(2));
        } finally {
            memory.close();
        }
        MemoryReport.write(name, "seasons " + BenchProfiles.FourSeasons.SEASONS + ", lineage " + name, memory);
        // a makespan of a run that lost tasks is no cost figure: a run with DEAD or BLOCKED tasks fails the benchmark
        // the counts name every status, with 0 for those no task ended in
        Map<fullcourt.coordinator.TaskStatus, Integer> ended = new java.util.TreeMap<>();
        run.counts().forEach((status, count) -> {
            if (count > 0) {
                ended.put(status, count);
            }
        });
        org.assertj.core.api.Assertions.assertThat(ended)
                .as("run lineage-%s ended with tasks neither SUCCEEDED nor SKIPPED", name)
                .containsOnlyKeys(fullcourt.coordinator.TaskStatus.SUCCEEDED, fullcourt.coordinator.TaskStatus.SKIPPED);
        double makespan = run.makespanSeconds();
        Results.write("5-lineage-" + name + ".txt", String.format(Locale.ROOT, "%.1f %d%n", makespan, run.tasks().size()));
        return makespan;
    }

    /** Writes section 5 once both makespans are in, with {@code staleness} (the "on" run's timings) when known. */
    static void writeSectionIfBoth(String staleness) {
        Path on = Results.dir().resolve("5-lineage-on.txt");
        Path off = Results.dir().resolve("5-lineage-off.txt");
        Path stale = Results.dir().resolve("5-lineage-staleness.md");
        try {
            if (staleness != null) {
                Files.writeString(stale, staleness);
            }
            if (!Files.exists(on) || !Files.exists(off)) {
                return;
            }
            String[] a = Files.readString(on).trim().split(" ");
            String[] b = Files.readString(off).trim().split(" ");
            double withLineage = Double.parseDouble(a[0]);
            double without = Double.parseDouble(b[0]);
            double ratio = withLineage / without;
            StringBuilder md = new StringBuilder("## 5. What lineage costs\n\n");
            md.append(String.format(Locale.ROOT, "The backfill of section 3 over seasons %s (%s tasks), twice in this bench run,"
                    + " each in its own application on a fresh warehouse: with lineage (every write records its inputs'"
                    + " fingerprints, its version and its own fingerprint) and with `fullcourt.worker.lineage=false`.%n%n"
                    + "| run | makespan |%n|---|---|%n| without lineage | %.0f s |%n| with lineage | %.0f s |%n"
                    + "| ratio | **%.3f** (target <= 1.05: %s) |%n%n", BenchProfiles.FourSeasons.SEASONS, a[1], without, withLineage, ratio,
                    Results.verdict(ratio <= 1.05)));
            if (Files.exists(stale)) {
                md.append(Files.readString(stale));
            }
            Results.write("5-lineage-cost.md", md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
