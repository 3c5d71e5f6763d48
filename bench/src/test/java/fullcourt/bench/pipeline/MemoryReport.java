package fullcourt.bench.pipeline;

import fullcourt.bench.Results;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Section 8: the all-in-one's peak resident set during a pipeline run and what makes it up, from a
 * {@link MemorySampler}: {@code 8-memory-<name>.md}, the peak as JSON and every sample as CSV.
 */
final class MemoryReport {

    /** The ceiling for the all-in-one's resident set. */
    static final long TARGET_BYTES = 2L << 30;

    private MemoryReport() {
    }

    static void write(String name, String what, MemorySampler memory) {
        List<MemorySampler.Sample> samples = memory.samples();
        MemorySampler.Sample peak = memory.peak();
        long hwm = Math.max(memory.highWaterMark(), peak.rss());
        Map<String, Long> parts = Map.of("Java heap (committed)", peak.heapCommitted(),
                "JVM non-heap (metaspace, code cache; committed)", peak.nonHeapCommitted(),
                "direct and mapped buffers", peak.direct() + peak.mapped(),
                "DuckDB's buffer-managed memory", peak.duckdb(),
                "other native memory (DuckDB's own allocations, thread stacks, GC/JIT structures, malloc)",
                peak.otherNative());
        String dominant = parts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String tags = peak.duckdbTags().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .map(e -> e.getKey() + " " + mib(e.getValue())).collect(Collectors.joining(", "));
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## 8. Memory of the all-in-one: %s%n%n"
                + "This JVM (the application under test with Maven's test harness around it; no -Xmx, as the run command) "
                + "sampled every second over the backfill (%d samples): its resident set (`VmRSS` of /proc/self/status), "
                + "the JVM's own pools (`MemoryMXBean`, `BufferPoolMXBean`) and DuckDB's buffer-managed memory "
                + "(`duckdb_memory()`; memory_limit %s). The Pub/Sub emulator is a child process, counted apart.%n%n"
                + "| measure | at the peak sample | largest sampled |%n|---|---|---|%n"
                + "| resident set (RSS) | **%s** | %s (kernel high-water mark `VmHWM`: **%s**) |%n",
                what, samples.size(), memory.duckdbMemoryLimit(), mib(peak.rss()), mib(max(samples, MemorySampler.Sample::rss)),
                mib(hwm)));
        row(md, "Java heap used", peak.heapUsed(), max(samples, MemorySampler.Sample::heapUsed));
        row(md, "Java heap committed", peak.heapCommitted(), max(samples, MemorySampler.Sample::heapCommitted));
        row(md, "JVM non-heap committed", peak.nonHeapCommitted(), max(samples, MemorySampler.Sample::nonHeapCommitted));
        row(md, "direct + mapped buffers", peak.direct() + peak.mapped(), max(samples, s -> s.direct() + s.mapped()));
        row(md, "DuckDB buffer-managed memory", peak.duckdb(), max(samples, MemorySampler.Sample::duckdb));
        row(md, "native rest = RSS - heap committed - non-heap - buffers", peak.nativeRest(),
                max(samples, MemorySampler.Sample::nativeRest));
        row(md, "- of which not DuckDB's buffer-managed memory", peak.otherNative(),
                max(samples, MemorySampler.Sample::otherNative));
        row(md, "Pub/Sub emulator (child process) RSS", peak.emulatorRss(), max(samples, MemorySampler.Sample::emulatorRss));
        md.append(String.format(Locale.ROOT, "%nAt the peak (%.0f s into the run) the largest part is **%s**; DuckDB's "
                + "tags then: %s. Target: the all-in-one's peak RSS under 2 GiB: %s (%s). DuckDB's buffer pool may grow "
                + "to its memory_limit (%s; DuckDB's default is 80%% of RAM), so nothing but a lower limit bounds that "
                + "part as the warehouse grows.%n", peak.atMs() / 1000.0, dominant, tags.isEmpty() ? "none" : tags,
                mib(hwm), hwm < TARGET_BYTES ? "met" : "MISSED", memory.duckdbMemoryLimit()));
        Results.write("8-memory-" + name + ".md", md.toString());
        Results.write("8-memory-" + name + ".json", String.format(Locale.ROOT, "{\"samples\": %d, \"vm_hwm\": %d, "
                + "\"peak\": {\"at_ms\": %d, \"rss\": %d, \"heap_used\": %d, \"heap_committed\": %d, "
                + "\"non_heap_committed\": %d, \"direct\": %d, \"mapped\": %d, \"duckdb\": %d, \"native_rest\": %d, "
                + "\"other_native\": %d, \"emulator_rss\": %d}, \"dominant\": \"%s\"}%n", samples.size(), hwm,
                peak.atMs(), peak.rss(), peak.heapUsed(), peak.heapCommitted(), peak.nonHeapCommitted(), peak.direct(), peak.mapped(),
                peak.duckdb(), peak.nativeRest(), peak.otherNative(), peak.emulatorRss(), dominant));
        StringBuilder csv = new StringBuilder("at_ms,rss,heap_used,heap_committed,non_heap_committed,direct,mapped,duckdb,"
                + "emulator_rss\n");
        samples.stream().sorted(Comparator.comparingLong(MemorySampler.Sample::atMs)).forEach(s -> csv.append(
                String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d,%d,%d%n", s.atMs(), s.rss(), s.heapUsed(),
                        s.heapCommitted(), s.nonHeapCommitted(), s.direct(), s.mapped(), s.duckdb(), s.emulatorRss())));
        Results.write("8-memory-" + name + ".csv", csv.toString());
    }

    private static void row(StringBuilder md, String label, long atPeak, long largest) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", label, mib(atPeak), mib(largest)));
    }

    private static long max(List<MemorySampler.Sample> samples, ToLongFunction<MemorySampler.Sample> f) {
        return samples.stream().mapToLong(f).max().orElse(0);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }
}
