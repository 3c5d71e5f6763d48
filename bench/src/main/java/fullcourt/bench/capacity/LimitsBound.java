package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A lower bound on the makespan of any schedule that keeps the dependencies, the global in-flight limit and each
 * processor's limit, from the tasks' durations. Each task has a head (its earliest start: the longest chain of
 * upstream work before it) and a tail (the longest chain of downstream work after it). For a set of tasks sharing a
 * limit m (all tasks under the global limit, or one processor's under its own), the tasks whose head is at least h
 * cannot start before h and need W / m of time on m slots (and at least the longest of them, a task being on one slot),
 * and the last of them to end still has its tail to run: the makespan is at least h + max(W / m, longest) + q for every
 * h and q, W the work of those with head >= h and tail >= q. With h = q = 0 this is total work / limit; for a task's own
 * head and tail, the longest chain through it. A third bound sums the capacity
 * the limits allow over time: processor p can hold its slots only between its earliest head and the makespan minus its
 * least tail, and never more than the global limit in all.
 */
public record LimitsBound(long globalMillis, long perProcessorMillis, String perProcessorBinding, long capacityMillis) {

    public long millis() {
        return Math.max(Math.max(globalMillis, perProcessorMillis), capacityMillis);
    }

    /** Which of the three bounds gives {@link #millis()}, in words. */
    public String binding() {
        if (millis() == perProcessorMillis) {
            return perProcessorBinding + "'s work over its limit, with its heads and tails";
        }
        return millis() == globalMillis ? "the global limit, with the heads and tails" : "the limits' capacity over time";
    }

    public static LimitsBound of(Map<TaskKey, List<TaskKey>> upstreams, ToLongFunction<TaskKey> millis, int globalLimit,
                                 ToLongFunction<String> processorLimit) {
        Map<TaskKey, List<TaskKey>> downstreams = new HashMap<>();
        upstreams.forEach((t, ups) -> ups.forEach(up -> downstreams.computeIfAbsent(up, k -> new ArrayList<>()).add(t)));
        Map<TaskKey, Long> heads = new HashMap<>();
        Map<TaskKey, Long> tails = new HashMap<>();
        Map<String, List<TaskKey>> byProcessor = new HashMap<>();
        for (TaskKey t : upstreams.keySet()) {
            longest(t, upstreams, millis, heads);
            longest(t, downstreams, millis, tails);
            byProcessor.computeIfAbsent(t.processor(), p -> new ArrayList<>()).add(t);
        }
        long global = headWorkTail(List.copyOf(upstreams.keySet()), heads, tails, millis, globalLimit);
        long perProcessor = 0;
        String binding = "";
        Map<String, long[]> window = new HashMap<>();
        for (Map.Entry<String, List<TaskKey>> e : byProcessor.entrySet()) {
            int limit = (int) processorLimit.applyAsLong(e.getKey());
            long b = headWorkTail(e.getValue(), heads, tails, millis, limit);
            if (b > perProcessor) {
                perProcessor = b;
                binding = e.getKey();
            }
            window.put(e.getKey(), new long[] {e.getValue().stream().mapToLong(heads::get).min().orElseThrow(),
                    e.getValue().stream().mapToLong(tails::get).min().orElseThrow(), limit});
        }
        long work = upstreams.keySet().stream().mapToLong(millis).sum();
        return new LimitsBound(global, perProcessor, binding, capacity(window.values(), work, globalLimit,
                Math.max(global, perProcessor)));
    }

    /**
     * Max over h, q of h + max(ceil(W / limit), the longest task) + q over the tasks with head >= h and tail >= q: for
     * each tail threshold, the tasks in order of head from the latest, adding each one's work. Quadratic in the tasks,
     * a few seconds at the platform's size.
     */
    static long headWorkTail(List<TaskKey> tasks, Map<TaskKey, Long> heads, Map<TaskKey, Long> tails,
                             ToLongFunction<TaskKey> millis, int limit) {
        int n = tasks.size();
        long[] head = new long[n];
        long[] tail = new long[n];
        long[] work = new long[n];
        Integer[] byHead = new Integer[n];
        for (int i = 0; i < n; i++) {
            TaskKey t = tasks.get(i);
            head[i] = heads.get(t);
            tail[i] = tails.get(t);
            work[i] = millis.applyAsLong(t);
            byHead[i] = i;
        }
        Arrays.sort(byHead, (a, b) -> Long.compare(head[b], head[a]));
        long best = 0;
        for (long q : Arrays.stream(tail).distinct().toArray()) {
            long w = 0;
            long longestTask = 0;
            for (int i : byHead) {
                if (tail[i] >= q) {
                    w += work[i];
                    longestTask = Math.max(longestTask, work[i]);
                    best = Math.max(best, head[i] + Math.max(LowerBound.ceilDiv(w, limit), longestTask) + q);
                }
            }
        }
        return best;
    }

    /**
     * The least makespan C (at least {@code from}) whose capacity covers the work: the integral over [0, C) of
     * min(global limit, the sum of the limits of the processors p with head_p <= t < C - tail_p), in milliseconds.
     */
    private static long capacity(Iterable<long[]> windows, long work, int globalLimit, long from) {
        long lo = from;
        long hi = Math.max(from, 1);
        while (capacityWithin(windows, hi, globalLimit) < work) {
            hi *= 2;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (capacityWithin(windows, mid, globalLimit) >= work) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Slot-milliseconds the limits allow within a makespan of {@code c}: a step function between the windows' ends. */
    private static double capacityWithin(Iterable<long[]> windows, long c, int globalLimit) {
        List<long[]> steps = new ArrayList<>();
        for (long[] w : windows) {
            long from = w[0];
            long to = c - w[1];
            if (to > from) {
                steps.add(new long[] {from, w[2]});
                steps.add(new long[] {to, -w[2]});
            }
        }
        steps.sort((a, b) -> Long.compare(a[0], b[0]));
        double total = 0;
        long level = 0;
        long at = 0;
        for (long[] s : steps) {
            total += (double) Math.min(level, globalLimit) * (s[0] - at);
            level += s[1];
            at = s[0];
        }
        return total;
    }

    /**
     * The longest chain of work along {@code edges} from t, t itself excluded (a head upstream, a tail downstream). The
     * recursion stays shallow: a few levels per date, and windows reach back in dates, never along a chain of the same
     * processor.
     */
    static long longest(TaskKey t, Map<TaskKey, List<TaskKey>> edges, ToLongFunction<TaskKey> millis,
                                Map<TaskKey, Long> memo) {
        Long known = memo.get(t);
        if (known != null) {
            return known;
        }
        long most = 0;
        for (TaskKey next : edges.getOrDefault(t, List.of())) {
            most = Math.max(most, longest(next, edges, millis, memo) + millis.applyAsLong(next));
        }
        memo.put(t, most);
        return most;
    }
}
