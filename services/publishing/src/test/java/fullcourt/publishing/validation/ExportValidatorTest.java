package fullcourt.publishing.validation;

import static fullcourt.publishing.ExportFixture.D;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.publishing.Export;
import fullcourt.publishing.ExportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportValidatorTest {

    @TempDir
    Path root;

    private void write(Export export, LocalDate date, String content) throws Exception {
        Path file = root.resolve(export.objectPath(date));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void countsEachExportsFilesPresentValidAndInvalidWithTheReasons() throws Exception {
        try (ExportFixture fixture = new ExportFixture(root)) {
            // a game and a prediction of D: every export has something to publish
            fixture.execute("INSERT INTO analytics.team_offense_game_summary VALUES ('20231115_NYK_BOS', DATE"
                    + " '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 110)");
            fixture.execute("INSERT INTO predictions.player_prop_predictions VALUES ('20231115_NYK_BOS',"
                    + " DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 'p8', 'Player p8', 'ensemble',"
                    + " 'ens-1', NULL, 24.5, TRUE, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            for (Export export : Export.values()) {
                fixture.export(export, D);
            }
        }
        LocalDate before = D.minusDays(2);
        write(Export.RESULTS, before, "{\"schemaVersion\": 2, \"gameDate\": \"2023-11-13\", \"games\": []}");
        write(Export.PREDICTIONS, before, "{not json");
        write(Export.SYSTEM_PERFORMANCE, before,
                "{\"schemaVersion\": 1, \"gameDate\": \"2023-11-12\", \"season\": \"2023-24\", \"systems\": []}");
        write(Export.BEST_BETS, LocalDate.of(2023, 12, 1), "{}");

        ExportReport report = ExportValidator.validate(root, before, D);

        assertThat(report.allValid()).isFalse();
        ExportReport.ExportCheck results = report.of(Export.RESULTS);
        assertThat(results.present()).isEqualTo(2);
        assertThat(results.valid()).isEqualTo(1);
        assertThat(results.invalid()).isEqualTo(1);
        assertThat(results.invalidFiles().get(0).objectPath()).isEqualTo("v1/results/2023-11-13.json");
        assertThat(results.invalidFiles().get(0).reasons()).singleElement().asString().contains("schemaVersion");

        assertThat(report.of(Export.PREDICTIONS).invalidFiles().get(0).reasons()).singleElement().asString()
                .startsWith("not JSON");
        assertThat(report.of(Export.SYSTEM_PERFORMANCE).invalidFiles().get(0).reasons())
                .containsExactly("gameDate 2023-11-12 is not the date the file is named for (2023-11-13)");
        // the 12-01 file is outside the range
        assertThat(report.of(Export.BEST_BETS)).extracting(c -> c.present(), c -> c.valid(), c -> c.invalid())
                .containsExactly(1, 1, 0);
    }

    @Test
    void schemasRejectMissingUnknownAndMistypedFields() {
        String document = """
                {"schemaVersion": 1, "gameDate": "2023-11-15", "games": [
                  {"gameId": "20231115_NYK_BOS", "season": "2023-24", "seasonType": "regular",
                   "away": {"team": "NYK", "points": "101", "players": []},
                   "home": {"team": "BOS", "points": 110, "players": [], "coach": "x"}}]}
                """;

        assertThat(ExportValidator.problems(Export.RESULTS, D, document.getBytes()))
                .anySatisfy(r -> assertThat(r).contains("/games/0/away/points"))
                .anySatisfy(r -> assertThat(r).contains("coach"));
        assertThat(ExportValidator.problems(Export.RESULTS, D, "{\"schemaVersion\": 1, \"gameDate\": \"2023-11-31\"}".getBytes()))
                .anySatisfy(r -> assertThat(r).contains("games"))
                .anySatisfy(r -> assertThat(r).contains("2023-11-31"));
    }
}
