package fullcourt.bench.capacity;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The coordinator's ledger writer on a virtual clock ({@code coordinator/ledger/LedgerWriter}): one thread appends the
 * batches the loop hands over, one at a time in order, each taking {@code appendMillis}; at most {@code capacity}
 * batches wait, and handing over one more holds the loop until the oldest waiting batch starts. Capacity 0 is a loop
 * that waits on every append until it is durable (the coordinator before the writer had a thread of its own).
 */
public final class SimulatedLedgerWriter {

    /** Batches that may wait in the coordinator's writer ({@code RunBook.PENDING_BATCHES}). */
    public static final int COORDINATOR_CAPACITY = 8;

    private final long appendMillis;
    private final int capacity;
    /** When each batch handed over and not yet started starts. */
    private final Deque<Double> waitingStarts = new ArrayDeque<>();
    private double free;
    private int batches;
    private double loopWaitedMillis;

    public SimulatedLedgerWriter(long appendMillis, int capacity) {
        if (appendMillis < 0 || capacity < 0) {
            throw new IllegalArgumentException("append time and capacity must not be negative");
        }
        this.appendMillis = appendMillis;
        this.capacity = capacity;
    }

    /** Appends that take no time: the loop never waits (the model as it was before appends had a latency). */
    public static SimulatedLedgerWriter instant() {
        return new SimulatedLedgerWriter(0, COORDINATOR_CAPACITY);
    }

    /** Hands a batch over at {@code at}; returns when the loop goes on (later than {@code at} when it had to wait). */
    public double handOver(double at) {
        double loop = at;
        while (!waitingStarts.isEmpty() && waitingStarts.peekFirst() <= loop) {
            waitingStarts.removeFirst();
        }
        if (capacity > 0 && waitingStarts.size() >= capacity) {
            loop = waitingStarts.removeFirst();
        }
        double start = Math.max(loop, free);
        free = start + appendMillis;
        batches++;
        if (capacity == 0) {
            loop = free;
        } else if (start > loop) {
            waitingStarts.addLast(start);
        }
        loopWaitedMillis += loop - at;
        return loop;
    }

    /** Hands a batch over at {@code at} and waits until it is durable (rows the loop acts on only once written). */
    public double appendAndWait(double at) {
        double loop = handOver(at);
        loopWaitedMillis += free - loop;
        return free;
    }

    public long appendMillis() {
        return appendMillis;
    }

    public int capacity() {
        return capacity;
    }

    public int batches() {
        return batches;
    }

    /** Time the loop spent held by the writer: waiting for room, or for its append with capacity 0. */
    public double loopWaitedMillis() {
        return loopWaitedMillis;
    }
}
