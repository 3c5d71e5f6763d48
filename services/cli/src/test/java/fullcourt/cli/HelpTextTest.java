package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The help teaches: a description, examples, and every option with its default. */
class HelpTextTest {

    private static final Set<String> STANDARD = Set.of("--help", "--version");

    @Test
    void topHelpListsTheCommandsExamplesAndExitCodes() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains("request", "status", "replay", "cancel")
                .contains("Examples:").contains("fullcourt status bf-")
                .contains("Exit codes:").contains("FULLCOURT_COORDINATOR_URL").contains("PUBSUB_EMULATOR_HOST");
    }

    @Test
    void withoutACommandTheHelpGoesToStderrWithExitTwo() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("Commands:");
    }

    @Test
    void requestHelpShowsExamplesAndTheOptions() {
        Cli cli = Cli.run("request", "--help");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains("Examples:")
                .contains("fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3")
                .contains("--dry-run").contains("--[no-]cascade").contains("--wait").contains("--no-wait").contains("--missing-only")
                .contains("Default: 60s").contains("bf-<yyyyMMdd-HHmmss>");
    }

    @Test
    void requestHelpExplainsEachPolicyAndWhenToPickIt() {
        // the help wraps at 80 columns wherever it likes: compare with single spaces
        String help = Cli.run("request", "--help").out.replaceAll("\\s+", " ");

        assertThat(help).contains("--policy=POLICY").contains("Default: per-date.")
                .contains("per-date: each task starts as soon as its upstreams for its dates are done")
                .contains("The fastest: pick it unless")
                .contains("phase-barrier: the old runbook.")
                .contains("Pick it to validate a whole level before the next one reads it")
                .contains("sequential: one task of the run at a time, earliest date first, then phase.")
                .contains("The slowest: pick it to keep the warehouse to one query from this run")
                .contains("fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3 --policy phase-barrier");
    }

    @Test
    void requestHelpExplainsStalenessAndTheUpstreamChoices() {
        String help = Cli.run("request", "--help").out.replaceAll("\\s+", " ");

        assertThat(help).contains("--missing-only Only the tasks whose output is missing from the data (partition absent")
                .contains("--stale Plans exactly the stale tasks of the scope and their stale downstream over windows")
                .contains("--dry-run lists each task with its reason")
                .contains("--no-upstream Refuse the request, listing them")
                .contains("--allow-incomplete Run even when partitions the tasks read are outside the run")
                .contains("fullcourt request --from 2021-10-19 --to 2022-04-10 --phase 3 \\ --stale --dry-run");
    }

    @Test
    void statusHelpDocumentsStaleWithItsOwnExitStatus() {
        String help = Cli.run("status", "--help").out.replaceAll("\\s+", " ");

        assertThat(help).contains("fullcourt status --stale [--from DATE] [--to DATE]")
                .contains("4 status --stale: stale partitions exist (nothing stale exits 0)")
                .contains("fullcourt status --stale --from 2022-01-01 --to 2022-01-31 --phase 4 \\ --limit 100")
                .contains("--limit=N With --stale: how many stale partitions to list (all are counted). Default: 20.");
    }

    @Test
    void validateHelpShowsItsThresholdsAndThatStalenessIsReportedNotFailed() {
        Cli cli = Cli.run("validate", "--help");
        String help = cli.out.replaceAll("\\s+", " ");

        // a bare % in a picocli description makes it print the raw text, %n included, with a warning
        assertThat(help).doesNotContain("%n").contains("usage_rate present for >= 95% of player-games")
                .contains("minutes null rate <= 5%, game_id format 100% valid")
                .contains("stale partitions per processor").contains("reported, not a failure of validate");
        assertThat(cli.err).doesNotContain("WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"request", "status", "replay", "cancel", "load"})
    void everyCommandHasExamplesAndEveryOptionItsDefault(String name) {
        CommandLine top = new CommandLine(FullcourtCommand.class, Cli.factory(FakeRequestChannels.silent()));
        CommandLine command = top.getSubcommands().get(name);

        assertThat(command.getCommandSpec().usageMessage().footerHeading()).contains("Examples");
        assertThat(command.getCommandSpec().usageMessage().footer()).isNotEmpty();
        Stream<OptionSpec> options = command.getCommandSpec().options().stream()
                .filter(o -> !STANDARD.contains(o.longestName()))
                .filter(o -> !o.hidden()); // not in --help (test hooks such as load's --bigquery-endpoint)
        assertThat(options).allSatisfy(o -> assertThat(String.join(" ", o.description()))
                .as(name + " " + o.longestName()).contains("Default"));
    }
}
