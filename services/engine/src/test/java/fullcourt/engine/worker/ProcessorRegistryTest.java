package fullcourt.engine.worker;

import static fullcourt.engine.testing.Declarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.TaskContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorRegistryTest {

    private final Catalog catalog = Catalog.of(List.of(
            declaration("box_scores", 3),
            declaration("team_totals", 3, "box_scores"),
            declaration("player_form", 4, "team_totals")));

    @Test
    void acceptsExactlyTheProcessorsOfTheServedPhases() {
        Processor boxScores = named("box_scores");

        ProcessorRegistry registry = ProcessorRegistry.check(catalog, List.of(3), List.of(named("team_totals"), boxScores));

        assertThat(registry.names()).containsExactly("box_scores", "team_totals");
        assertThat(registry.find("box_scores")).containsSame(boxScores);
        assertThat(registry.find("player_form")).isEmpty();
    }

    @Test
    void servingSeveralPhasesNeedsTheProcessorsOfEach() {
        ProcessorRegistry registry = ProcessorRegistry.check(catalog, List.of(3, 4),
                List.of(named("box_scores"), named("team_totals"), named("player_form")));

        assertThat(registry.names()).containsExactly("box_scores", "player_form", "team_totals");
    }

    @Test
    void namesTheMissingAndTheUndeclaredProcessorsTogetherWithTheFix() {
        assertThatThrownBy(() -> ProcessorRegistry.check(catalog, List.of(3),
                List.of(named("box_scores"), named("player_form"), named("box_score_v2"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this service serves phases [3] but its processors do not match the catalog:"
                        + " missing implementations [team_totals],"
                        + " implemented but not in the catalog for these phases [player_form]"
                        + " (fix the catalog or fullcourt.worker.phases)");
    }

    @Test
    void leavesOutImplementationsOfProcessorsTheCatalogDoesNotName() {
        ProcessorRegistry registry = ProcessorRegistry.check(catalog, List.of(3),
                List.of(named("box_scores"), named("team_totals"), named("test_pipeline_alpha")));

        assertThat(registry.names()).containsExactly("box_scores", "team_totals");
        assertThat(registry.find("test_pipeline_alpha")).isEmpty();
    }

    @Test
    void rejectsTwoImplementationsOfOneProcessor() {
        assertThatThrownBy(() -> ProcessorRegistry.check(catalog, List.of(3),
                List.of(named("box_scores"), named("team_totals"), named("box_scores"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two implementations of processor 'box_scores'");
    }

    private static Processor named(String name) {
        return new Processor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome process(TaskContext task) {
                return Outcome.skipped("not run in these tests");
            }
        };
    }
}
