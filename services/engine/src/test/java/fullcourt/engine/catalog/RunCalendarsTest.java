package fullcourt.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.warehouse.DuckDbWarehouse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunCalendarsTest {

    private static final LocalDate JAN_3 = LocalDate.of(2022, 1, 3);
    private static final LocalDate JAN_5 = LocalDate.of(2022, 1, 5);

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final RunCalendars calendars = new RunCalendars(warehouse);

    @AfterEach
    void close() {
        warehouse.close();
    }

    private void schedule(LocalDate date) {
        warehouse.update("INSERT INTO raw.schedule VALUES (@id, @d, '2021-22')",
                Map.of("id", date.toString().replace("-", "") + "_ATL_BOS", "d", date));
    }

    @Test
    void aRunDecidesByTheScheduleAsItWasAtItsFirstTaskAndTheNextRunReadsItAgain() {
        warehouse.update("CREATE TABLE raw.schedule (game_id VARCHAR, game_date DATE, season VARCHAR)", Map.of());
        schedule(JAN_3);
        assertThat(calendars.of("run-1").isGameDate(JAN_5)).isFalse();

        schedule(JAN_5);

        assertThat(calendars.of("run-1").isGameDate(JAN_5)).as("the same run, as it began").isFalse();
        assertThat(calendars.of("run-2").isGameDate(JAN_5)).as("the run the load starts").isTrue();
        assertThat(calendars.of("run-1").isGameDate(JAN_3)).isTrue();
    }

    @Test
    void aRunThatFoundNoScheduleLooksAgainAtItsNextTask() {
        assertThat(calendars.of("run-1").seasons()).isEmpty();

        warehouse.update("CREATE TABLE raw.schedule (game_id VARCHAR, game_date DATE, season VARCHAR)", Map.of());
        schedule(JAN_3);

        assertThat(calendars.of("run-1").isGameDate(JAN_3)).isTrue();
    }

    @Test
    void onlyTheLatestRunsAreKept() {
        warehouse.update("CREATE TABLE raw.schedule (game_id VARCHAR, game_date DATE, season VARCHAR)", Map.of());
        schedule(JAN_3);
        calendars.of("run-0");
        for (int i = 1; i <= RunCalendars.RUNS; i++) {
            calendars.of("run-" + i);
        }
        schedule(JAN_5);

        assertThat(calendars.of("run-" + RunCalendars.RUNS).isGameDate(JAN_5)).as("kept").isFalse();
        assertThat(calendars.of("run-0").isGameDate(JAN_5)).as("dropped, so read again").isTrue();
    }
}
