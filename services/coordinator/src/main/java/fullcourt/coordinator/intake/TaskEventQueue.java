package fullcourt.coordinator.intake;

import fullcourt.coordinator.CoordinatorStopped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Task events waiting for the coordinator's loop, handed to it in batches: the events that arrive
 * while the loop is busy are handled together in its next turn, so the turn's fixed costs (a
 * dispatch selection, the hand-over to the ledger writer) are paid once per batch, not once per event.
 * An event's stage completes when the handler's says (its ledger row durable), after the turn.
 * At most one turn is queued at a time; an event that arrives during a turn queues the next one.
 */
public final class TaskEventQueue {

    private record Pending(byte[] body, CompletableFuture<Void> handled) {
    }

    private final Executor loop;
    private final Function<List<byte[]>, List<? extends CompletionStage<Void>>> handler;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean turnQueued = new AtomicBoolean();

    /**
     * @param loop    runs a turn (the coordinator's single loop thread)
     * @param handler handles a batch, in the order received; returns, per event, a stage that completes when it
     *                may be acked (its ledger row durable) or fails with why it goes back to Pub/Sub; throws when
     *                the whole batch failed
     */
    public TaskEventQueue(Executor loop, Function<List<byte[]>, List<? extends CompletionStage<Void>>> handler) {
        this.loop = loop;
        this.handler = handler;
    }

    /** Queues an event; the stage completes once its batch is handled, or fails with the batch. */
    public CompletionStage<Void> submit(byte[] body) {
        Pending pending = new Pending(body, new CompletableFuture<>());
        waiting.add(pending);
        if (turnQueued.compareAndSet(false, true)) {
            try {
                loop.execute(this::turn);
            } catch (RejectedExecutionException e) {
                turnQueued.set(false);
                // the loop has stopped (shutdown): these go back to Pub/Sub
                for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
                    p.handled().completeExceptionally(new CoordinatorStopped());
                }
            }
        }
        return pending.handled();
    }

    private void turn() {
        // cleared before draining: an event added from here on queues another turn, never waits unseen
        turnQueued.set(false);
        List<Pending> batch = new ArrayList<>();
        for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<? extends CompletionStage<Void>> outcomes;
        try {
            outcomes = handler.apply(batch.stream().map(Pending::body).toList());
        } catch (RuntimeException e) {
            batch.forEach(p -> p.handled().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Void> handled = batch.get(i).handled();
            outcomes.get(i).whenComplete((ok, failed) -> {
                if (failed == null) {
                    handled.complete(null);
                } else {
                    handled.completeExceptionally(failed instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : failed);
                }
            });
        }
    }
}
