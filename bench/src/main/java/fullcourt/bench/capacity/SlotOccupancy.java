package fullcourt.bench.capacity;

import java.util.Collection;
import java.util.Locale;

/**
 * How full the global limit's slots were over a run, second by second: each task holds a slot over an interval (live,
 * from its dispatch to its result's ledger row), and the run's span splits into the ramp (before the first full
 * second), the full seconds, the dips (seconds not full between the first and the last full one) and the tail (after
 * the last full second). A second is full when it held at least 95% of the limit on average. The slot time lost per
 * task is the time a slot was held beyond the task's own work (the engine's hand-offs).
 */
public record SlotOccupancy(int limit, double[] perSecond, double slotSeconds, double workSeconds, int tasks) {

    /** A second at this share of the limit counts as full: a slot freed and refilled within it is not a dip. */
    public static final double FULL_SHARE = 0.95;

    /** One task's slot, in milliseconds from any common origin. */
    public record Interval(long startMillis, long endMillis) {
    }

    public static SlotOccupancy of(Collection<Interval> slots, long workMillis, int limit) {
        long origin = slots.stream().mapToLong(Interval::startMillis).min().orElse(0);
        long last = slots.stream().mapToLong(Interval::endMillis).max().orElse(origin);
        double[] perSecond = new double[(int) ((last - origin + 999) / 1000)];
        double held = 0;
        for (Interval i : slots) {
            held += i.endMillis() - i.startMillis();
            for (long at = i.startMillis() - origin; at < i.endMillis() - origin; ) {
                int second = (int) (at / 1000);
                long upTo = Math.min(i.endMillis() - origin, (second + 1) * 1000L);
                perSecond[second] += (upTo - at) / 1000.0;
                at = upTo;
            }
        }
        return new SlotOccupancy(limit, perSecond, held / 1000, workMillis / 1000.0, slots.size());
    }

    public boolean full(int second) {
        return perSecond[second] >= FULL_SHARE * limit;
    }

    /** The first full second, or the span when none was full. */
    public int firstFull() {
        for (int s = 0; s < perSecond.length; s++) {
            if (full(s)) {
                return s;
            }
        }
        return perSecond.length;
    }

    /** One past the last full second, or the span when none was full. */
    public int endOfLastFull() {
        for (int s = perSecond.length - 1; s >= 0; s--) {
            if (full(s)) {
                return s + 1;
            }
        }
        return perSecond.length;
    }

    public int fullSeconds() {
        int n = 0;
        for (int s = 0; s < perSecond.length; s++) {
            n += full(s) ? 1 : 0;
        }
        return n;
    }

    /** Seconds not full between the first full second and the last. */
    public int dipSeconds() {
        return Math.max(0, endOfLastFull() - firstFull() - fullSeconds());
    }

    public int tailSeconds() {
        return perSecond.length - endOfLastFull();
    }

    /** Slot-seconds left idle in seconds [from, to): the limit's capacity minus what was held. */
    public double idleSlotSeconds(int from, int to) {
        double idle = 0;
        for (int s = from; s < to; s++) {
            idle += Math.max(0, limit - perSecond[s]);
        }
        return idle;
    }

    /** A slot held beyond its task's work, on average per task, in milliseconds. */
    public double heldBeyondWorkMillisPerTask() {
        return tasks == 0 ? 0 : (slotSeconds - workSeconds) * 1000 / tasks;
    }

    /** One paragraph: the span's parts, the idle slot time in each, and the hand-off per task. */
    public String describe() {
        int ramp = firstFull();
        int end = endOfLastFull();
        return String.format(Locale.ROOT, "slots held %.0f s over a span of %d s (mean %.1f of %d); ramp-up %d s to the"
                        + " first full second (>= %.0f%% held; %.0f slot-s idle), full %d s, dips %d s between (%.0f slot-s"
                        + " idle), tail %d s after the last full second (%.0f slot-s idle); a slot held %.0f ms beyond its"
                        + " task's work per task (%.0f s of slot time over %.0f s of work, %d tasks)",
                slotSeconds, perSecond.length, perSecond.length == 0 ? 0 : slotSeconds / perSecond.length, limit, ramp,
                FULL_SHARE * 100, idleSlotSeconds(0, Math.min(ramp, perSecond.length)), fullSeconds(), dipSeconds(),
                idleSlotSeconds(Math.min(ramp, end), end), tailSeconds(), idleSlotSeconds(end, perSecond.length),
                heldBeyondWorkMillisPerTask(), slotSeconds, workSeconds, tasks);
    }
}
