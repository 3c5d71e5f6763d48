package fullcourt.coordinator.ledger;

import fullcourt.coordinator.CoordinatorStopped;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Appends ledger batches on a thread of its own, so that the coordinator's loop goes on with its next turn while its
 * rows are written. One thread takes the batches in the order handed over; each batch is one all-or-nothing append
 * (a batch of task events' rows, should it fail, row by row: {@link IsolatingAppend}), so the ledger holds the rows the
 * loop produced in their order, up to the first that failed. The batches that waited while an append ran go together
 * in the next one (a commit per append is most of its cost), and one by one should that fail. After an append fails, nothing more is written: every
 * later batch fails ({@link LedgerBehind}) and {@code onFailure} is told that the loop's state is ahead of the ledger
 * and must be rebuilt from it (again at each batch handed over after that). At most {@code capacity} batches wait;
 * handing over one more waits for room.
 */
public final class LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    /** Rows appended in one go; each row's future completes once it is durable (or fails with why not). */
    private record Batch(List<LedgerEvent> rows, boolean isolating, List<CompletableFuture<Void>> written) {
    }

    private static final Batch STOP = new Batch(List.of(), false, List.of());

    private final Consumer<List<LedgerEvent>> append;
    private final Runnable onFailure;
    private final CoordinatorMetrics metrics;
    private final BlockingQueue<Batch> queue;
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    /**
     * @param append    one all-or-nothing append of rows in order ({@link TaskLedger#append}, fenced)
     * @param capacity  batches that may wait before handing over waits
     * @param onFailure told when an append failed and nothing more will be written (from the writer's thread), and
     *                  when a batch is handed over after that
     */
    public LedgerWriter(Consumer<List<LedgerEvent>> append, int capacity, CoordinatorMetrics metrics,
                        Runnable onFailure) {
        this.append = append;
        this.onFailure = onFailure;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "coordinator-ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands over rows to be written in one append; the future completes once they are durable, and fails with the
     * append's error, or {@link LedgerBehind} when an earlier append failed.
     *
     * @throws InvalidLedgerRow at once, nothing handed over, when a row is one the fold would refuse
     */
    public CompletableFuture<Void> append(List<LedgerEvent> rows) {
        rows.forEach(LedgerWriter::validate);
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!rows.isEmpty()) {
            handOver(new Batch(List.copyOf(rows), false, List.of(written)));
        } else {
            written.complete(null);
        }
        return written;
    }

    /**
     * Hands over rows each of which stands alone (one task event's row each): written in one append and, should that
     * fail, one by one ({@link IsolatingAppend}). Per row, a future: failed at once when the row is invalid (it is not
     * handed over), else as {@link #append}.
     */
    public List<CompletableFuture<Void>> appendEach(List<LedgerEvent> rows) {
        List<CompletableFuture<Void>> all = new ArrayList<>(rows.size());
        List<LedgerEvent> valid = new ArrayList<>(rows.size());
        List<CompletableFuture<Void>> handed = new ArrayList<>(rows.size());
        for (LedgerEvent row : rows) {
            CompletableFuture<Void> written = new CompletableFuture<>();
            try {
                validate(row);
                valid.add(row);
                handed.add(written);
            } catch (InvalidLedgerRow invalid) {
                written.completeExceptionally(invalid);
            }
            all.add(written);
        }
        if (!valid.isEmpty()) {
            handOver(new Batch(valid, true, handed));
        }
        return all;
    }

    /** Whether an append failed: nothing more is written, the state that produced the rows must be rebuilt. */
    public boolean failed() {
        return failure != null;
    }

    /**
     * Takes no more rows, writes those waiting (or fails them, after a failure) and waits up to {@code timeout}.
     * Called by the thread that hands over rows, or once it has stopped.
     */
    public void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (queue.offer(STOP, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("The ledger writer did not finish within %s; stopping it", timeout);
            thread.interrupt();
        }
    }

    private void handOver(Batch batch) {
        if (failure != null) {
            fail(batch, new LedgerBehind(failure));
            onFailure.run(); // the state is still ahead of the ledger (its rebuild has not succeeded yet)
            return;
        }
        if (closed) {
            fail(batch, new CoordinatorStopped());
            return;
        }
        metrics.ledgerQueued(queue.size());
        if (!queue.offer(batch)) {
            var waiting = metrics.begin();
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(batch, new CoordinatorStopped());
            } finally {
                metrics.ledgerQueueFull(waiting);
            }
        }
    }

    private void run() {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                drain(new CoordinatorStopped());
                return;
            }
            List<Batch> group = new ArrayList<>();
            boolean stop = false;
            for (Batch b = batch; b != null; b = stop ? null : queue.poll()) {
                if (b == STOP) {
                    stop = true;
                } else {
                    group.add(b);
                }
            }
            try {
                writeGroup(group);
            } catch (RuntimeException unexpected) {
                // the thread goes on, or every later batch would wait forever
                LOG.errorf(unexpected, "The ledger writer failed unexpectedly");
                failure = unexpected; // the next batch handed over asks for the rebuild
                group.forEach(b -> fail(b, unexpected));
            }
            if (stop) {
                return;
            }
        }
    }

    /**
     * The batches that waited, in one append when more than one did (one transaction where the writer fell behind, in
     * their order); should that fail, batch after batch, each as it would have been written alone.
     */
    private void writeGroup(List<Batch> group) {
        if (failure == null && group.size() > 1) {
            List<LedgerEvent> rows = new ArrayList<>();
            group.forEach(b -> rows.addAll(b.rows()));
            if (appendWhole(rows) == null) {
                group.forEach(b -> b.written().forEach(w -> w.complete(null)));
                return;
            }
        }
        for (Batch b : group) {
            if (failure != null) {
                fail(b, new LedgerBehind(failure));
            } else {
                write(b);
            }
        }
    }

    private void write(Batch batch) {
        List<RuntimeException> failures = batch.isolating()
                ? IsolatingAppend.each(batch.rows(), append)
                : Collections.singletonList(appendWhole(batch.rows()));
        RuntimeException first = null;
        for (int i = 0; i < batch.written().size(); i++) {
            RuntimeException f = failures.get(i);
            if (f == null) {
                batch.written().get(i).complete(null);
            } else {
                batch.written().get(i).completeExceptionally(f);
                first = first == null ? f : first;
            }
        }
        if (first != null) {
            failure = first;
            LOG.errorf("A ledger append failed; the coordinator writes nothing more until it has rebuilt its state from"
                    + " the ledger: %s", first.getMessage());
            onFailure.run();
        }
    }

    /** Null when written, else why not; a batch written whole fails as one. */
    private RuntimeException appendWhole(List<LedgerEvent> rows) {
        try {
            append.accept(rows);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void drain(RuntimeException why) {
        for (Batch b = queue.poll(); b != null; b = queue.poll()) {
            fail(b, why);
        }
    }

    private static void fail(Batch batch, RuntimeException why) {
        batch.written().forEach(w -> w.completeExceptionally(why));
    }

    private static void validate(LedgerEvent row) {
        List<String> problems = LedgerRows.problems(row);
        if (!problems.isEmpty()) {
            throw new InvalidLedgerRow(row, problems);
        }
    }

    /** An earlier append failed: this one was not tried, its message goes back to Pub/Sub while the state is rebuilt. */
    public static final class LedgerBehind extends CoordinatorStopped {

        LedgerBehind(RuntimeException cause) {
            super("the ledger is behind the coordinator's state (an earlier append failed: " + cause.getMessage()
                    + "); rebuilding from the ledger");
        }
    }
}
