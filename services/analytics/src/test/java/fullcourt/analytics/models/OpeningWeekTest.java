package fullcourt.analytics.models;

import fullcourt.engine.testing.models.ModelRunner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the model tests on the opening-week fixture: computes every model once per test class. */
abstract class OpeningWeekTest {

    static ModelRunner runner;

    @BeforeAll
    static void computeOpeningWeek() {
        runner = OpeningWeek.computed();
    }

    @AfterAll
    static void closeWarehouse() {
        runner.close();
    }
}
