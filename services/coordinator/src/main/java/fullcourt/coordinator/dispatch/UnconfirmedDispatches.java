package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.engine.logging.TaskMdc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * DateWork published whose DISPATCHED rows are not handed to the ledger yet. A row goes to the ledger when Pub/Sub
 * confirms its publish, or just ahead of the first row of the same dispatch if that comes first (a worker's event can
 * overtake the confirmation), never earlier: so the ledger holds no DISPATCHED row of work Pub/Sub did not take, and
 * no row of a task ahead of its DISPATCHED row. Confirmations arrive on Pub/Sub's threads; those that gather are
 * handled together in one turn of the loop ({@link #settle}). Everything else is called on the loop.
 */
final class UnconfirmedDispatches {

    private static final Logger LOG = Logger.getLogger(UnconfirmedDispatches.class);

    /** A dispatch published, and the DISPATCHED row it waits to hand over. */
    record Sent(Dispatch dispatch, LedgerEvent row) {
    }

    /** What the confirmations that arrived said: rows to hand over, and dispatches whose DateWork was not taken. */
    record Settled(List<Sent> confirmed, List<Dispatch> failed) {
    }

    private record Outcome(Sent sent, Throwable failure) {
    }

    private record Key(String runId, TaskKey task) {
    }

    private final Map<Key, Sent> waiting = new HashMap<>();
    /** Publishes not answered yet, each until its outcome is in {@link #arrived}. */
    private final Set<CompletableFuture<Void>> unanswered = ConcurrentHashMap.newKeySet();
    private final Queue<Outcome> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean turnQueued = new AtomicBoolean();
    private final Executor loop;
    private final Runnable turn;

    /**
     * @param loop   runs a turn (the coordinator's loop thread)
     * @param settle the turn that handles the confirmations arrived: it calls {@link #settle}
     */
    UnconfirmedDispatches(Executor loop, Runnable settle) {
        this.loop = loop;
        this.turn = () -> {
            // cleared before settling: a confirmation arriving from here on queues another turn, never waits unseen
            turnQueued.set(false);
            settle.run();
        };
    }

    /** {@code sent}'s row waits for {@code publish}, which completes on any thread once Pub/Sub answered. */
    void sent(Sent sent, CompletableFuture<Void> publish) {
        waiting.put(key(sent.row()), sent);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        unanswered.add(answered);
        publish.whenComplete((ok, failure) -> {
            arrived.add(new Outcome(sent, failure));
            unanswered.remove(answered);
            answered.complete(null);
            if (turnQueued.compareAndSet(false, true)) {
                try {
                    loop.execute(turn);
                } catch (RejectedExecutionException stopped) {
                    // the loop has stopped: the ledger has no DISPATCHED row, so the next start dispatches it again
                    turnQueued.set(false);
                }
            }
        });
    }

    /** Completes once every publish sent so far has its outcome arrived (for {@link #settle}). */
    CompletableFuture<Void> answered() {
        return CompletableFuture.allOf(unanswered.toArray(CompletableFuture[]::new));
    }

    /** The outcomes arrived since the last call, of the dispatches still waiting (no row of theirs handed over yet). */
    Settled settle() {
        List<Sent> confirmed = new ArrayList<>();
        List<Dispatch> failed = new ArrayList<>();
        for (Outcome o = arrived.poll(); o != null; o = arrived.poll()) {
            if (!waiting.remove(key(o.sent().row()), o.sent())) {
                continue; // recorded already, ahead of the first row of its task
            }
            if (o.failure() == null) {
                confirmed.add(o.sent());
            } else {
                Dispatch d = o.sent().dispatch();
                failed.add(d);
                try (TaskMdc mdc = TaskMdc.of(d.runId(), d.task().processor(), d.task().date())) {
                    LOG.errorf("Could not publish %s of run %s (dispatch %d), dispatched again: %s", d.task(),
                            d.runId(), d.dispatch(), o.failure().getMessage());
                }
            }
        }
        return new Settled(confirmed, failed);
    }

    /**
     * The dispatches still waiting that {@code rows} are the first rows of (a row of the task under the same
     * dispatch number), taken: their DISPATCHED rows go to the ledger just ahead of {@code rows}.
     */
    List<Sent> takeFirstOf(List<LedgerEvent> rows) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Sent> taken = new ArrayList<>();
        for (LedgerEvent row : rows) {
            if (row.task() == null) {
                continue;
            }
            Sent sent = waiting.get(key(row));
            if (sent != null && sent.row().dispatch() == row.dispatch()) {
                waiting.remove(key(row));
                taken.add(sent);
            }
        }
        return taken;
    }

    private static Key key(LedgerEvent row) {
        return new Key(row.runId(), row.task());
    }
}
