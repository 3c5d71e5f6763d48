package fullcourt.coordinator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.CoordinatorStopped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Batching of task events per loop turn, with the loop played by the test: each queued turn runs when the test says. */
class TaskEventQueueTest {

    private final Deque<Runnable> loop = new ArrayDeque<>();
    private final List<List<String>> batches = new ArrayList<>();
    private RuntimeException failNext;
    /** The handler's stage of "held" events: their ledger rows, written when the test says. */
    private final CompletableFuture<Void> held = new CompletableFuture<>();

    private final TaskEventQueue queue = new TaskEventQueue(loop::add, bodies -> {
        batches.add(bodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        if (failNext != null) {
            RuntimeException e = failNext;
            failNext = null;
            throw e;
        }
        // "bad" events go back to Pub/Sub alone, the rest of their batch is handled; "held" ones wait for the test
        return bodies.stream().map(b -> switch (new String(b, StandardCharsets.UTF_8)) {
            case "bad" -> CompletableFuture.<Void>failedFuture(new IllegalStateException("bad"));
            case "held" -> held;
            default -> CompletableFuture.<Void>completedFuture(null);
        }).toList();
    });

    private CompletableFuture<Void> submit(String body) {
        return queue.submit(body.getBytes(StandardCharsets.UTF_8)).toCompletableFuture();
    }

    @Test
    void eventsThatArriveBeforeTheTurnRunsAreHandledTogetherInOneTurn() {
        CompletableFuture<Void> a = submit("a");
        CompletableFuture<Void> b = submit("b");
        CompletableFuture<Void> c = submit("c");
        assertThat(loop).hasSize(1); // one turn queued for the three
        assertThat(a).isNotDone();

        loop.poll().run();

        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        assertThat(List.of(a, b, c)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(loop).isEmpty();
    }

    @Test
    void anEventArrivingWhileATurnIsQueuedOrRunningIsHandledByTheNextTurn() {
        List<CompletableFuture<Void>> during = new ArrayList<>();
        TaskEventQueue[] self = new TaskEventQueue[1];
        self[0] = new TaskEventQueue(loop::add, bodies -> {
            batches.add(bodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
            if (batches.size() == 1) {
                // the worker publishes its next event while the loop is writing this batch
                during.add(self[0].submit("late".getBytes(StandardCharsets.UTF_8)).toCompletableFuture());
            }
            return java.util.Collections.nCopies(bodies.size(), CompletableFuture.<Void>completedFuture(null));
        });
        self[0].submit("first".getBytes(StandardCharsets.UTF_8));

        loop.poll().run();
        assertThat(loop).hasSize(1);
        assertThat(during.get(0)).isNotDone();
        loop.poll().run();

        assertThat(batches).containsExactly(List.of("first"), List.of("late"));
        assertThat(during.get(0)).isCompleted();
    }

    @Test
    void aFailedBatchFailsEachOfItsEventsSoTheyAreNackedAndTheNextBatchIsUnaffected() {
        CompletableFuture<Void> a = submit("a");
        CompletableFuture<Void> b = submit("b");
        failNext = new IllegalStateException("ledger write failed");
        loop.poll().run();
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();

        CompletableFuture<Void> c = submit("c");
        loop.poll().run();
        assertThat(c).isCompleted().isNotCompletedExceptionally();
        assertThat(batches).containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void anEventThatFailsAloneFailsOnlyItselfNotTheEventsBatchedWithIt() {
        CompletableFuture<Void> a = submit("a");
        CompletableFuture<Void> bad = submit("bad");
        CompletableFuture<Void> c = submit("c");

        loop.poll().run();

        assertThat(batches).containsExactly(List.of("a", "bad", "c"));
        assertThat(bad).isCompletedExceptionally();
        assertThat(List.of(a, c)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    }

    @Test
    void anEventIsHandledOnlyOnceItsRowIsWrittenAfterTheTurn() {
        CompletableFuture<Void> a = submit("a");
        CompletableFuture<Void> h = submit("held");

        loop.poll().run();
        assertThat(a).isCompleted();
        assertThat(h).isNotDone(); // not acked while its ledger row waits for the writer

        held.completeExceptionally(new java.util.concurrent.CompletionException(new IllegalStateException("refused")));
        assertThat(h).failsWithin(java.time.Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStoppedLoopFailsTheEventAtOnceAndTheQueueStaysUsable() {
        List<Runnable> accepted = new ArrayList<>();
        boolean[] stopped = {true};
        TaskEventQueue q = new TaskEventQueue(r -> {
            if (stopped[0]) {
                throw new RejectedExecutionException("loop stopped");
            }
            accepted.add(r);
        }, bodies -> {
            batches.add(bodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
            return java.util.Collections.nCopies(bodies.size(), CompletableFuture.<Void>completedFuture(null));
        });

        assertThat(q.submit("x".getBytes(StandardCharsets.UTF_8)).toCompletableFuture())
                .failsWithin(java.time.Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(fullcourt.coordinator.CoordinatorStopped.class);
        stopped[0] = false;
        CompletableFuture<Void> y = q.submit("y".getBytes(StandardCharsets.UTF_8)).toCompletableFuture();
        accepted.get(0).run();
        assertThat(y).isCompleted();
        assertThat(batches).containsExactly(List.of("y"));
    }
}
