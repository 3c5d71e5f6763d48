package fullcourt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** The wiring as Quarkus runs it: the top command, injected commands, our failure and usage-error reporting. */
@QuarkusMainTest
class FullcourtMainTest {

    @Test
    @Launch({"--help"})
    void helpListsTheCommands(LaunchResult result) {
        assertThat(result.getOutput()).contains("Commands:", "request", "status", "replay", "cancel", "Examples:");
    }

    @Test
    @Launch(value = {"request", "--from", "2022-02-01", "--to", "2022-01-01", "--phase", "3"}, exitCode = 2)
    void requestIsCheckedBeforeAnythingIsSent(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("fullcourt request: --to 2022-01-01 is before --from 2022-02-01")
                .contains("Try 'fullcourt request --help'");
    }

    @Test
    void unknownRunExitsTwoWithTheCoordinatorsAnswer(QuarkusMainLauncher launcher) {
        try (CoordinatorStub coordinator = new CoordinatorStub()) {
            LaunchResult result = launcher.launch("status", "nope", "--coordinator", coordinator.url());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.getErrorOutput()).contains("fullcourt status: no run 'nope'");
            assertThat(result.getOutput()).isEmpty();
        }
    }
}
