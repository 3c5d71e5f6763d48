package fullcourt.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings every Fullcourt service shares: where the catalog and the warehouse are. */
@ConfigMapping(prefix = "fullcourt")
public interface EngineConfig {

    /** The processor catalog: {@code classpath:NAME} or a file path. */
    @WithDefault("classpath:fullcourt-catalog.json")
    String catalog();

    /** Warehouse settings. */
    Warehouse warehouse();

    /** Warehouse knobs. */
    interface Warehouse {
        /** {@code duckdb} (embedded, the default) or {@code bigquery} (production). */
        @WithDefault("duckdb")
        String backend();

        /** DuckDB database file ({@code :memory:} for a throwaway one). */
        @WithDefault("data/fullcourt.duckdb")
        String duckdbPath();

        /**
         * The most memory DuckDB's buffer manager may hold (its {@code memory_limit}: {@code 1GB}, {@code 512MB}, or
         * {@code default} for DuckDB's own default, 80% of the machine's RAM). Beyond it DuckDB evicts pages of the
         * database file and spills to temporary files instead of growing. A limit too low fails statements
         * (retried); 512MB was too low for one season (bench/REPORT.md section 6).
         */
        @WithDefault("default")
        String duckdbMemoryLimit();

        /**
         * DuckDB's threads ({@code threads}), or 0 for DuckDB's own (one per core). A worker runs one statement per
         * task on the task's thread, several tasks at once: on 2 cores, 1 thread is 15% less CPU for the same run than
         * DuckDB's 2 (bench/REPORT.md section 6, sixth session). Raise it where few large statements run at a time.
         */
        @WithDefault("1")
        int duckdbThreads();

        /**
         * A wait added to every query a processor runs, to model BigQuery's seconds per query on a
         * small machine (benchmarks): {@code off}, {@code 2s}, or a range {@code 1s..4s} drawn per query.
         */
        @WithDefault("off")
        String latency();

        /** BigQuery settings, used when the backend is {@code bigquery}. */
        BigQuery bigquery();
    }

    /** BigQuery knobs. */
    interface BigQuery {
        /** Project holding the datasets raw, analytics, precompute, predictions, publishing, ops. */
        java.util.Optional<String> projectId();

        /** Dataset location, e.g. {@code US}. */
        @WithDefault("US")
        String location();

        /** Attempts on rateLimitExceeded/backendError before the task is nacked. */
        @WithDefault("5")
        int maxAttempts();

        /** First backoff between attempts; doubled each time up to 32 s. */
        @WithDefault("1s")
        java.time.Duration initialBackoff();

        /** How often a running query job is polled. */
        @WithDefault("500ms")
        java.time.Duration pollInterval();

        /**
         * Partition writes this process starts per table and 10 s. BigQuery allows 50 modifications per 10 s per
         * partitioned table; a table is written by one phase service, so 12 keeps up to 4 instances under it.
         */
        @WithName("partition-writes-per-10s") // as documented; the derived name would be partition-writes-per10s
        @WithDefault("12")
        int partitionWritesPer10s();
    }
}
