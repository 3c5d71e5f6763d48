package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** validate against a stand-in for the coordinator's /validation. */
class ValidateCommandTest {

    private static final String PASSED = "{\"passed\":true,\"report\":\"Validation 2024-01-01 .. 2024-01-31\\nPASSED\"}";
    private static final String FAILED = "{\"passed\":false,\"report\":\"Validation 2024-01-01 .. 2024-01-31\\n"
            + "  usage_rate present   91.00% of 1,000 (needs >= 95%)  FAILED\\nFAILED\"}";

    private final CoordinatorStub coordinator = new CoordinatorStub();

    @AfterEach
    void stopStub() {
        coordinator.close();
    }

    private Cli validate(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--coordinator";
        all[args.length + 2] = coordinator.url();
        return Cli.run(all);
    }

    @Test
    void passingChecksPrintTheReportAndExitZero() {
        coordinator.answer("GET /validation", 200, PASSED);

        Cli cli = validate("--from", "2024-01-01", "--to", "2024-01-31", "--phase", "3");

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).isEqualTo("Validation 2024-01-01 .. 2024-01-31\nPASSED\n");
        assertThat(coordinator.only().query()).isEqualTo("from=2024-01-01&to=2024-01-31&phase=3");
    }

    @Test
    void aFailedCheckExitsThreeWithTheReport() {
        coordinator.answer("GET /validation", 200, FAILED);

        Cli cli = validate("--from", "2024-01-01", "--to", "2024-01-31");

        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.out).contains("usage_rate present   91.00% of 1,000 (needs >= 95%)  FAILED");
        assertThat(coordinator.only().query()).isEqualTo("from=2024-01-01&to=2024-01-31");
    }

    @Test
    void aReversedRangeOrAnUnknownPhaseIsAUsageErrorAskingNothing() {
        Cli reversed = validate("--from", "2024-02-01", "--to", "2024-01-31");
        Cli phase = validate("--from", "2024-01-01", "--to", "2024-01-31", "--phase", "9");

        assertThat(reversed.exitCode).isEqualTo(2);
        assertThat(reversed.err).contains("--to 2024-01-31 is before --from 2024-02-01");
        assertThat(phase.exitCode).isEqualTo(2);
        assertThat(phase.err).contains("--phase must be 3, 4, 5 or 6, got 9");
        assertThat(coordinator.received).isEmpty();
    }
}
