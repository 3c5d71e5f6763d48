package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The least makespan any scheduler could reach with these task durations:
 * max(total work / global limit, total slot time / slot pool, longest dependency chain). Per-processor limits add a
 * further bound, max over processors of (its work / its limit), reported apart because the capacity model's targets
 * are stated against the others. {@link LimitsBound} counts the limits together with the dependencies: tighter, and the
 * one the per-date benchmark's target is stated against.
 */
public record LowerBound(long totalWorkMillis, int globalLimit, long slotBoundMillis, long longestChainMillis,
                         long perProcessorMillis, String perProcessorBinding, List<TaskKey> longestChain) {

    public long millis() {
        return Math.max(Math.max(ceilDiv(totalWorkMillis, globalLimit), slotBoundMillis), longestChainMillis);
    }

    public long withPerProcessorMillis() {
        return Math.max(millis(), perProcessorMillis);
    }

    public static LowerBound of(Map<TaskKey, List<TaskKey>> upstreams, ToLongFunction<TaskKey> millis, int globalLimit,
                                ToLongFunction<String> processorLimit) {
        return of(upstreams, millis, globalLimit, SlotPool.UNLIMITED, processorLimit);
    }

    /** With slots: every task holds {@code slots.slotsPerQuery()} for its duration, the pool holds the sum. */
    public static LowerBound of(Map<TaskKey, List<TaskKey>> upstreams, ToLongFunction<TaskKey> millis, int globalLimit,
                                SlotPool slots, ToLongFunction<String> processorLimit) {
        long total = 0;
        Map<String, Long> perProcessor = new HashMap<>();
        for (TaskKey t : upstreams.keySet()) {
            long m = millis.applyAsLong(t);
            total += m;
            perProcessor.merge(t.processor(), m, Long::sum);
        }
        Map<TaskKey, Long> heads = new HashMap<>();
        Map<TaskKey, Long> finish = new HashMap<>();
        long chain = 0;
        TaskKey last = null;
        for (TaskKey t : upstreams.keySet()) {
            long f = LimitsBound.longest(t, upstreams, millis, heads) + millis.applyAsLong(t);
            finish.put(t, f);
            if (last == null || f > chain) {
                chain = f;
                last = t;
            }
        }
        String binding = "";
        long perBound = 0;
        for (Map.Entry<String, Long> e : perProcessor.entrySet()) {
            long b = ceilDiv(e.getValue(), processorLimit.applyAsLong(e.getKey()));
            if (b > perBound) {
                perBound = b;
                binding = e.getKey();
            }
        }
        long slotBound = (long) Math.ceil((double) total * slots.slotsPerQuery() / slots.slots());
        return new LowerBound(total, globalLimit, slotBound, chain, perBound, binding, chainEndingAt(last, upstreams, finish));
    }

    /** The longest chain, first task first: from its last task back through the upstream that finishes last. */
    private static List<TaskKey> chainEndingAt(TaskKey last, Map<TaskKey, List<TaskKey>> upstreams, Map<TaskKey, Long> finish) {
        List<TaskKey> chain = new ArrayList<>();
        for (TaskKey t = last; t != null; ) {
            chain.add(t);
            TaskKey latest = null;
            for (TaskKey up : upstreams.getOrDefault(t, List.of())) {
                if (latest == null || finish.get(up) > finish.get(latest)) {
                    latest = up;
                }
            }
            t = latest;
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
