package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.infra.testing.FakeBigQueryApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fullcourt load} on the committed sample and on a bad file, into a DuckDB file of the test's own. */
class LoadCommandTest {

    private static final Path SAMPLE = Path.of("../../samples/raw");

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("w.duckdb").toString();
    }

    @Test
    void theCommittedSampleLoadsThenReloadsUnchanged() {
        String[] args = {"load", "all", SAMPLE.resolve("schedule.csv").toString(),
            SAMPLE.resolve("player_box_scores.csv").toString(), SAMPLE.resolve("team_box_scores.csv").toString(),
            "--duckdb", db(), "--no-announce"};

        Cli first = Cli.run(args);
        Cli again = Cli.run(args);

        assertThat(first.exitCode).as(first.toString()).isZero();
        // 2 + 8 + 5 games on 19, 20 and 21 October 2021; two team rows per game
        assertThat(first.out).contains("raw.schedule             2021-10-19  new       2 rows")
                .contains("raw.schedule             2021-10-20  new       8 rows")
                .contains("raw.team_box_scores      2021-10-21  new       10 rows")
                .contains("loaded into " + db() + ": 9 date(s) changed")
                .contains("not announced (--no-announce)");
        assertThat(again.exitCode).isZero();
        assertThat(again.out).contains("0 date(s) changed").contains("no date changed: nothing announced")
                .doesNotContain(" new ");
    }

    @Test
    void aRejectedRowIsPrintedWithItsLineAndExitsThreeWritingNothing() throws Exception {
        Path schedule = dir.resolve("schedule.csv");
        Files.writeString(schedule, """
                game_id,game_date,season,season_type,home_team,away_team
                20220105_BKN_MIL,2022-01-05,2021-22,regular,MIL,BKN
                20220105_LAL_GSW,2022-01-05,2021-22,preseason,GSW,LAL
                """);

        Cli cli = Cli.run("load", "schedule", schedule.toString(), "--duckdb", db());
        Cli dryRunAfter = Cli.run("load", "schedule", schedule.toString(), "--duckdb", db(), "--dry-run",
                "--skip-bad-rows");

        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err).contains("rejected " + schedule + ":3: season_type preseason is not regular or playoffs")
                .contains("1 row(s) or file(s) rejected: nothing written");
        // nothing was written: the good row of Jan 5 is still new
        assertThat(dryRunAfter.out).contains("raw.schedule             2022-01-05  new       1 rows")
                .contains("dry run: 1 date(s) would change");
    }

    @Test
    void anUnknownTableIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "a\n1\n");

        Cli cli = Cli.run("load", "box_scores", file.toString(), "--duckdb", db());

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("unknown raw table 'box_scores'");
    }

    @Test
    void intoBigQueryEachDateIsOneLoadJobAndAFailureSaysWhatWasWritten() {
        try (FakeBigQueryApi api = FakeBigQueryApi.start()) {
            String[] args = {"load", "all", SAMPLE.resolve("schedule.csv").toString(),
                SAMPLE.resolve("team_box_scores.csv").toString(), "--warehouse", "bigquery",
                "--project", FakeBigQueryApi.PROJECT, "--bigquery-endpoint", api.endpoint(), "--no-announce"};

            Cli cli = Cli.run(args);

            assertThat(cli.exitCode).as(cli.toString()).isZero();
            assertThat(cli.out).contains("raw.schedule             2021-10-20  new       8 rows")
                    .contains("loaded into BigQuery project test-project (dataset raw, US): 6 date(s) changed");
            assertThat(api.requests(FakeBigQueryApi.Route.START_UPLOAD)).hasSize(6);

            api.script(FakeBigQueryApi.Route.START_UPLOAD, FakeBigQueryApi.asUsual(),
                    FakeBigQueryApi.error(403, "accessDenied", "Access Denied: Table test-project:raw.schedule"));
            Cli denied = Cli.run(args);

            assertThat(denied.exitCode).isNotZero();
            assertThat(denied.err).contains("cannot load into BigQuery project test-project (dataset raw, US): load"
                    + " raw.schedule 2021-10-20 failed: accessDenied: Access Denied")
                    .contains("already replaced, each whole: [raw.schedule 2021-10-19]");
        }
    }
}
