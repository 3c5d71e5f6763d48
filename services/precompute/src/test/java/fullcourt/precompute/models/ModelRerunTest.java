package fullcourt.precompute.models;

import fullcourt.engine.testing.models.ModelRunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Re-running a Phase 4 model for a date replaces its partition with the same rows. */
class ModelRerunTest {

    private static ModelRunner runner;

    @BeforeAll
    static void computeEarlySeason() {
        runner = EarlySeason.withAnalytics();
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }

    @Test
    void rerunningADateYieldsIdenticalRows() {
        // game 7: b1's second game, one earlier game in each window; D: full windows
        for (LocalDate date : List.of(EarlySeason.dateOfGame(7), EarlySeason.D)) {
            for (String model : PrecomputeModels.PRECOMPUTE_MODELS) {
                long firstWritten = runner.run(model, date);
                List<Map<String, Object>> first = runner.rows(model, date);

                long written = runner.run(model, date);

                assertThat(first).as(model + " on " + date).isNotEmpty();
                assertThat(runner.rows(model, date)).as(model + " on " + date).isEqualTo(first);
                assertThat(written).as(model + " on " + date).isEqualTo(firstWritten).isEqualTo(first.size());
            }
        }
    }
}
