package fullcourt.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.CatalogReader;
import fullcourt.engine.catalog.ProcessorDeclaration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform catalog's Phase 3 entries are exactly this service's models (ModelDialectTest checks their SQL). */
class CatalogModelsTest {

    private final Catalog catalog = CatalogReader.read("classpath:fullcourt-catalog.json");

    private static String model(String name) throws IOException {
        try (InputStream in = CatalogModelsTest.class.getClassLoader().getResourceAsStream("models/" + name + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPhase3ProcessorHasItsModel() throws IOException {
        List<ProcessorDeclaration> phase3 = catalog.inPhase(3);
        assertThat(phase3).extracting(ProcessorDeclaration::name).containsExactlyInAnyOrder(
                "team_offense_game_summary", "team_defense_game_summary", "player_game_summary",
                "upcoming_team_game_context", "upcoming_player_game_context");
        for (ProcessorDeclaration d : phase3) {
            assertThat(model(d.name())).as("models/%s.sql", d.name()).isNotNull();
            assertThat(d.table()).isEqualTo("analytics." + d.name());
        }
    }
}
