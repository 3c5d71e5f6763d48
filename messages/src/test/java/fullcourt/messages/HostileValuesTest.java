package fullcourt.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Values a forged or broken message carries: refused by decoding, each with its field and the reason. */
class HostileValuesTest {

    private static final String EVENT = """
            {"schemaVersion": 1, "type": "SUCCEEDED", "runId": %s, "taskId": %s, "processor": %s, "date": %s,
             "dispatch": 1, "attempt": 1, "at": %s}""";

    private static List<String> eventProblems(String runId, String taskId, String processor, String date, String at) {
        byte[] body = EVENT.formatted(runId, taskId, processor, date, at).getBytes(StandardCharsets.UTF_8);
        return catchThrowableOfType(() -> MessageCodec.decode(body, TaskEvent.class), InvalidMessageException.class)
                .problems();
    }

    @Test
    void emptyProcessorIsRefusedNotPassedToTheLedger() {
        assertThat(eventProblems("\"r\"", "\"t\"", "\"\"", "\"2022-01-31\"", "\"2022-01-31T00:00:00Z\""))
                .containsExactly("processor: expected a processor name (a lowercase letter, then up to 63 lowercase"
                        + " letters, digits or _), got \"\"");
    }

    @Test
    void yearTenThousandAndYearsBeforeTheLeagueAreRefused() {
        assertThat(eventProblems("\"r\"", "\"t\"", "\"p\"", "\"+10000-01-01\"", "\"+10000-01-01T00:00:00Z\""))
                .containsExactly(
                        "date: expected a date like 2022-01-31 in 1946-01-01..2100-12-31, got \"+10000-01-01\"",
                        "at: expected an instant like 2022-01-31T18:30:00Z in 1946-01-01..2100-12-31, got"
                                + " \"+10000-01-01T00:00:00Z\"");
        assertThat(eventProblems("\"r\"", "\"t\"", "\"p\"", "\"1945-12-31\"", "\"2022-01-31T00:00:00Z\""))
                .containsExactly("date: expected a date like 2022-01-31 in 1946-01-01..2100-12-31, got \"1945-12-31\"");
    }

    @Test
    void pathSegmentsEmptyIdsAndControlCharactersAreRefusedAsIds() {
        for (String id : List.of("\".\"", "\"..\"", "\"\"", "\"run\\nINFO forged\"", "\"a b\"", "\"\\u0000\"")) {
            List<String> problems = eventProblems(id, "\"t\"", "\"p\"", "\"2022-01-31\"", "\"2022-01-31T00:00:00Z\"");
            assertThat(problems).as(id).hasSize(1);
            assertThat(problems.get(0)).as(id).startsWith("runId: expected an identifier").doesNotContain("\n");
        }
    }

