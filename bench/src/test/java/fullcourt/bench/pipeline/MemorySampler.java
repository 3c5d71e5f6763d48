package fullcourt.bench.pipeline;

import fullcourt.engine.warehouse.Warehouse;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's memory once a second while a run goes: its resident set ({@code VmRSS} of /proc/self/status) and what
 * the JVM and DuckDB say they hold, so that the peak can be split into its parts. Linux only (the RSS figures read 0
 * elsewhere).
 */
final class MemorySampler implements AutoCloseable {

    /**
     * One sample, bytes. {@code duckdbTags}: DuckDB's buffer-managed memory by tag ({@code duckdb_memory()}), which
     * does not count DuckDB's other allocations; the emulator is this JVM's child process, counted apart.
     */
    record Sample(long atMs, long rss, long heapUsed, long heapCommitted, long nonHeapCommitted, long direct,
                  long mapped, long duckdb, Map<String, Long> duckdbTags, long emulatorRss) {

        /** What none of the JVM's own pools account for: DuckDB, thread stacks, GC and JIT structures, malloc arenas. */
        long nativeRest() {
            return rss - heapCommitted - nonHeapCommitted - direct - mapped;
        }

        /** The native rest without DuckDB's buffer-managed memory. */
        long otherNative() {
            return nativeRest() - duckdb;
        }
    }

    private final Warehouse warehouse;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-memory-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final long start = System.nanoTime();
    private long hwmAtClose;

    private MemorySampler(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Samples now and then every second until closed. */
    static MemorySampler start(Warehouse warehouse) {
        MemorySampler s = new MemorySampler(warehouse);
        s.timer.scheduleAtFixedRate(s::sample, 0, 1, TimeUnit.SECONDS);
        return s;
    }

    private void sample() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long direct = 0;
        long mapped = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
            } else if (pool.getName().equals("mapped")) {
                mapped = pool.getMemoryUsed();
            }
        }
        Map<String, Long> tags = new TreeMap<>();
        try {
            for (Map<String, Object> r : warehouse.query("SELECT tag, memory_usage_bytes AS b FROM duckdb_memory()"
                    + " WHERE memory_usage_bytes > 0", Map.of())) {
                tags.put((String) r.get("tag"), ((Number) r.get("b")).longValue());
            }
        } catch (RuntimeException closing) {
            // the warehouse closes with the application: the last sample then goes without DuckDB's figures
        }
        long emulator = ProcessHandle.current().descendants()
                .mapToLong(p -> statusBytes(Path.of("/proc", Long.toString(p.pid()), "status"), "VmRSS")).sum();
        Sample s = new Sample((System.nanoTime() - start) / 1_000_000, statusBytes(self(), "VmRSS"),
                memory.getHeapMemoryUsage().getUsed(), memory.getHeapMemoryUsage().getCommitted(),
                memory.getNonHeapMemoryUsage().getCommitted(), direct, mapped,
                tags.values().stream().mapToLong(Long::longValue).sum(), tags, emulator);
        synchronized (samples) {
            samples.add(s);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        hwmAtClose = statusBytes(self(), "VmHWM");
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The sample of the largest resident set. */
    Sample peak() {
        return samples().stream().max(java.util.Comparator.comparingLong(Sample::rss)).orElseThrow();
    }

    /** The kernel's peak resident set of this process since it started ({@code VmHWM}), read at close. */
    long highWaterMark() {
        return hwmAtClose;
    }

    /** DuckDB's memory_limit setting, as DuckDB prints it. */
    String duckdbMemoryLimit() {
        return String.valueOf(warehouse.query("SELECT current_setting('memory_limit') AS l", Map.of()).get(0).get("l"));
    }

    private static Path self() {
        return Path.of("/proc/self/status");
    }

    /** A {@code kB} field of a /proc status file, in bytes; 0 when there is none. */
    static long statusBytes(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // not Linux, or the process ended between listing and reading
        }
        return 0;
    }
}
