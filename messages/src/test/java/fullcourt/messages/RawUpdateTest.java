package fullcourt.messages;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RawUpdateTest {

    private static final LocalDate JAN_5 = LocalDate.of(2024, 1, 5);
    private static final LocalDate JAN_6 = LocalDate.of(2024, 1, 6);

    @Test
    void updateIsWrittenCompactlyAndSurvivesRoundTrip() {
        RawUpdate update = RawUpdate.of("raw.player_box_scores", List.of(JAN_5, JAN_6)).withSource("nbac-scraper")
                .withLabels(Map.of("batch", "42"));

        String json = new String(MessageCodec.encode(update), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"schemaVersion\":1,\"table\":\"raw.player_box_scores\","
                + "\"dates\":[\"2024-01-05\",\"2024-01-06\"],\"source\":\"nbac-scraper\",\"labels\":{\"batch\":\"42\"}}");
        assertThat(MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), RawUpdate.class)).isEqualTo(update);
    }

    @Test
    void sourceAndLabelsAreOptional() {
        RawUpdate update = decode("""
                {"schemaVersion": 1, "table": "raw.schedule", "dates": ["2024-01-05"]}
                """);

        assertThat(update.source()).isNull();
        assertThat(update.labels()).isEmpty();
        assertThat(update.attributes()).containsExactly(Map.entry("table", "raw.schedule"));
    }

    @Test
    void aDateListedTwiceIsAccepted() {
        assertThat(decode("""
                {"schemaVersion": 1, "table": "raw.schedule", "dates": ["2024-01-05", "2024-01-05"]}
                """).dates()).containsExactly(JAN_5, JAN_5);
    }

    @Test
    void everyProblemIsNamedTogether() {
        assertThat(problems("""
                {"schemaVersion": 1, "table": "player_box_scores", "dates": ["2024-01-05", "2024-13-01", 20240105],
                 "source": 7, "labels": {"batch": 42}}
                """)).containsExactly(
                "table: expected raw.<name> (a lowercase letter, then up to 63 lowercase letters, digits or _),"
                        + " got \"player_box_scores\"",
                "dates[1]: expected a date like 2022-01-31 in 1946-01-01..2100-12-31, got \"2024-13-01\"",
                "dates[2]: expected a date like 2022-01-31 in 1946-01-01..2100-12-31, got 20240105",
                "source: expected a string, got 7",
                "labels[\"batch\"]: expected a string, got 42");
    }

    @Test
    void tableAndDatesAreRequired() {
        assertThat(problems("""
                {"schemaVersion": 1, "source": "loader"}
                """)).containsExactly("table: required", "dates: required");
        assertThat(problems("""
                {"schemaVersion": 1, "table": null, "dates": null}
                """)).containsExactly("table: required", "dates: required");
    }

    @Test
    void dateListIsNonEmptyAndBounded() {
        assertThat(problems("""
                {"schemaVersion": 1, "table": "raw.schedule", "dates": []}
                """)).containsExactly("dates: expected 1..2000 entries, got 0");
        String dates2001 = IntStream.range(0, 2001).mapToObj(i -> "\"" + JAN_5.plusDays(i) + "\"")
                .collect(Collectors.joining(","));
        assertThat(problems("""
                {"schemaVersion": 1, "table": "raw.schedule", "dates": [%s]}
                """.formatted(dates2001))).containsExactly("dates: expected 1..2000 entries, got 2001");
        assertThat(problems("""
                {"schemaVersion": 1, "table": "raw.schedule", "dates": "2024-01-05"}
                """)).containsExactly("dates: expected a list, got \"2024-01-05\"");
    }

    @Test
    void rawDatesAreCalendarDatesNotRelativeDays() {
        assertThat(problems("""
                {"schemaVersion": 1, "table": "raw.schedule", "dates": ["yesterday"]}
                """)).containsExactly("dates[0]: expected a date like 2022-01-31 in 1946-01-01..2100-12-31, got \"yesterday\"");
    }

    @Test
    void tableNamesThatCouldReachSqlOrOtherDatasetsAreRejected() {
        for (String table : List.of("raw.x; DROP TABLE ops.task_events", "analytics.player_game_summary", "raw.",
                "RAW.SCHEDULE", "raw.a" + "b".repeat(64))) {
            assertThat(problems("""
                    {"schemaVersion": 1, "table": "%s", "dates": ["2024-01-05"]}
                    """.formatted(table))).singleElement().asString().startsWith("table: expected raw.<name>");
        }
    }

    @Test
    void unsupportedSchemaVersionIsRefused() {
        assertThat(problems("""
                {"schemaVersion": 2, "table": "raw.schedule", "dates": ["2024-01-05"]}
                """)).containsExactly("schemaVersion: unsupported 2 (this build reads 1)");
    }

    private static RawUpdate decode(String json) {
        return MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), RawUpdate.class);
    }

    private static List<String> problems(String json) {
        return catchThrowableOfType(InvalidMessageException.class, () -> decode(json)).problems();
    }
}