    @Test
    void requestIdsThatAreDirectoriesAndDatesOutsideTheRangeAreRefused() {
        BackfillRequest dots = BackfillRequest.forRange("..", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 2))
                .withPhases(List.of(3));
        assertThat(BackfillRequestValidator.validate(dots, new RequestLimits(100, 100), Set.of()))
                .containsExactly("requestId: expected 1..128 characters of A-Z a-z 0-9 . _ -, not . or .., got \"..\"");
        BackfillRequest ancient = BackfillRequest.forDates("r", List.of(LocalDate.of(1900, 1, 1)))
                .withPhases(List.of(3));
        assertThat(BackfillRequestValidator.validate(ancient, new RequestLimits(100, 100), Set.of()))
                .containsExactly("dates[0]: expected a date in 1946-01-01..2100-12-31, got 1900-01-01");
    }

    @Test
    void aRejectionListsTheFirstReasonsAndCountsTheRest() {
        List<String> reasons = IntStream.range(0, 5_000).mapToObj(i -> "dates[" + i + "]: bad\nforged").toList();

        RunEvent rejected = RunEvent.rejected("r", "r", java.time.Instant.EPOCH, reasons);

        assertThat(rejected.reasons()).hasSize(RunEvent.MAX_REASONS + 1);
        assertThat(rejected.reasons().get(0)).isEqualTo("dates[0]: bad\\nforged");
        assertThat(rejected.reasons().get(RunEvent.MAX_REASONS)).isEqualTo("... and 4950 more");
        assertThat(MessageCodec.encode(rejected).length).isLessThan(MessageCodec.MAX_BYTES);
    }

    @Test
    void logTextEscapesControlCharactersAndBoundsLength() {
        assertThat(LogText.of("a\nb\r\tc\u001b[31m")).isEqualTo("a\\nb\\r\\tc\\u001b[31m");
        assertThat(LogText.of("x".repeat(1000))).hasSize(LogText.MAX_CHARS).endsWith("...");
        assertThat(LogText.multiline("line 1\nline 2\u0007", 100)).isEqualTo("line 1\nline 2\\u0007");
    }

    @Test
    void aDispatchTokenVerifiesOnlyItsOwnDispatchUnderItsOwnKey() {
        DispatchToken tokens = DispatchToken.withKey("k".repeat(32));
        DateWork work = tokens.signed(DateWork.of("run", "p/2022-01-31", "p", LocalDate.of(2022, 1, 31), 2));

        assertThat(tokens.verify(work)).isTrue();
        assertThat(tokens.verify(TaskEvent.succeeded(work, 1, java.time.Instant.EPOCH, 1, 1, "v"))).isTrue();
        assertThat(tokens.verify(DateWork.of("run", "p/2022-01-31", "p", LocalDate.of(2022, 1, 31), 3)
                .withToken(work.token()))).as("another dispatch number").isFalse();
        assertThat(tokens.verify(DateWork.of("other", "p/2022-01-31", "p", LocalDate.of(2022, 1, 31), 2)
                .withToken(work.token()))).as("another run").isFalse();
        assertThat(DispatchToken.withKey("j".repeat(32)).verify(work)).as("another key").isFalse();
        assertThat(tokens.verify(work.withToken(null))).as("no token").isFalse();
        assertThat(catchThrowableOfType(() -> DispatchToken.withKey("short"), IllegalArgumentException.class))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aTokenNamesTheKeyThatSignedItAndOnlyTheCurrentKeySigns() {
        String oldKey = "o".repeat(32);
        String newKey = "n".repeat(32);
        DispatchToken rotating = DispatchToken.withKeys(newKey, List.of(oldKey));
        DateWork work = DateWork.of("run", "p/2022-01-31", "p", LocalDate.of(2022, 1, 31), 2);

        DateWork signedNow = rotating.signed(work);
        DateWork signedBefore = DispatchToken.withKey(oldKey).signed(work);

        assertThat(DispatchToken.keyId(newKey)).matches("[0-9a-f]{8}").isNotEqualTo(DispatchToken.keyId(oldKey));
        assertThat(signedNow.token()).startsWith(DispatchToken.keyId(newKey) + ".");
        assertThat(rotating.check(signedNow)).extracting(TokenCheck::status, TokenCheck::keyId)
                .containsExactly(TokenCheck.Status.CURRENT_KEY, DispatchToken.keyId(newKey));
        assertThat(rotating.check(signedBefore)).extracting(TokenCheck::status, TokenCheck::keyId)
                .containsExactly(TokenCheck.Status.PREVIOUS_KEY, DispatchToken.keyId(oldKey));
        assertThat(rotating.previousKeyIds()).containsExactly(DispatchToken.keyId(oldKey));

        TokenCheck retired = DispatchToken.withKey(newKey).check(signedBefore);
        assertThat(retired.valid()).isFalse();
        assertThat(retired.tag()).isEqualTo("unknown-key");
        assertThat(retired.reason()).contains("signed with key " + DispatchToken.keyId(oldKey)).contains("retired");
        // a MAC of the old key presented under the new key's id does not verify either
        DateWork relabelled = work.withToken(DispatchToken.keyId(newKey) + signedBefore.token()
                .substring(signedBefore.token().indexOf('.')));
        assertThat(rotating.check(relabelled).tag()).isEqualTo("bad-token");
        assertThat(catchThrowableOfType(() -> DispatchToken.withKeys(newKey, List.of("short")),
                IllegalArgumentException.class)).hasMessageContaining("fullcourt.dispatch.previous-keys");
    }

    @Test
    void aTokenOfTheFormatBeforeKeyIdsVerifiesUnderTheKeyThatSignedIt() {
        String key = "k".repeat(32);
        DateWork work = DateWork.of("run", "p/2022-01-31", "p", LocalDate.of(2022, 1, 31), 2);
        String withId = DispatchToken.withKey(key).signed(work).token();
        DateWork bare = work.withToken(withId.substring(withId.indexOf('.') + 1));

        assertThat(DispatchToken.withKeys("n".repeat(32), List.of(key)).check(bare).status())
                .isEqualTo(TokenCheck.Status.PREVIOUS_KEY);
        assertThat(DispatchToken.withKey("n".repeat(32)).check(bare).tag()).isEqualTo("bad-token");
    }

    @Test
    void theTokenTravelsInTheMessages() {
        DateWork work = DispatchToken.withKey("k".repeat(32))
                .signed(DateWork.of("run", "p/2022-01-31", "p", LocalDate.of(2022, 1, 31), 1));
        DateWork decoded = MessageCodec.decode(MessageCodec.encode(work), DateWork.class);
        assertThat(decoded.token()).isEqualTo(work.token()).isNotBlank();
        TaskEvent event = MessageCodec.decode(MessageCodec.encode(
                TaskEvent.started(decoded, 1, java.time.Instant.parse("2022-01-31T00:00:00Z"), "v")), TaskEvent.class);
        assertThat(event.token()).isEqualTo(work.token());
    }
}
