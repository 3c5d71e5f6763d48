package fullcourt.coordinator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The coordinator's knobs. */
@ConfigMapping(prefix = "fullcourt.coordinator")
public interface CoordinatorConfig {

    /**
     * Tasks in flight at once across all runs: the warehouse's concurrent-query quota (BigQuery:
     * 100 per project) minus headroom. Per-processor limits come from the catalog.
     */
    @WithDefault("16")
    int globalInFlight();

    /**
     * Dispatches per output table in any 10 s, across all runs, or 0 for no pacing (DuckDB has no such limit). BigQuery
     * allows 50 partition modifications per 10 s per partitioned table and every task writes one partition; the
     * production profile keeps headroom below 50 because a write lands a query's duration after its dispatch (see
     * {@code dispatch.TablePacing} and README "Partition writes per table" under Production).
     */
    @WithName("table-dispatches-per-10s")
    @WithDefault("0")
    int tableDispatchesPer10s();

    /** How the global in-flight limit adapts to quota errors (see {@code AdaptiveLimit}). */
    Adaptive adaptive();

    /** AIMD on the global in-flight limit: multiplied down on quota errors, then up by one per run of successes. */
    interface Adaptive {
        /** Whether quota errors (ATTEMPT_FAILED with errorKind QUOTA) lower the limit at all. */
        @WithDefault("true")
        boolean enabled();

        /** Factor applied to the limit on a quota error (floor 1). */
        @WithDefault("0.5")
        double decreaseFactor();

        /** Successes since the last change that raise the limit by one, up to global-in-flight. */
        @WithDefault("5")
        int increaseAfter();

        /** At most one decrease per this interval: errors of tasks sent under the old limit say nothing new. */
        @WithDefault("5s")
        java.time.Duration cooldown();
    }

    /** The dashboard's throughput and in-flight charts (see {@code activity.ActivitySampler}). */
    Activity activity();

    /** Sampling of the scheduler's counters, kept in memory as a ring. */
    interface Activity {
        /** How often a sample is taken. */
        @WithDefault("5s")
        Duration sampleInterval();

        /** How many samples are kept (720 x 5 s: the last hour). */
        @WithDefault("720")
        int samplesKept();
    }

    /** Longest date range a request may cover, in days. */
    @WithDefault("2000")
    int maxRangeDays();

    /** Longest explicit date list a request may carry. */
    @WithDefault("2000")
    int maxDates();

    /**
     * The platform's time zone: relative request dates ({@code today}, {@code yesterday}, {@code today-N}) count its
     * calendar days, so a scheduler message sent at 23:30 in New York (04:30 UTC) still means that evening's day.
     */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** How announcements of new or corrected raw data ({@code raw-updates}) become stale runs. */
    RawUpdates rawUpdates();

    /** Coalescing of raw updates: a burst of announcements becomes one run. */
    interface RawUpdates {
        /** A burst becomes one run once no raw update came for this long. */
        @WithDefault("30s")
        Duration quietPeriod();

        /**
         * The longest a burst waits from its first message, so that a steady trickle (one message every few seconds
         * for an hour) still runs; default 10 x {@link #quietPeriod()}.
         */
        Optional<Duration> maxDelay();
    }

    /** The coordinator lease: one coordinator acts at a time (see {@code lease.CoordinatorLease}). */
    Lease lease();

    /** Timing of the coordinator lease in {@code ops.coordinator_lease}. */
    interface Lease {
        /**
         * How long a taken or renewed lease lasts: a killed holder's successor takes over at most this long after the
         * holder's last renewal, and a holder that could not renew for this long stands down.
         */
        @WithDefault("30s")
        Duration duration();

        /** How often the holder renews (a third of the duration: two renewals may fail before it runs out), and a standby retries. */
        @WithDefault("10s")
        Duration renewInterval();

        /** The lease's row: coordinators sharing a ledger share it. */
        @WithDefault("coordinator")
        String name();

        /**
         * Whether no other process can open this warehouse (an embedded DuckDB file, which its process locks): a
         * lease found unexpired at start was then left by a process that is gone, and is taken over at once instead
         * of waited out. Never on a shared warehouse (BigQuery).
         */
        @WithDefault("false")
        boolean soleProcess();
    }

    /**
     * How long one turn of the coordinator's loop may take before liveness reports it stuck: a
     * turn writes ledger rows and waits for publishes (60 s at most each), and the first one folds
     * the whole ledger.
     */
    @WithDefault("5m")
    java.time.Duration loopStallLimit();
}
