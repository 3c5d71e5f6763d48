package fullcourt.coordinator.intake;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TaskStatus;
import fullcourt.coordinator.dispatch.AdaptiveLimit;
import fullcourt.coordinator.dispatch.DailyQuotaGate;
import fullcourt.coordinator.dispatch.RunBook;
import fullcourt.coordinator.dispatch.QuotaFeedback;
import fullcourt.coordinator.dispatch.TaskRecord;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.metrics.CoordinatorMetrics;
import fullcourt.coordinator.trust.InboundScreen;
import fullcourt.coordinator.trust.MessageScreen;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.logging.TaskMdc;
import fullcourt.messages.DateWork;
import fullcourt.messages.LogText;
import fullcourt.messages.TaskEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * What the phase services report about tasks, handled on the coordinator's loop: task events and dead letters,
 * screened ({@link InboundScreen}), written to the ledger, applied, and fed back into the in-flight limit.
 */
public final class TaskOutcomes {

    private static final Logger LOG = Logger.getLogger(TaskOutcomes.class);

    private final RunBook book;
    private final InboundScreen screen;
    private final QuotaFeedback feedback;
    private final CoordinatorMetrics metrics;
    private final Catalog catalog;
    private final Clock clock;

    public TaskOutcomes(RunBook book, InboundScreen screen, AdaptiveLimit adaptive, CoordinatorMetrics metrics,
                        Catalog catalog, Clock clock) {
        this.book = book;
        this.screen = screen;
        this.feedback = new QuotaFeedback(adaptive, book.scheduler(), catalog);
        this.metrics = metrics;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Task events in the order received: each checked ({@link MessageScreen}), the accepted ones' rows handed to the
     * ledger writer in one batch, applied, then acted on once, without waiting for the rows to be written. Returns, per
     * event, when it may be acked: at once (rejected and harmless), once its row is durable, or failed with why it goes
     * back to Pub/Sub (its run is unknown here; its row could not be written).
     */
    public List<CompletableFuture<Void>> taskEvents(List<byte[]> bodies) {
        metrics.taskEventsInTurn(bodies.size());
        InboundScreen.TaskEvents screened = screen.taskEvents(bodies, book.scheduler());
        List<CompletableFuture<Void>> outcomes = new ArrayList<>(bodies.size());
        for (RuntimeException handedBack : screened.outcomes()) {
            outcomes.add(handedBack == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(handedBack));
        }
        // an end that carries its attempt's start has two rows, the STARTED first: last[a] is accepted event a's own
        List<LedgerEvent> rows = new ArrayList<>();
        int[] last = new int[screened.accepted().size()];
        for (int a = 0; a < last.length; a++) {
            TaskEvent e = screened.accepted().get(a);
            rows.addAll(LedgerEvent.rowsOf(e, new TaskKey(e.processor(), e.date())));
            last[a] = rows.size() - 1;
        }
        List<CompletableFuture<Void>> written = book.appendEach(rows);
        List<LedgerEvent> dailyQuotas = new ArrayList<>();
        for (int a = 0, r = 0; a < last.length; a++) {
            CompletableFuture<Void> own = written.get(last[a]);
            outcomes.set(screened.positions().get(a), own);
            if (own.isCompletedExceptionally()) {
                r = last[a] + 1;
                continue;
            }
            for (; r < last[a]; r++) {
                book.scheduler().apply(rows.get(r)); // the STARTED row an end carried
            }
            LedgerEvent row = rows.get(r++);
            // quota feedback only from events accepted: a forged QUOTA failure changes nothing
            feedback.taskEvent(screened.accepted().get(a), row.task(), clock.instant());
            book.scheduler().apply(row);
            DailyQuotaGate.metBy(screened.accepted().get(a), row.task()).ifPresent(dailyQuotas::add);
        }
        // rare (a daily quota met), so waited for: the tasks it holds back end DEAD from the ledger's word
        book.write(dailyQuotas);
        book.afterChange();
        return outcomes;
    }

    /**
     * A dead-lettered DateWork ends its task DEAD, if it is one this coordinator dispatched and still has in flight
     * ({@link InboundScreen}); anything else is rejected (acked, counted), and a dead letter of an unknown run is
     * handed back ({@link fullcourt.coordinator.trust.UnknownRun}).
     */
    public void deadLetter(byte[] body, int deliveries, String error) {
        Optional<DateWork> screened = screen.deadLetter(body, error, book.scheduler());
        if (screened.isEmpty()) {
            return;
        }
        DateWork work = screened.get();
        TaskKey key = new TaskKey(work.processor(), work.date());
        String lastError = error == null ? null : LogText.multiline(error, 1000);
        if (lastError == null || lastError.isBlank()) {
            lastError = book.scheduler().run(work.runId()).map(r -> r.task(key)).map(TaskRecord::lastError)
                    .orElse("dead-lettered after " + deliveries + " delivery attempts");
        }
        try (TaskMdc mdc = TaskMdc.of(work.runId(), work.processor(), work.date())) {
            boolean deadBefore = statusOf(work.runId(), key) == TaskStatus.DEAD;
            LOG.warnf("Task %s of run %s is DEAD after %d attempts: %s", key, work.runId(), deliveries,
                    LogText.of(lastError, 1000));
            book.record(LedgerEvent.task(work.runId(), key, LedgerEventType.DEAD, work.dispatch(), deliveries,
                    clock.instant(), lastError));
            if (!deadBefore && statusOf(work.runId(), key) == TaskStatus.DEAD) {
                metrics.taskDead(key.processor(), catalog.get(key.processor()).phase());
                book.taskDied(new fullcourt.coordinator.TaskDied(work.runId(), key, deliveries, lastError));
            }
        }
    }

    private TaskStatus statusOf(String runId, TaskKey key) {
        return book.scheduler().run(runId).map(r -> r.task(key)).map(TaskRecord::status).orElse(null);
    }
}
