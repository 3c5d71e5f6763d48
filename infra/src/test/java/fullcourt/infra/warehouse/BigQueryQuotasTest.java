package fullcourt.infra.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import fullcourt.messages.Quota;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The quota errors of https://cloud.google.com/bigquery/docs/troubleshoot-quotas (messages as BigQuery sends them,
 * several quoted from users' reports of them), each read as a table's or the project's quota, soon or daily.
 */
class BigQueryQuotasTest {

    /** 2022-01-31 18:30 UTC is 10:30 Pacific Standard Time: the next midnight there is 2022-02-01 08:00 UTC. */
    private static final Instant AT = Instant.parse("2022-01-31T18:30:00Z");
    private static final String WRITTEN = "analytics.player_game_summary$20220131";
    private static final String MORE = " For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas";

    @Test
    void tooManyTableUpdatesIsTheWrittenTablesQuotaThatRefillsSoon() {
        // troubleshoot-quotas, "Overview": the example of a message field; 5 updates per 10 s per table (quotas page)
        Quota q = BigQueryQuotas.classify("rateLimitExceeded",
                "Exceeded rate limits: too many table update operations for this table." + MORE, null, WRITTEN);

        assertThat(q).isEqualTo(Quota.table("analytics.player_game_summary", false,
                "table update operations for this table"));
    }

    @Test
    void partitionedTableUpdateRateIsTheWrittenTablesQuotaThatRefillsSoon() {
        // 50 modifications per 10 s per partitioned table ("Partitioned tables", https://cloud.google.com/bigquery/quotas)
        Quota q = BigQueryQuotas.classify("rateLimitExceeded", "Exceeded rate limits: too many partitioned table update"
                + " operations for this partitioned table." + MORE, null, WRITTEN);

        assertThat(q.scope()).isEqualTo(Quota.Scope.TABLE);
        assertThat(q.table()).isEqualTo("analytics.player_game_summary");
        assertThat(q.daily()).isFalse();
    }

    @Test
    void partitionModificationsPerDayIsTheWrittenTablesDailyQuota() {
        // 30,000 partition modifications per column-partitioned table per day; location as reported (m-lab/etl-gardener#272)
        Quota q = BigQueryQuotas.classify("quotaExceeded", "Quota exceeded: Your table exceeded quota for Number of"
                        + " partition modifications to a column partitioned table." + MORE,
                "partition_modifications_per_column_partitioned_table.long", WRITTEN);

        assertThat(q).isEqualTo(Quota.table("analytics.player_game_summary", true,
                "Number of partition modifications to a column partitioned table"));
    }

    @Test
    void appendsPerTableIsTheWrittenTablesDailyQuota() {
        // 1,500 load or query-append jobs per table per day (cloudflare/cloudflare-gcp#72)
        Quota q = BigQueryQuotas.classify("quotaExceeded",
                "Quota exceeded: Your table exceeded quota for imports or query appends per table." + MORE,
                "load_job_per_table.long", "precompute.player_daily_cache");

        assertThat(q).isEqualTo(Quota.table("precompute.player_daily_cache", true,
                "imports or query appends per table"));
    }

    @Test
    void aTableTheMessageNamesWinsOverTheTableWritten() {
        // streaming insert bytes per table (m-lab/etl#138): the message names project:dataset.table
        Quota q = BigQueryQuotas.classify("rateLimitExceeded", "Exceeded rate limits: Your table:"
                + " mlab-sandbox:ops.task_events exceeded quota for streaming insert bytes per second." + MORE, null, WRITTEN);

        assertThat(q.scope()).isEqualTo(Quota.Scope.TABLE);
        assertThat(q.table()).isEqualTo("ops.task_events");
        assertThat(q.daily()).isFalse();
    }

    @Test
    void concurrentQueriesIsAProjectQuotaThatRefillsSoon() {
        Quota q = BigQueryQuotas.classify("rateLimitExceeded",
                "Exceeded rate limits: too many concurrent queries for this project_and_region." + MORE, null, WRITTEN);

        assertThat(q).isEqualTo(Quota.project(false, "concurrent queries for this project_and_region"));
    }

    @Test
    void aProjectQuotaWithoutPerDayRefillsSoonEvenAsQuotaExceeded() {
        // quotaExceeded: Google asks to wait 10 minutes or more, which Pub/Sub's backoff gives; not hours
        Quota q = BigQueryQuotas.classify("quotaExceeded", "Quota exceeded: Your project and region exceeded quota for"
                + " max number of jobs that can be queued per project." + MORE, null, WRITTEN);

        assertThat(q).isEqualTo(Quota.project(false, "max number of jobs that can be queued per project"));
    }

