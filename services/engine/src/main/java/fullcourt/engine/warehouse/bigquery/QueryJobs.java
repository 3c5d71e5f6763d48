package fullcourt.engine.warehouse.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableId;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.RetryableFailure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs a query job to completion: insert, poll until DONE, turn a failed job's error into the
 * same typed failure as an HTTP error, cancel the job when the task's {@link Cancellation} fires.
 *
 * <p>Job ids are chosen here. An insert that failed may still have created the job, so the next
 * attempt inserts the same id again: BigQuery answers "Already Exists" and the client hands back
 * the existing job, which is then awaited rather than run twice (this matters for DML). A job that
 * ran and failed cannot be reused, so its retry gets a fresh id.
 */
final class QueryJobs {

    private static final Logger LOG = Logger.getLogger(QueryJobs.class);

    private final BigQuery bigquery;
    private final RetryLoop retry;
    private final Duration pollInterval;
    private final String location;

    QueryJobs(BigQuery bigquery, RetryLoop retry, Duration pollInterval, String location) {
        this.bigquery = bigquery;
        this.retry = retry;
        this.pollInterval = pollInterval;
        this.location = location;
    }

    /** The completed, successful job; a failure comes out as RetryableFailure or PermanentFailure. */
    Job run(String what, QueryJobConfiguration config, Cancellation cancellation) {
        JobId[] nextId = {newJobId()};
        TableId destination = config.getDestinationTable();
        // a table's quota error names the table written when its message does not (BigQueryQuotas)
        String written = destination == null ? null : destination.getDataset() + "." + destination.getTable();
        return retry.run(what, written, cancellation, () -> {
            Job job = bigquery.create(JobInfo.of(nextId[0], config));
            nextId[0] = newJobId();
            AutoCloseable hook = cancellation.onCancel(() -> cancelQuietly(job.getJobId()));
            try {
                Job done = awaitDone(what, job, cancellation);
                BigQueryError error = done.getStatus().getError();
                if (error != null) {
                    throw new BigQueryException(List.of(error));
                }
                return done;
            } finally {
                closeQuietly(hook);
            }
        });
    }

    private Job awaitDone(String what, Job job, Cancellation cancellation) {
        Job current = job;
        while (!isDone(current)) {
            if (cancellation.isCancelled()) {
                throw new RetryableFailure(what + " cancelled: the task's deadline passed (job "
                        + job.getJobId().getJob() + " cancelled)");
            }
            sleep(pollInterval);
            JobId id = job.getJobId();
            // a failed poll is retried on the same job: re-running a finished job could apply DML twice
            current = retry.run(what + " (polling job " + id.getJob() + ")", cancellation, () -> bigquery.getJob(id));
            if (current == null) {
                throw new RetryableFailure(what + ": job " + id.getJob() + " disappeared while running");
            }
        }
        if (cancellation.isCancelled()) {
            throw new RetryableFailure(what + " cancelled: the task's deadline passed");
        }
        return current;
    }

    private static boolean isDone(Job job) {
        return job.getStatus() != null && job.getStatus().getState() == JobStatus.State.DONE;
    }

    private void cancelQuietly(JobId id) {
        try {
            bigquery.cancel(id);
        } catch (RuntimeException e) {
            // the job may have finished meanwhile; the poll loop stops on the cancellation anyway
            LOG.warnf("cancelling BigQuery job %s failed: %s", id.getJob(), e.getMessage());
        }
    }

    private JobId newJobId() {
        return JobId.newBuilder().setJob("fullcourt_" + UUID.randomUUID()).setLocation(location).build();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while waiting for a BigQuery job", e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
