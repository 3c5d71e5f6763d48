package fullcourt.engine.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** models/gated_scores.sql with its gates models/gated_scores.checks.sql and .inputs.sql (test resources). */
class SqlModelProcessorGateTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    private static final ProcessorDeclaration GATED = new ProcessorDeclaration("gated_scores", 3,
            "analytics.gated_scores", "game_date", List.of(), DateDomain.CALENDAR, "sql", 2);

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final Processor processor = SqlModelProcessor.discover(Catalog.of(List.of(GATED)), List.of(3), List.of()).get(0);

    @AfterEach
    void close() {
        warehouse.close();
    }

    private Outcome run() throws Exception {
        return processor.process(new TaskContext(GATED, DAY, "run", 1, warehouse, new Cancellation()));
    }

    private void input(int points) {
        warehouse.update("CREATE SCHEMA IF NOT EXISTS test_input", Map.of());
        warehouse.update("CREATE OR REPLACE TABLE test_input.scores AS SELECT DATE '2024-01-02' AS game_date,"
                + " 'p1' AS player_id, " + points + " AS points", Map.of());
    }

    @Test
    void aSoundPartitionPassesItsGate() throws Exception {
        input(12);

        assertThat(run()).isEqualTo(Outcome.written(1));
    }

    @Test
    void aFailedCheckFailsTheTaskPermanentlyNamingTheProblemWithThePartitionWritten() {
        input(-3);

        assertThatThrownBy(this::run).isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("output check failed for gated_scores on 2024-01-02: points: 1 negative")
                .hasMessageContaining("fix the input, then replay");
        assertThat(warehouse.query("SELECT points FROM analytics.gated_scores", Map.of()))
                .containsExactly(Map.of("points", -3));
    }

    @Test
    void theChecksArePartOfTheVersion() {
        assertThat(processor.version(GATED))
                .isEqualTo(SqlModelProcessor.hash(SqlModelProcessor.modelText("gated_scores")
                        + SqlModelProcessor.modelText("gated_scores.checks")));
    }

    @Test
    void aDateItsInputsHaveNothingOfIsSkippedWithTheReasonAndNothingWritten() throws Exception {
        input(12); // a row of 2024-01-02 only
        LocalDate otherDay = DAY.plusDays(1);

        Outcome outcome = processor.process(new TaskContext(GATED, otherDay, "run", 1, warehouse, new Cancellation()));

        assertThat(outcome).isEqualTo(Outcome.skipped("nothing to work from on 2024-01-03: no rows in test_input.scores"));
        assertThat(warehouse.tableExists("analytics.gated_scores")).as("no partition written").isFalse();
    }
}
