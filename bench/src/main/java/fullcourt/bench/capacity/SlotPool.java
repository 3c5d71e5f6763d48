package fullcourt.bench.capacity;

/**
 * BigQuery compute as the simulation sees it: a project's pool of {@code slots} shared by its running queries, each
 * of which wants {@code slotsPerQuery}. On-demand projects get at most 2,000 concurrent slots
 * (https://cloud.google.com/bigquery/quotas#max_concurrent_slots_on-demand), and slots are divided equally among the
 * jobs running in a project (https://cloud.google.com/bigquery/docs/query-queues, "Queuing behavior"). A task's
 * runbook duration is its time with all the slots it wants; when the running queries want more than the pool, each
 * gets pool / running and progresses at (its share / its demand), so its duration stretches by the same factor.
 */
public record SlotPool(int slots, int slotsPerQuery) {

    /** BigQuery's on-demand cap per project. */
    public static final int ON_DEMAND_SLOTS = 2_000;

    /** No contention: every query has its slots whatever runs beside it (the model before slots were counted). */
    public static final SlotPool UNLIMITED = new SlotPool(Integer.MAX_VALUE, 1);

    public SlotPool {
        if (slots < 1 || slotsPerQuery < 1) {
            throw new IllegalArgumentException("slots and slots per query must be at least 1, got " + slots + ", "
                    + slotsPerQuery);
        }
    }

    /** Fraction of full speed each of {@code running} equal queries gets: 1 while their demand fits the pool. */
    public double progressRate(int running) {
        long demand = (long) running * slotsPerQuery;
        return demand <= slots ? 1.0 : (double) slots / demand;
    }

    /** Slots in use while {@code running} queries run: their demand, or the whole pool when they want more. */
    public double slotsInUse(int running) {
        return running * slotsPerQuery * progressRate(running);
    }

    /** Queries that fit the pool at full speed, the in-flight limit beyond which durations stretch. */
    public int queriesAtFullSpeed() {
        return slots / slotsPerQuery;
    }
}
