package fullcourt.publishing.export;

import static fullcourt.publishing.ExportFixture.BOOTSTRAP_DAY;
import static fullcourt.publishing.ExportFixture.D;
import static fullcourt.publishing.ExportFixture.NO_GAMES;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.processor.Outcome;
import fullcourt.publishing.Export;
import fullcourt.publishing.ExportFixture;
import fullcourt.publishing.ExporterTest;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exports skip what SQL models skip: days without games, and (by their catalog domains) bootstrap days. */
class ExportSkipTest extends ExporterTest {

    @ParameterizedTest
    @EnumSource(Export.class)
    void aDayWithoutGamesIsSkippedAndPublishesNothing(Export export) throws Exception {
        assertThat(fixture.export(export, NO_GAMES)).isEqualTo(Outcome.skipped("no games on 2023-11-14"));

        assertThat(Files.exists(fixture.file(export, NO_GAMES))).isFalse();
        // its manifest table exists from the start (declared output tables) and gets no row
        assertThat(fixture.warehouse.query("SELECT COUNT(*) AS n FROM "
                + ExportFixture.CATALOG.get(export.processor()).table(), Map.of())).containsExactly(Map.of("n", 0L));
    }

    @ParameterizedTest
    @EnumSource(value = Export.class, names = {"PREDICTIONS", "BEST_BETS", "SYSTEM_PERFORMANCE"})
    void exportsOfPredictionsSkipTheSeasonsBootstrapDays(Export export) throws Exception {
        Outcome outcome = fixture.export(export, BOOTSTRAP_DAY);

        assertThat(outcome).isEqualTo(Outcome.skipped(
                "bootstrap: within the first 14 days of season 2023-24 (not enough history)"));
        assertThat(Files.exists(fixture.file(export, BOOTSTRAP_DAY))).isFalse();
    }

    @Test
    void resultsArePublishedOnBootstrapDaysToo() throws Exception {
        // results_export's domain is season-days without bootstrap: games are played from the opener on
        fixture.execute("INSERT INTO analytics.team_offense_game_summary VALUES ('20231030_BOS_NYK', DATE '2023-10-30',"
                + " '2023-24', 'regular', 'NYK', 'BOS', TRUE, 104)");
        assertThat(fixture.export(Export.RESULTS, BOOTSTRAP_DAY)).isEqualTo(Outcome.written(1));

        assertThat(Files.exists(fixture.file(Export.RESULTS, BOOTSTRAP_DAY))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Export.class, names = {"RESULTS", "PREDICTIONS", "BEST_BETS"})
    void aGameDateWithoutSourceRowsIsSkippedWithTheReasonAndPublishesNothing(Export export) throws Exception {
        // D has games but, in this fixture, no row in any input table
        String source = export.source().orElseThrow();

        assertThat(fixture.export(export, D)).isEqualTo(Outcome.skipped("nothing to work from on 2023-11-15: no rows in "
                + source));
        assertThat(Files.exists(fixture.file(export, D))).isFalse();
        assertThat(fixture.manifest(export)).isEmpty();
    }
}
