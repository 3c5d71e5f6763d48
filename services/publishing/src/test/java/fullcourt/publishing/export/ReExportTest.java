package fullcourt.publishing.export;

import static fullcourt.publishing.ExportFixture.D;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.publishing.Export;
import fullcourt.publishing.ExportFixture;
import fullcourt.publishing.ExporterTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Re-exporting a date replaces its file and manifest row whole; unchanged data gives the same bytes and row. */
class ReExportTest extends ExporterTest {

    @Override
    protected void load() {
        fixture.execute("""
                INSERT INTO analytics.team_offense_game_summary VALUES
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'NYK', 'BOS', FALSE, 101),
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 110)""");
        fixture.execute("""
                INSERT INTO analytics.player_game_summary VALUES
                  ('20231115_NYK_BOS', DATE '2023-11-15', 'BOS', 'NYK', 'b1', 'Player b1', TRUE, 34.5, 28, 7, 5, 3, NULL)""");
        fixture.execute("""
                INSERT INTO predictions.player_prop_predictions VALUES
                  ('20231115_NYK_BOS', DATE '2023-11-15', '2023-24', 'regular', 'BOS', 'NYK', TRUE, 'b1', 'Player b1',
                   'ensemble', 'ens-1', 26.0, 24.5, TRUE, 1.5, 'OVER', 0.62, 'ens-m1', DATE '2022-11-14', DATE '2023-11-14', 5000)""");
        fixture.execute("""
                INSERT INTO predictions.system_daily_performance VALUES
                  (DATE '2023-11-15', '2023-24', 'ensemble', 40, 3.5, 0.25, 4.5, 10, 6, 0.6, 6, 4, 0, 0.65)""");
    }

    @Test
    void unchangedDataGivesByteIdenticalFilesAndIdenticalManifestRows() throws Exception {
        for (Export export : Export.values()) {
            fixture.export(export, D);
            byte[] first = fixture.bytes(export, D);
            List<Map<String, Object>> firstManifest = fixture.manifest(export);

            fixture.export(export, D);

            assertThat(fixture.bytes(export, D)).as(export.name()).isEqualTo(first);
            assertThat(fixture.manifest(export)).as(export.name()).isEqualTo(firstManifest).hasSize(1);
        }
    }

    @Test
    void changedDataReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        fixture.export(Export.RESULTS, D);
        Map<String, Object> before = fixture.manifest(Export.RESULTS).get(0);

        fixture.execute("UPDATE analytics.player_game_summary SET points = 30 WHERE player_id = 'b1'");
        fixture.export(Export.RESULTS, D);

        assertThat(fixture.document(Export.RESULTS, D).at("/games/0/home/players/0/points").asInt()).isEqualTo(30);
        List<Map<String, Object>> after = fixture.manifest(Export.RESULTS);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("sha256")).isNotEqualTo(before.get("sha256"));
        try (Stream<Path> files = Files.list(fixture.file(Export.RESULTS, D).getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("2023-11-15.json");
        }
    }
}