    @Test
    void projectQuotasPerDayAreDaily() {
        Quota imports = BigQueryQuotas.classify("quotaExceeded",
                "Quota exceeded: Your project exceeded quota for imports per project." + MORE, null, WRITTEN);
        Quota freeBytes = BigQueryQuotas.classify("quotaExceeded",
                "Quota exceeded: Your project exceeded quota for free query bytes scanned." + MORE, null, null);

        assertThat(imports).isEqualTo(Quota.project(true, "imports per project"));
        assertThat(freeBytes).isEqualTo(Quota.project(true, "free query bytes scanned"));
    }

    @Test
    void aCustomQuotaIsDailyAndResetsAtMidnightPacificTime() {
        // https://cloud.google.com/bigquery/docs/custom-quotas: daily quotas reset at midnight Pacific Time
        Quota q = BigQueryQuotas.classify("usageQuotaExceeded", "Custom quota exceeded: Your usage exceeded the custom"
                + " quota for QueryUsagePerDay, which is set by your administrator. For more information, see"
                + " https://cloud.google.com/bigquery/cost-controls", null, WRITTEN);

        assertThat(q).isEqualTo(Quota.project(true, "QueryUsagePerDay; resets at midnight Pacific Time"));
        assertThat(BigQueryQuotas.refillsAt("usageQuotaExceeded", q, AT)).isEqualTo("2022-02-01T08:00:00Z");
    }

    @Test
    void aDailyQuotaWithoutAStatedResetHasNoRefillTime() {
        // "Quota replenishment" (https://cloud.google.com/bigquery/quotas): replenished through the day, no set time
        Quota partitions = Quota.table("analytics.player_game_summary", true,
                "Number of partition modifications to a column partitioned table");

        assertThat(BigQueryQuotas.refillsAt("quotaExceeded", partitions, AT)).isNull();
        assertThat(BigQueryQuotas.refillsAt("rateLimitExceeded",
                Quota.table("analytics.player_game_summary", false, "table update operations"), AT)).isNull();
    }

    @Test
    void aResetTimeTheMessageGivesIsKept() {
        Quota q = BigQueryQuotas.classify("quotaExceeded", "Daily Limit Exceeded. The quota will be reset at midnight"
                + " Pacific Time (PT). You may monitor your quota usage", null, null);

        assertThat(q.daily()).isTrue();
        assertThat(q.name()).endsWith("; resets at midnight Pacific Time (PT)");
        // in summer Pacific Daylight Time is UTC-7: 2022-07-01 20:00 UTC is 13:00 there, midnight is 07:00 UTC
        assertThat(BigQueryQuotas.refillsAt("quotaExceeded", q, Instant.parse("2022-07-01T20:00:00Z")))
                .isEqualTo("2022-07-02T07:00:00Z");
    }

    @Test
    void aTableQuotaOfACallWritingNoKnownTableBindsTheProject() {
        Quota q = BigQueryQuotas.classify("rateLimitExceeded",
                "Exceeded rate limits: too many table update operations for this table." + MORE, null, null);

        assertThat(q.scope()).isEqualTo(Quota.Scope.PROJECT);
    }

    @Test
    void onlyQuotaErrorsHaveAQuotaAndTheClientsExceptionIsRead() {
        BigQueryException partitions = new BigQueryException(403, "Quota exceeded", new BigQueryError("quotaExceeded",
                "partition_modifications_per_column_partitioned_table.long", "Quota exceeded: Your table exceeded quota"
                + " for Number of partition modifications to a column partitioned table."));

        assertThat(BigQueryQuotas.of(partitions, WRITTEN, AT)).contains(Quota.table("analytics.player_game_summary", true,
                "Number of partition modifications to a column partitioned table"));
        assertThat(BigQueryQuotas.of(new BigQueryException(400, "bad", new BigQueryError("invalidQuery", "q", "bad")),
                WRITTEN, AT)).isEmpty();
        BigQueryException custom = new BigQueryException(403, "Custom quota exceeded", new BigQueryError(
                "usageQuotaExceeded", null, "Custom quota exceeded: Your usage exceeded the custom quota for"
                + " QueryUsagePerDay, which is set by your administrator."));
        assertThat(BigQueryQuotas.of(custom, WRITTEN, AT).orElseThrow().refillsAt())
                .isEqualTo("2022-02-01T08:00:00Z");
    }
}
