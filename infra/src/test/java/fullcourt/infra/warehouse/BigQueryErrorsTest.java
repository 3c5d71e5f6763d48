package fullcourt.infra.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BigQueryErrorsTest {

    @Test
    void reasonWinsOverHttpCode() {
        // BigQuery reports table-update quotas as 400 and rate limits as 403
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(400, "Job exceeded rate limits",
                new BigQueryError("jobRateLimitExceeded", "global", "Job exceeded rate limits")))).isTrue();
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(403, "Exceeded rate limits",
                new BigQueryError("rateLimitExceeded", "global", "Exceeded rate limits")))).isTrue();
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(500, "bad",
                new BigQueryError("invalidQuery", "global", "bad")))).isFalse();
    }

    @Test
    void anErrorWithoutReasonIsClassifiedByItsHttpCode() {
        // an upload request's error answer reaches the client without a parsed reason
        BigQueryException unavailable = new BigQueryException(503, "Service Unavailable");
        assertThat(BigQueryErrors.isLongTermQuota(unavailable)).isFalse();
        assertThat(BigQueryErrors.isQuota(unavailable)).isFalse();
        assertThat(BigQueryErrors.isRetryable(unavailable)).isTrue();
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(400, "Bad Request"))).isFalse();
    }

    @Test
    void theReasonOfAnAnswerTheClientDidNotParseIsReadFromItsBody() {
        // how a failed upload request reaches the caller: status line, request line, the answer's JSON
        BigQueryException rateLimited = new BigQueryException(403, "403 Forbidden\nPOST https://bigquery.googleapis.com/"
                + "upload/bigquery/v2/projects/p/jobs?uploadType=resumable\n{\"error\":{\"code\":403,\"message\":"
                + "\"Exceeded rate limits: too many table update operations\",\"errors\":[{\"message\":\"x\","
                + "\"domain\":\"usageLimits\",\"reason\":\"rateLimitExceeded\"}]}}");

        assertThat(BigQueryErrors.reasonOf(rateLimited)).isEqualTo("rateLimitExceeded");
        assertThat(BigQueryErrors.isRetryable(rateLimited)).isTrue();
        assertThat(BigQueryErrors.isQuota(rateLimited)).isTrue();
        assertThat(BigQueryErrors.describe(rateLimited))
                .isEqualTo("rateLimitExceeded: Exceeded rate limits: too many table update operations (HTTP 403)");
    }

    @Test
    void failedJobsAreClassifiedByTheirErrorResultReason() {
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(List.of(
                new BigQueryError("backendError", null, "Backend error. Job aborted."))))).isTrue();
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(List.of(
                new BigQueryError("invalidQuery", null, "Unrecognized name: x"))))).isFalse();
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(List.of(
                new BigQueryError("somethingNew", null, "?"))))).isFalse();
    }

    @Test
    void ioFailureWithoutAnHttpAnswerIsRetryable() {
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(new SocketTimeoutException("Read timed out"))))
                .isTrue();
        assertThat(BigQueryErrors.isRetryable(new BigQueryException(0, "wrapped", new IOException("reset")))).isTrue();
    }

    @Test
    void describeGivesReasonMessageAndCode() {
        assertThat(BigQueryErrors.describe(new BigQueryException(403, "Access Denied: Table p:raw.t",
                new BigQueryError("accessDenied", "global", "Access Denied: Table p:raw.t"))))
                .isEqualTo("accessDenied: Access Denied: Table p:raw.t (HTTP 403)");
    }
}
