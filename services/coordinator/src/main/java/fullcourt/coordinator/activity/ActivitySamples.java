package fullcourt.coordinator.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's recent activity as a ring of samples of fixed size: tasks finished per second by phase since
 * the sample before, and tasks in flight against the global limit (the adaptive limit's sawtooth under quota
 * errors). Each sample costs a few counters read from the scheduler, never a pass over tasks or the ledger.
 */
public final class ActivitySamples {

    /**
     * What the scheduler's counters say at one instant; {@code source} tells one scheduler from the next;
     * {@code limitLow} and {@code limitHigh} are the lowest and highest the limit was since the reading before.
     */
    public record Reading(int source, Map<Integer, Long> finishedPerPhase, int inFlight, int limit, int limitLow,
                          int limitHigh) {
    }

    /**
     * One sample. {@code tasksPerSecond} is empty for the first sample of a scheduler (a start or a takeover
     * folds the whole ledger into its counters: no rate to tell from that). {@code limitLow} and {@code limitHigh}
     * are the lowest and highest the limit was since the sample before (its value then included): under quota
     * errors it falls and recovers within seconds, which samples taken seconds apart would miss.
     */
    public record Sample(Instant at, Map<Integer, Double> tasksPerSecond, int inFlight, int limit, int limitLow,
                         int limitHigh, int configured) {
    }

    private final int capacity;
    private final ArrayDeque<Sample> ring;
    private Instant lastAt;
    private Reading last;

    public ActivitySamples(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one sample must be kept, got " + capacity);
        }
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(capacity);
    }

    /** Adds the sample of {@code reading} taken at {@code at}, dropping the oldest when the ring is full. */
    public synchronized Sample record(Instant at, Reading reading, int configured) {
        Map<Integer, Double> rates = new TreeMap<>();
        if (last != null && last.source() == reading.source() && at.isAfter(lastAt)) {
            double seconds = Duration.between(lastAt, at).toNanos() / 1e9;
            reading.finishedPerPhase().forEach((phase, finished) ->
                    rates.put(phase, (finished - last.finishedPerPhase().getOrDefault(phase, 0L)) / seconds));
        }
        Sample sample = new Sample(at, Map.copyOf(rates), reading.inFlight(), reading.limit(), reading.limitLow(),
                reading.limitHigh(), configured);
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(sample);
        lastAt = at;
        last = reading;
        return sample;
    }

    /** When the latest sample was taken; null before the first. */
    public synchronized Instant lastAt() {
        return lastAt;
    }

    /** The samples kept taken after {@code after} (all when null), oldest first. */
    public synchronized List<Sample> after(Instant after) {
        return ring.stream().filter(s -> after == null || s.at().isAfter(after)).toList();
    }

    public int capacity() {
        return capacity;
    }
}
