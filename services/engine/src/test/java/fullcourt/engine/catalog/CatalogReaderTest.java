package fullcourt.engine.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogReaderTest {

    @Test
    void readsEveryFieldOfADeclaration() throws IOException {
        Catalog catalog = read("""
                {"processors": [
                  {"name": "box_scores", "phase": 3},
                  {"name": "player_form", "phase": 4, "table": "analytics.player_form", "partitionColumn": "as_of",
                   "upstreams": [{"processor": "box_scores", "window": "previous:10"}],
                   "dateDomain": "calendar", "version": "3", "concurrency": 2}
                ]}""");

        assertThat(catalog.get("player_form")).isEqualTo(new ProcessorDeclaration(
                "player_form", 4, "analytics.player_form", "as_of",
                List.of(new Upstream("box_scores", Window.previous(10))),
                DateDomain.CALENDAR, "3", 2));
    }

    @Test
    void fillsInTheDefaults() throws IOException {
        Catalog catalog = read("""
                {"processors": [
                  {"name": "box_scores", "phase": 3},
                  {"name": "team_totals", "phase": 3, "upstreams": [{"processor": "box_scores"}]}
                ]}""");

        assertThat(catalog.get("box_scores")).isEqualTo(new ProcessorDeclaration(
                "box_scores", 3, "box_scores", "game_date", List.of(), DateDomain.CALENDAR, "1", 4));
        assertThat(catalog.get("team_totals").upstreams()).containsExactly(new Upstream("box_scores", Window.SAME_DATE));
    }

    @Test
    void readsADeadlineAsAnIsoDurationOrAsMinutes() throws IOException {
        Catalog catalog = read("""
                {"processors": [
                  {"name": "box_scores", "phase": 3},
                  {"name": "shot_zones", "phase": 3, "deadline": "PT4H"},
                  {"name": "team_totals", "phase": 3, "deadline": 30}
                ]}""");

        assertThat(catalog.get("box_scores").deadline()).isEmpty();
        assertThat(catalog.get("shot_zones").deadline()).contains(Duration.ofHours(4));
        assertThat(catalog.get("team_totals").deadline()).contains(Duration.ofMinutes(30));
    }

    @Test
    void reportsEveryBadDeadlineWithWhatIsExpected() {
        String json = """
                {"processors": [
                  {"name": "a_minutes", "phase": 3, "deadline": "4h"},
                  {"name": "b_zero", "phase": 3, "deadline": 0},
                  {"name": "c_two_days", "phase": 3, "deadline": "P2D"},
                  {"name": "d_fraction", "phase": 3, "deadline": 1.5},
                  {"name": "e_negative", "phase": 3, "deadline": "-PT1M"}
                ]}""";

        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).containsExactly(
                        "processors[0] (a_minutes): deadline must be an ISO-8601 duration such as \"PT4H\" or a whole"
                                + " number of minutes, got \"4h\"",
                        "processors[1] (b_zero): deadline must be more than 0 and at most 24 h, got 0",
                        "processors[2] (c_two_days): deadline must be more than 0 and at most 24 h, got \"P2D\"",
                        "processors[3] (d_fraction): deadline must be an ISO-8601 duration such as \"PT4H\" or a whole"
                                + " number of minutes, got 1.5",
                        "processors[4] (e_negative): deadline must be more than 0 and at most 24 h, got \"-PT1M\""));
    }

    @Test
    void theShippedCatalogDeclaresTheRunbooksSlowProcessorsAndLeavesTheRestToTheDefault() {
        Catalog shipped = CatalogReader.read("classpath:fullcourt-catalog.json");

        // sized in fullcourt-catalog.md from PLATFORM-FACTS: 2.8 h worst date x 1.4, or 10 x the mean date
        assertThat(shipped.get("player_game_summary").deadline()).contains(Duration.ofHours(4));
        assertThat(shipped.get("team_offense_game_summary").deadline()).contains(Duration.ofMinutes(30));
        assertThat(shipped.get("upcoming_player_game_context").deadline()).contains(Duration.ofMinutes(20));
        assertThat(shipped.get("upcoming_team_game_context").deadline()).contains(Duration.ofMinutes(15));
        assertThat(shipped.get("team_defense_game_summary").deadline()).isEqualTo(Optional.empty());
    }

    @Test
    void reportsEveryBadDeclarationAtOnceByPositionAndName() {
        String json = """
                {"processors": [
                  {"name": "Box-Scores", "phase": 3},
                  {"name": "team_totals"},
                  {"name": "player_form", "phase": 4, "upstreams": [{"processor": "team_totals", "window": "last:3"}]},
                  {"name": "standings", "phase": 5, "dateDomain": "weekly"},
                  {"name": "schedule", "phase": 3}
                ]}""";

        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).containsExactly(
                        "processors[0] (Box-Scores): name must match [a-z][a-z0-9_]{0,63}, got Box-Scores",
                        "processors[1] (team_totals): phase is required",
                        "processors[2] (player_form): window: expected 'same-date', 'previous:N', 'season-to-date' or 'trailing-days:N', got 'last:3'",
                        "processors[3] (standings): dateDomain: expected 'calendar', 'season-days' or 'season-days:bootstrap=N' (0..60), got 'weekly'"));
    }

    @Test
    void reportsEntryProblemsAndCatalogProblemsInOnePass() {
        String json = """
                {"processors": [
                  {"name": "box_scores", "phase": 3},
                  {"name": "box_scores", "phase": 3},
                  {"name": "player_form", "phase": 4, "upstreams": [{"processor": "box_scores", "window": "last:3"}]},
                  {"name": "streaks", "phase": 4, "upstreams": [{"processor": "player_form"}, {"processor": "odds"}]}
                ]}""";

        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).containsExactly(
                        "processors[2] (player_form): window: expected 'same-date', 'previous:N', 'season-to-date' or 'trailing-days:N', got 'last:3'",
                        "box_scores: declared twice",
                        "streaks: upstream 'odds' is not declared"));
    }

    @Test
    void passesTheDeclarationsToTheCatalogChecks() {
        String json = """
                {"processors": [
                  {"name": "box_scores", "phase": 3},
                  {"name": "player_form", "phase": 4, "upstreams": [{"processor": "box_score"}]},
                  {"name": "rankings", "phase": 9}
                ]}""";

        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).containsExactly(
                        "rankings: phase must be 3..6, got 9",
                        "player_form: upstream 'box_score' is not declared"));
    }

    @Test
    void rejectsAnUnknownFieldNamingTheSource() {
        assertThatThrownBy(() -> read("""
                {"processors": [{"name": "box_scores", "phase": 3, "concurency": 2}]}"""))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("invalid processor catalog: test-catalog.json: Unrecognized field \"concurency\"");
    }

    @Test
    void requiresTheProcessorsArray() {
        assertThatThrownBy(() -> read("{}"))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("invalid processor catalog: test-catalog.json: 'processors' array is required");
    }

    @Test
    void readsAFileByPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("catalog.json"), """
                {"processors": [{"name": "box_scores", "phase": 3}]}""");

        assertThat(CatalogReader.read(file.toString()).names()).containsExactly("box_scores");
    }

    @Test
    void missingFileIsAnErrorNamingItsAbsolutePath(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> CatalogReader.read(missing.toString()))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("invalid processor catalog: catalog file '" + missing.toAbsolutePath() + "' does not exist");
    }

    @Test
    void missingClasspathResourceIsAnErrorSayingHowToPointElsewhere() {
        assertThatThrownBy(() -> CatalogReader.read("classpath:no-such-catalog.json"))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("invalid processor catalog: catalog 'classpath:no-such-catalog.json' not found on the"
                        + " classpath (set fullcourt.catalog to a file path or classpath:NAME)");
    }

    private static Catalog read(String json) throws IOException {
        return CatalogReader.read(new ByteArrayInputStream(json.getBytes(UTF_8)), "test-catalog.json");
    }
}
