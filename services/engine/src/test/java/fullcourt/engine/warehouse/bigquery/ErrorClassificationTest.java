package fullcourt.engine.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorClassificationTest {

    @Test
    void reasonWinsOverHttpCode() {
        // BigQuery reports table-update quotas as 400 and rate limits as 403
        assertThat(ErrorClassification.isRetryable(new BigQueryException(400, "Job exceeded rate limits",
                new BigQueryError("jobRateLimitExceeded", "global", "Job exceeded rate limits")))).isTrue();
        assertThat(ErrorClassification.isRetryable(new BigQueryException(403, "Exceeded rate limits",
                new BigQueryError("rateLimitExceeded", "global", "Exceeded rate limits")))).isTrue();
        assertThat(ErrorClassification.isRetryable(new BigQueryException(500, "bad",
                new BigQueryError("invalidQuery", "global", "bad")))).isFalse();
    }

    @Test
    void failedJobsAreClassifiedByTheirErrorResultReason() {
        assertThat(ErrorClassification.isRetryable(new BigQueryException(List.of(
                new BigQueryError("backendError", null, "Backend error. Job aborted."))))).isTrue();
        assertThat(ErrorClassification.isRetryable(new BigQueryException(List.of(
                new BigQueryError("invalidQuery", null, "Unrecognized name: x"))))).isFalse();
        assertThat(ErrorClassification.isRetryable(new BigQueryException(List.of(
                new BigQueryError("somethingNew", null, "?"))))).isFalse();
    }

    @Test
    void ioFailureWithoutAnHttpAnswerIsRetryable() {
        assertThat(ErrorClassification.isRetryable(new BigQueryException(new SocketTimeoutException("Read timed out"))))
                .isTrue();
        assertThat(ErrorClassification.isRetryable(new BigQueryException(0, "wrapped", new IOException("reset")))).isTrue();
    }

    @Test
    void describeGivesReasonMessageAndCode() {
        assertThat(ErrorClassification.describe(new BigQueryException(403, "Access Denied: Table p:raw.t",
                new BigQueryError("accessDenied", "global", "Access Denied: Table p:raw.t"))))
                .isEqualTo("accessDenied: Access Denied: Table p:raw.t (HTTP 403)");
    }
}
