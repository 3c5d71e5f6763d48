package fullcourt.bench.capacity;

import fullcourt.bench.Results;
import fullcourt.coordinator.TaskKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How close each output table gets to BigQuery's per-table limits in a simulated backfill: its partition writes per
 * day and per 10 s; and the DML INSERT jobs lineage recording would send to {@code ops.partition_lineage} and
 * {@code ops.lineage_reads} if it ran as query jobs, as {@code BigQueryWarehouse} ran a write's bracket before it
 * appended lineage's rows through the Storage Write API (the same requests at the same times, none of them DML).
 */
public final class TableLimits {

    static final String LINEAGE = "ops.partition_lineage";
    static final String READS = "ops.lineage_reads";

    private TableLimits() {
    }

    /**
     * Lineage's INSERT jobs per table at their times: before a partition's write, one INSERT of its reads and one of
     * its {@code begun} row (at the task's start); after it, one INSERT of its {@code written} row (at its end).
     */
    public static Map<String, List<Long>> lineageInserts(SimulationResult r) {
        Map<String, List<Long>> inserts = new HashMap<>();
        for (TaskKey task : r.written()) {
            long start = r.startMillis().get(task);
            inserts.computeIfAbsent(READS, t -> new ArrayList<>()).add(start);
            inserts.computeIfAbsent(LINEAGE, t -> new ArrayList<>()).add(start);
            inserts.computeIfAbsent(LINEAGE, t -> new ArrayList<>()).add(r.endMillis().get(task));
        }
        return inserts;
    }

