package fullcourt.engine.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A phase service's worker settings. */
@ConfigMapping(prefix = "fullcourt.worker")
public interface WorkerConfig {

    /** Build-time switch: whether this application contains a worker at all (the coordinator alone does not). */
    @WithDefault("false")
    boolean enabled();

    /** Phases this process serves (3..6); the all-in-one launcher serves all four. */
    @WithDefault("3,4,5,6")
    List<Integer> phases();

    /**
     * Dates processed at once. Sized for the warehouse: each running task holds a query slot.
     * Also the Pub/Sub flow control of the work channel (messages leased, not yet acked).
     */
    @WithDefault("4")
    int workers();

    /**
     * Task deadline of a processor whose catalog entry declares none ({@code "deadline"}); the running query is
     * cancelled and the attempt retried after it.
     */
    @WithDefault("10m")
    Duration deadline();

    /**
     * Task deadlines per processor that take precedence over the catalog's, e.g.
     * {@code fullcourt.worker.deadlines.player_game_summary=20s} (drills; an operator cutting one processor's hung
     * queries short). Empty by default.
     */
    Map<String, Duration> deadlines();

    /**
     * How long an attempt runs before its worker reports it STARTED. Most attempts end sooner: their end event then
     * carries their start ({@code startedAt}) and the coordinator writes the STARTED row from it, so a task is one
     * message less for Pub/Sub and the coordinator's intake, with the same ledger rows (a STARTED message cost about
     * 3.5% of the four-season run, bench/REPORT.md section 6, thirteenth session). A longer attempt is reported
     * STARTED once it passes this (its task shows RUNNING, not DISPATCHED); {@code 0s} reports every attempt STARTED
     * before it runs, as workers before this setting did.
     */
    @WithDefault("1s")
    Duration startedAfter();

    /**
     * At shutdown (Ctrl-C, SIGTERM), how long the tasks in hand may take to finish before they are
     * cancelled; a cancelled task's message is not acked, so it runs again after the restart.
     */
    @WithDefault("20s")
    Duration drainTimeout();

    /**
     * Whether every partition write records its lineage (what it read, its version and fingerprint; see
     * {@code fullcourt.engine.lineage}). Off only to measure what lineage costs (bench/): without it, staleness and
     * early cutoff have nothing to go on and every partition written is reported stale.
     */
    @WithDefault("true")
    boolean lineage();

    /**
     * Whether this process makes every lineage write to its warehouse (the all-in-one, whose DuckDB file no other
     * process can open): the latest write of each upstream partition is then kept in memory, read once per processor
     * and updated by this process's own writes, instead of read from {@code ops.partition_lineage} before every write.
     * Never where other processes write lineage to the same warehouse (the phase services on BigQuery).
     */
    @WithDefault("false")
    boolean soleLineageWriter();
}
