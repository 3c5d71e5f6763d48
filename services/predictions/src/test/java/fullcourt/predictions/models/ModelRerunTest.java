package fullcourt.predictions.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Re-running a grading model for a date replaces its partition with the same rows. */
class ModelRerunTest {

    private static GradingRows fixture;

    @BeforeAll
    static void gradeTrailingSeason() {
        fixture = TrailingSeason.graded();
    }

    @AfterAll
    static void closeWarehouse() {
        fixture.runner().close();
    }

    @Test
    void rerunningADateYieldsIdenticalRows() {
        // game 3: short windows; D: full windows, a DNP inside, the previous season within reach
        for (LocalDate date : List.of(TrailingSeason.dateOfGame(3), TrailingSeason.D)) {
            for (String model : GradingRows.GRADING_MODELS) {
                long firstWritten = fixture.runner().run(model, date);
                List<Map<String, Object>> first = fixture.runner().rows(model, date);

                long written = fixture.runner().run(model, date);

                assertThat(first).as(model + " on " + date).isNotEmpty();
                assertThat(fixture.runner().rows(model, date)).as(model + " on " + date).isEqualTo(first);
                assertThat(written).as(model + " on " + date).isEqualTo(firstWritten).isEqualTo(first.size());
            }
        }
    }
}