    static String render(SimulationResult unpaced, SimulationResult paced, int pacing) {
        Map<String, Integer> perDay = BusiestTable.perTable(unpaced.writeTimes(), BusiestTable.ONE_DAY);
        Map<String, Integer> per10s = BusiestTable.perTable(unpaced.writeTimes(), BusiestTable.TEN_SECONDS);
        Map<String, Integer> paced10s = BusiestTable.perTable(paced.writeTimes(), BusiestTable.TEN_SECONDS);
        StringBuilder md = new StringBuilder();
        StringBuilder csv = new StringBuilder("table,partitions_written,max_per_24h,share_of_day_limit,max_per_10s,"
                + "max_per_10s_paced,share_of_10s_limit_paced\n");
        md.append("\n### Each table against its limits per day and per 10 s\n\n");
        md.append("Each output table of the headline backfill (per-date, limit " + CapacityModel.QUOTA
                + ", no slot contention; " + String.format(Locale.ROOT, "%.2f h", unpaced.makespanHours())
                + ") against BigQuery's partitioned-table limits, each task's write counted when its query job ends: "
                + String.format(Locale.ROOT, "%,d", CapacityModel.TABLE_WRITES_PER_DAY) + " partition modifications per "
                + "table per day (unverified: the figure issue 15 gives; Google's page says a separate, fixed limit for "
                + "partitioned tables replaces the standard table's, "
                + "https://docs.cloud.google.com/bigquery/docs/optimize-load-jobs) and "
                + CapacityModel.TABLE_WRITES_PER_10S + " per 10 s (https://cloud.google.com/bigquery/quotas, "
                + "\"Partitioned tables\"), unpaced and with the production pacing of " + pacing + " dispatches per "
                + "10 s. The table-metadata update rate of " + CapacityModel.TABLE_UPDATES_PER_10S + " per 10 s per "
                + "table (an older copy of the quotas page: 1 every 2 s, \"insert, patch, update, jobs output\"; "
                + "unverified for today) is for tables that are not partitioned; every output table is partitioned by "
                + "day, and the column says which would exceed it if it applied.\n\n");
        md.append("| table | partitions written | most in 24 h | of " + String.format(Locale.ROOT, "%,d",
                CapacityModel.TABLE_WRITES_PER_DAY) + " a day | most in 10 s, unpaced | most in 10 s, paced at "
                + pacing + " | of " + CapacityModel.TABLE_WRITES_PER_10S + " per 10 s (paced) | above "
                + CapacityModel.TABLE_UPDATES_PER_10S + " per 10 s (paced) |\n|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Integer> e : perDay.entrySet()) {
            String table = e.getKey();
            int written = unpaced.writeTimes().get(table).size();
            int paced10 = paced10s.getOrDefault(table, 0);
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f%% | %d | %d | %.0f%% | %s |%n", table, written,
                    e.getValue(), 100.0 * e.getValue() / CapacityModel.TABLE_WRITES_PER_DAY, per10s.get(table), paced10,
                    100.0 * paced10 / CapacityModel.TABLE_WRITES_PER_10S,
                    paced10 > CapacityModel.TABLE_UPDATES_PER_10S ? "yes" : "no"));
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%d,%d,%.4f%n", table, written, e.getValue(),
                    (double) e.getValue() / CapacityModel.TABLE_WRITES_PER_DAY, per10s.get(table), paced10,
                    (double) paced10 / CapacityModel.TABLE_WRITES_PER_10S));
        }
        int mostPerDay = perDay.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        md.append(String.format(Locale.ROOT, "%nA backfill writes each (table, date) once, so no table gets more "
                + "partition writes in a day than the dates it covers (%,d here, %.1f%% of the daily limit), whatever "
                + "its speed; retries and replays add to it. Per 10 s it is the pacing that keeps every table under "
                + "%d.%n", mostPerDay, 100.0 * mostPerDay / CapacityModel.TABLE_WRITES_PER_DAY,
                CapacityModel.TABLE_WRITES_PER_10S));
        md.append(renderLineage(unpaced, paced, pacing));
        Results.write("4-capacity-model-tables.csv", csv.toString());
        return md.toString();
    }

    private static String renderLineage(SimulationResult unpaced, SimulationResult paced, int pacing) {
        Map<String, List<Long>> inserts = lineageInserts(unpaced);
        Map<String, List<Long>> pacedInserts = lineageInserts(paced);
        StringBuilder md = new StringBuilder();
        md.append("\n### Lineage as DML INSERT jobs (before the Storage Write API)\n\n");
        md.append("Lineage recording sends, per partition written, an INSERT of its reads into `" + READS + "` and of its "
                + "`begun` row into `" + LINEAGE + "` before the write, and an INSERT of its `written` row after "
                + "(`LineageStore`; `BigQueryWarehouse` ran them as query jobs; it now appends these rows through the "
                + "Storage Write API: the same counts are AppendRows requests, 0 DML). Counted at the task's start and end "
                + "in the backfill above, against " + CapacityModel.DML_PER_10S + " DML statements per table per 10 s "
                + "(unverified) and the first " + String.format(Locale.ROOT, "%,d", CapacityModel.INSERTS_AT_ONCE_PER_DAY)
                + " INSERTs on a table in 24 h that run at once (later ones 10 at a time, at most 100 queued: "
                + "https://cloud.google.com/bigquery/docs/data-manipulation-language#insert_dml_concurrency):\n\n");
        md.append("| table | INSERT jobs | most in 24 h | x the 1,500 that run at once | most in 10 s, unpaced | most in "
                + "10 s, paced at " + pacing + " | x the 25 per 10 s (paced) |\n|---|---|---|---|---|---|---|\n");
        for (String table : List.of(LINEAGE, READS)) {
            List<Long> times = inserts.get(table);
            int day = BusiestTable.maxInWindow(times, BusiestTable.ONE_DAY);
            int paced10 = BusiestTable.maxInWindow(pacedInserts.get(table), BusiestTable.TEN_SECONDS);
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1fx | %d | %d | %.1fx |%n", table, times.size(), day,
                    (double) day / CapacityModel.INSERTS_AT_ONCE_PER_DAY,
                    BusiestTable.maxInWindow(times, BusiestTable.TEN_SECONDS), paced10,
                    (double) paced10 / CapacityModel.DML_PER_10S));
        }
        md.append("\n");
        for (String table : List.of(LINEAGE, READS)) {
            List<Long> times = new ArrayList<>(inserts.get(table));
            times.sort(null);
            md.append(times.size() <= CapacityModel.INSERTS_AT_ONCE_PER_DAY ? "`" + table + "` stays within the "
                    + "INSERTs that run at once. " : String.format(Locale.ROOT, "`%s` would use up the %,d INSERTs that "
                    + "run at once %.1f min into the backfill. ", table, CapacityModel.INSERTS_AT_ONCE_PER_DAY,
                    times.get(CapacityModel.INSERTS_AT_ONCE_PER_DAY) / 60_000.0));
        }
        md.append("Every output table's writes share the two lineage tables, so pacing per output table does not "
                + "bound them: hence the Storage Write path, built (docs/lineage-on-bigquery.md has the counts for the "
                + "four-season run and the limits it meets instead).\n");
        return md.toString();
    }
}
