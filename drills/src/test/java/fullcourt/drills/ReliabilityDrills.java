package fullcourt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The drills, as a test so Maven runs them offline with the module's classpath; its name is outside
 * Surefire's default includes, so only {@code bench/drills/run} (-Dtest=ReliabilityDrills) runs it.
 */
class ReliabilityDrills {

    @Test
    void everyDrillPasses() throws Exception {
        assertThat(DrillsMain.runAll()).as("every drill passed: see bench/DRILLS.md").isTrue();
    }
}
