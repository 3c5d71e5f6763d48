package fullcourt.engine.faults;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.processor.DailyQuotaExhausted;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.processor.TaskContext;
import fullcourt.messages.Quota;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A processor with a {@link FaultPlan}'s faults around it, applied by the worker: permanent failures,
 * hangs that only the task's deadline ends, quota errors, and halting the process right after the
 * partition is written (before anything is reported).
 */
final class FaultyProcessor implements Processor {

    private static final Logger LOG = Logger.getLogger(FaultyProcessor.class);

    private final Processor inner;
    private final FaultPlan plan;
    private final Runnable halt;

    FaultyProcessor(Processor inner, FaultPlan plan, Runnable halt) {
        this.inner = inner;
        this.plan = plan;
        this.halt = halt;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String version(ProcessorDeclaration declaration) {
        return inner.version(declaration);
    }

    @Override
    public Outcome process(TaskContext task) throws Exception {
        String name = inner.name();
        if (plan.fails(name, task.date())) {
            throw new PermanentFailure("injected permanent failure of " + name + " on " + task.date()
                    + " (fullcourt.faults.fail)");
        }
        if (plan.quotaError(task.runId(), name, task.date(), task.attempt())) {
            throw new QuotaExceeded("rateLimitExceeded: Exceeded rate limits: too many concurrent queries for this"
                    + " project (HTTP 429, injected by fullcourt.faults.quota-rate)");
        }
        String table = task.declaration().table();
        if (plan.dailyQuotaError(name, task.date())) {
            Quota quota = Quota.table(table, true, "Number of partition modifications to a column partitioned table");
            throw new DailyQuotaExhausted("quotaExceeded: Quota exceeded: Your table exceeded quota for Number of"
                    + " partition modifications to a column partitioned table (the " + quota.describe() + " refills"
                    + " only after a day: not retried; injected by fullcourt.faults.daily-quota)", quota, null);
        }
        if (plan.tableQuotaError(task.runId(), name, task.date(), task.attempt())) {
            throw new QuotaExceeded("rateLimitExceeded: Exceeded rate limits: too many table update operations for"
                    + " this table (" + table + ", HTTP 403, injected by fullcourt.faults.table-quota)",
                    Quota.table(table, false, "table update operations for this table"), null);
        }
        if (plan.hangs(name, task.date(), task.attempt())) {
            hang(task);
        }
        Outcome outcome = inner.process(task);
        if (plan.haltAfterThisRun()) {
            LOG.errorf("Halting the process after %s %s was written, before it is reported (fullcourt.faults)",
                    name, task.date());
            halt.run();
        }
        return outcome;
    }

    /** Waits like a query that does not return, until the deadline cancels the task (or hang-for passes). */
    private void hang(TaskContext task) throws InterruptedException {
        CountDownLatch cancelled = new CountDownLatch(1);
        LOG.warnf("%s %s attempt %d hangs (fullcourt.faults.hang)", inner.name(), task.date(), task.attempt());
        try (AutoCloseable registration = task.cancellation().onCancel(cancelled::countDown)) {
            if (cancelled.await(plan.hangFor().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RetryableFailure("hanging " + inner.name() + " " + task.date() + " was cancelled");
            }
        } catch (RetryableFailure | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
