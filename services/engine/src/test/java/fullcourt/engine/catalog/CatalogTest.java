package fullcourt.engine.catalog;

import static fullcourt.engine.testing.Declarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    /*
     * box_scores (3) ──> team_totals (3) ──> player_form (4) ──> rankings (5)
     *      └──────────────────────────────────────────────────────────┘
     * schedule (3), needed by nobody and needing nothing
     */
    private final Catalog pipeline = Catalog.of(List.of(
            declaration("box_scores", 3),
            declaration("team_totals", 3, "box_scores"),
            declaration("schedule", 3),
            declaration("player_form", 4, "team_totals"),
            declaration("rankings", 5, "player_form", "box_scores")));

    @Test
    void reportsEveryProblemAtOnce() {
        List<ProcessorDeclaration> declarations = List.of(
                declaration("box_scores", 3),
                declaration("box_scores", 3),
                declaration("team_totals", 7),
                declaration("player_form", 4, "box_score"),
                declaration("league_table", 3, "player_form"),
                declaration("standings", 5, /* concurrency */ 0));

        assertThatThrownBy(() -> Catalog.of(declarations))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).containsExactly(
                        "box_scores: declared twice",
                        "team_totals: phase must be 3..6, got 7",
                        "standings: concurrency must be >= 1, got 0",
                        "player_form: upstream 'box_score' is not declared",
                        "league_table: upstream 'player_form' is in a later phase (4 > 3)"));
    }

    @Test
    void acceptsTheFirstAndLastPhases() {
        Catalog catalog = Catalog.of(List.of(declaration("box_scores", 3), declaration("publish", 6, "box_scores")));

        assertThat(catalog.names()).containsExactly("box_scores", "publish");
    }

    @Test
    void acceptsAnUpstreamInTheSamePhase() {
        assertThat(pipeline.get("team_totals").upstreams()).extracting(Upstream::processor).containsExactly("box_scores");
    }

    @Test
    void namesADependencyCycleInTheMessage() {
        List<ProcessorDeclaration> declarations = List.of(
                declaration("box_scores", 5),
                declaration("rating", 5, "box_scores", "form"),
                declaration("form", 5, "streak"),
                declaration("streak", 5, "rating"));

        assertThatThrownBy(() -> Catalog.of(declarations))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("invalid processor catalog: dependency cycle: rating -> form -> streak -> rating");
    }

    @Test
    void namesAProcessorThatNeedsItself() {
        assertThatThrownBy(() -> Catalog.of(List.of(declaration("form", 4, "form"))))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("invalid processor catalog: dependency cycle: form -> form");
    }

    @Test
    void downstreamsOfAreTheDirectDownstreamsOnly() {
        assertThat(pipeline.downstreamsOf("box_scores")).containsExactly("team_totals", "rankings");
        assertThat(pipeline.downstreamsOf("rankings")).isEmpty();
    }

    @Test
    void withDownstreamsAddsEverythingDownstreamTransitively() {
        assertThat(pipeline.withDownstreams(List.of("team_totals")))
                .containsExactlyInAnyOrder("team_totals", "player_form", "rankings");
        assertThat(pipeline.withDownstreams(List.of("box_scores")))
                .containsExactlyInAnyOrder("box_scores", "team_totals", "player_form", "rankings");
        assertThat(pipeline.withDownstreams(List.of("schedule", "rankings")))
                .containsExactlyInAnyOrder("schedule", "rankings");
    }

    @Test
    void inPhaseListsThatPhasesDeclarationsInCatalogOrder() {
        assertThat(pipeline.inPhase(3)).extracting(ProcessorDeclaration::name)
                .containsExactly("box_scores", "team_totals", "schedule");
        assertThat(pipeline.inPhase(5)).extracting(ProcessorDeclaration::name).containsExactly("rankings");
        assertThat(pipeline.inPhase(6)).isEmpty();
    }

    @Test
    void unknownProcessorIsAnErrorListingTheKnownOnes() {
        assertThat(pipeline.find("box_score")).isEmpty();
        assertThatThrownBy(() -> pipeline.get("box_score"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown processor 'box_score'; known: "
                        + "[box_scores, player_form, rankings, schedule, team_totals]");
    }
}
