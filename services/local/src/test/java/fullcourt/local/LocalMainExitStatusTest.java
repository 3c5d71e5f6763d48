package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.RunStatus;
import org.junit.jupiter.api.Test;

/** The run command's exit status from how its run ended and whether end-of-run validation passed. */
class LocalMainExitStatusTest {

    @Test
    void aCompletedRunExitsZeroWhenValidationPassesAndThreeWhenItFails() {
        assertThat(LocalMain.exitStatus(RunStatus.COMPLETED, true)).isZero();
        assertThat(LocalMain.exitStatus(RunStatus.COMPLETED, false)).isEqualTo(3);
    }

    @Test
    void aRunWithFailedOrCancelledTasksExitsFiveWhateverValidationSays() {
        for (RunStatus ended : new RunStatus[] {RunStatus.COMPLETED_WITH_FAILURES, RunStatus.CANCELLED}) {
            assertThat(LocalMain.exitStatus(ended, true)).as("%s, validation passed", ended).isEqualTo(5);
            assertThat(LocalMain.exitStatus(ended, false)).as("%s, validation failed", ended).isEqualTo(5);
        }
    }
}
