package fullcourt.bench.pipeline;

import fullcourt.coordinator.lineage.LineageReader;
import fullcourt.coordinator.lineage.LineageService;
import fullcourt.coordinator.lineage.Staleness;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.lineage.LineageStore;
import fullcourt.engine.testing.PubSubEmulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Section 5: the four-season backfill with lineage, then what judging the whole warehouse's
 * staleness takes (the query reading every changed input, and the judgement in Java), five times.
 */
@QuarkusTest
@TestProfile(BenchProfiles.LineageOn.class)
@QuarkusTestResource(PubSubEmulatorResource.class)
class LineageOnBenchmark extends LineageCost {

    @Inject
    Catalog catalog;
    @Inject
    LineageService lineage;

    @Test
    void fourSeasonsWithLineageThenStaleness() {
        backfill("on");
        List<Long> readMs = new ArrayList<>();
        List<Long> judgeMs = new ArrayList<>();
        Staleness last = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            new LineageReader(catalog, warehouse).read();
            long t1 = System.nanoTime();
            last = lineage.staleness();
            long t2 = System.nanoTime();
            readMs.add((t1 - t0) / 1_000_000);
            judgeMs.add((t2 - t1) / 1_000_000);
        }
        Collections.sort(readMs);
        Collections.sort(judgeMs);
        long lineageRows = count("SELECT COUNT(*) AS n FROM " + LineageStore.LINEAGE);
        long inputRows = count("SELECT COUNT(*) AS n FROM " + LineageStore.READS);
        String md = String.format(Locale.ROOT, "Staleness of the whole warehouse after that backfill (%,d partitions"
                + " judged, %d stale), median of 5: reading the lineage facts (latest writes, what they read, raw"
                + " fingerprints, partitions present) **%d ms**; facts and judgement together (`LineageService.staleness()`, what"
                + " `--stale` and `GET /stale` do) **%d ms** (target < 10 s: %s). Lineage tables: %,d rows in"
                + " `ops.partition_lineage`, %,d in `ops.lineage_reads`.%n", last.judged(), last.all().size(),
                readMs.get(2), judgeMs.get(2), judgeMs.get(2) < 10_000 ? "met" : "MISSED", lineageRows, inputRows);
        writeSectionIfBoth(md);
    }

    private long count(String sql) {
        return ((Number) warehouse.query(sql, Map.of()).get(0).get("n")).longValue();
    }
}
