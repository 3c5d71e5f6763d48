package fullcourt.messages;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessageCodecProblemsTest {

    @Test
    void impossibleDateNamesTheFieldAndTheExpectedForm() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "from": "2022-13-45", "to": "2022-02-01"}
                """)).containsExactly("from: expected a date like 2022-01-31, or today, yesterday, today-N, got \"2022-13-45\"");
    }

    @Test
    void dateOfTheWrongJsonTypeIsReportedWithItsValue() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "from": 20220131, "to": "2022-02-30"}
                """)).containsExactly(
                "from: expected a date like 2022-01-31, or today, yesterday, today-N, got 20220131",
                "to: expected a date like 2022-01-31, or today, yesterday, today-N, got \"2022-02-30\"");
    }

    @Test
    void missingOrNullRequestIdIsLeftForTheCoordinatorToDerive() {
        for (String id : new String[] {"", "\"requestId\": null, "}) {
            BackfillRequest request = MessageCodec.decode(("""
                    {"schemaVersion": 1, %s"phases": [3], "dates": ["2022-01-31"]}
                    """.formatted(id)).getBytes(StandardCharsets.UTF_8), BackfillRequest.class);

            assertThat(request.requestId()).isNull();
        }
    }

    @Test
    void requestIdOfTheWrongJsonTypeIsReported() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": 42, "phases": [3], "dates": ["2022-01-31"]}
                """)).containsExactly("requestId: expected a string, got 42");
    }

    @Test
    void badRelativeDateSpellingsAreNamedWithTheAcceptedForms() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "from": "tomorrow", "to": "today+1",
                 "dates": ["today-", "today-123456", "yesterday-1"]}
                """)).containsExactly(
                "from: expected a date like 2022-01-31, or today, yesterday, today-N, got \"tomorrow\"",
                "to: expected a date like 2022-01-31, or today, yesterday, today-N, got \"today+1\"",
                "dates[0]: expected a date like 2022-01-31, or today, yesterday, today-N, got \"today-\"",
                "dates[1]: expected a date like 2022-01-31, or today, yesterday, today-N, got \"today-123456\"",
                "dates[2]: expected a date like 2022-01-31, or today, yesterday, today-N, got \"yesterday-1\"");
    }

    @Test
    void requestIdOutsideItsAlphabetIsRejected() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "a b/c", "phases": [3], "dates": ["2022-01-31"]}
                """)).containsExactly("requestId: expected 1..128 characters of A-Z a-z 0-9 . _ -, not . or .., got \"a b/c\"");
    }

    @Test
    void requestIdLongerThan128CharactersIsRejected() {
        String id129 = "x".repeat(129);

        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "%s", "phases": [3], "dates": ["2022-01-31"]}
                """.formatted(id129)))
                .singleElement().asString().startsWith("requestId: expected 1..128 characters");
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "%s", "phases": [3], "dates": ["2022-01-31"]}
                """.formatted("x".repeat(128)))).isEmpty();
    }

    @Test
    void nonBooleanCascadeIsReported() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "dates": ["2022-01-31"], "cascade": "yes"}
                """)).containsExactly("cascade: expected true or false, got \"yes\"");
    }

    @Test
    void phaseOutsideThreeToSixIsReportedWithItsIndex() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3, 9, "4"], "dates": ["2022-01-31"]}
                """)).containsExactly(
                "phases[1]: expected an integer 3..6, got 9",
                "phases[2]: expected an integer 3..6, got \"4\"");
    }

    @Test
    void unknownModeListsTheModes() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "dates": ["2022-01-31"], "mode": "some"}
                """)).containsExactly("mode: expected one of all, missing, stale, got \"some\"");
    }

    @Test
    void unknownPolicyListsThePolicies() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "dates": ["2022-01-31"], "policy": "barrier"}
                """)).containsExactly("policy: expected one of per-date, phase-barrier, sequential, got \"barrier\"");
    }

    @Test
    void policyOfTheWrongJsonTypeOrSpelledWithUnderscoresIsReported() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "dates": ["2022-01-31"], "policy": 2}
                """)).containsExactly("policy: expected one of per-date, phase-barrier, sequential, got 2");
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "dates": ["2022-01-31"], "policy": "PER_DATE"}
                """)).containsExactly(
                "policy: expected one of per-date, phase-barrier, sequential, got \"PER_DATE\"");
    }

    @Test
    void listAndMapFieldsOfTheWrongShapeAreReported() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": 3, "processors": ["a", 7],
                 "dates": "2022-01-31", "labels": {"who": "ana", "n": 5}}
                """)).containsExactly(
                "phases: expected a list, got 3",
                "processors[1]: expected a string, got 7",
                "dates: expected a list, got \"2022-01-31\"",
                "labels[\"n\"]: expected a string, got 5");
    }

    @Test
    void labelsThatAreNotAnObjectAreReported() {
        assertThat(requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "dates": ["2022-01-31"], "labels": ["a"]}
                """)).containsExactly("labels: expected an object of string values, got [\"a\"]");
    }

    @Test
    void unsupportedSchemaVersionIsTheOnlyProblemReported() {
        // The other fields are wrong for version 1, but under version 7 they may be right.
        assertThat(requestProblems("""
                {"schemaVersion": 7, "requestId": 12, "cascade": "yes"}
                """)).containsExactly("schemaVersion: unsupported 7 (this build reads 1)");
    }

    @Test
    void missingOrMistypedSchemaVersionIsReportedWithTheOtherProblems() {
        assertThat(requestProblems("""
                {"requestId": "r1", "cascade": "yes"}
                """)).containsExactly("schemaVersion: required", "cascade: expected true or false, got \"yes\"");
        assertThat(requestProblems("""
                {"schemaVersion": "1", "requestId": "r1"}
                """)).containsExactly("schemaVersion: expected an integer, got \"1\"");
    }

    @Test
    void mistypedFieldsAreAllReportedTogether() {
        InvalidMessageException e = decodeFailure("""
                {"schemaVersion": 1, "phases": [3, 9], "from": "2022-13-45", "to": "2022-02-01",
                 "cascade": "yes", "dryRun": 0, "mode": "ALLL", "policy": "fast"}
                """, BackfillRequest.class);

        assertThat(e.problems()).containsExactly(
                "phases[1]: expected an integer 3..6, got 9",
                "from: expected a date like 2022-01-31, or today, yesterday, today-N, got \"2022-13-45\"",
                "cascade: expected true or false, got \"yes\"",
                "mode: expected one of all, missing, stale, got \"ALLL\"",
                "policy: expected one of per-date, phase-barrier, sequential, got \"fast\"",
                "dryRun: expected true or false, got 0");
        assertThat(e).hasMessage(String.join("; ", e.problems()));
    }

    @Test
    void bodyThatIsNotJsonReportsWhereParsingFailed() {
        assertThat(requestProblems("{x")).singleElement().asString()
                .startsWith("body: not JSON (Unexpected character ('x' (code 120))")
                .endsWith(" at line 1 column 2)");
    }

    @Test
    void truncatedJsonIsNotJson() {
        String unclosed = "{\"schemaVersion\": 1, \"requestId\": \"r1\"";

        // The input ends after its 38th character, so the parser stops at column 39.
        assertThat(unclosed).hasSize(38);
        assertThat(requestProblems(unclosed)).containsExactly("body: not JSON (Unexpected end-of-input: expected close"
                + " marker for Object (start marker at line 1 column 1) at line 1 column 39)");
    }

    @Test
    void trailingContentAfterTheObjectIsNotJson() {
        assertThat(requestProblems("{\"schemaVersion\": 1} {}")).singleElement().asString()
                .startsWith("body: not JSON (").endsWith(" at line 1 column 22)");
    }

    @Test
    void repeatedKeyIsNotJson() {
        assertThat(requestProblems("{\"schemaVersion\": 1, \"schemaVersion\": 1}"))
                .containsExactly("body: not JSON (Duplicate field 'schemaVersion' at line 1 column 37)");
    }

    @Test
    void bodyThatIsNotAnObjectIsRejected() {
        assertThat(requestProblems("[1, 2]")).containsExactly("body: expected a JSON object, got [1,2]");
    }

    @Test
    void emptyBodyIsRejected() {
        assertThat(problems(new byte[0], BackfillRequest.class)).containsExactly("body: empty");
        assertThat(requestProblems("  \n")).containsExactly("body: empty");
    }

    @Test
    void bodyOverTheLimitIsRejectedBeforeParsing() {
        byte[] notEvenJson = new byte[70_000];
        Arrays.fill(notEvenJson, (byte) '{');

        assertThat(problems(notEvenJson, BackfillRequest.class))
                .containsExactly("body: 70000 bytes exceeds the 65536-byte limit");
    }

    @Test
    void bodyAtTheLimitIsParsed() {
        String start = "{\"schemaVersion\": 1, \"requestId\": \"r1\", \"dates\": [\"2022-01-31\"], \"pad\": \"";
        String json = start + "p".repeat(MessageCodec.MAX_BYTES - start.length() - 2) + "\"}";

        assertThat(json).hasSize(65_536);
        assertThat(MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), BackfillRequest.class).requestId())
                .isEqualTo("r1");
    }

    @Test
    void encodingAMessageOverTheLimitFails() {
        RunEvent huge = RunEvent.accepted("run-1", "req-1", null, "p".repeat(MessageCodec.MAX_BYTES));

        assertThatThrownBy(() -> MessageCodec.encode(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RunEvent: ")
                .hasMessageEndingWith(" bytes exceeds the 65536-byte limit");
    }

    @Test
    void hostileValuesAreShownEscapedAndCut() {
        String hostile = "2022-01-31\nINFO forged log line " + "x".repeat(100);

        String problem = requestProblems("""
                {"schemaVersion": 1, "requestId": "r1", "phases": [3], "from": %s, "to": "2022-02-01"}
                """.formatted(new TextNode(hostile).toString())).get(0);

        assertThat(problem).startsWith("from: expected a date like 2022-01-31, or today, yesterday, today-N, got \"2022-01-31\\nINFO forged");
        assertThat(problem).doesNotContain("\n").endsWith("...");
        assertThat(problem.substring(problem.indexOf("got ") + 4)).hasSize(80);
    }

    @Test
    void dateWorkRequiresItsRoutingFields() {
        assertThat(problems("{\"schemaVersion\": 1}", DateWork.class)).containsExactly(
                "runId: required", "taskId: required", "processor: required", "date: required", "dispatch: required");
    }

    @Test
    void dateWorkWithFractionalDispatchIsRejected() {
        assertThat(problems("""
                {"schemaVersion": 1, "runId": "r", "taskId": "t", "processor": "p", "date": "2022-01-31",
                 "dispatch": 1.5}
                """, DateWork.class)).containsExactly("dispatch: expected an integer 1..2147483647, got 1.5");
    }

    @Test
    void taskEventRequiresTypeIdsDateAndInstant() {
        assertThat(problems("{\"schemaVersion\": 1}", TaskEvent.class)).containsExactly(
                "type: required", "runId: required", "taskId: required", "processor: required", "date: required",
                "at: required");
    }

    @Test
    void taskEventWithUnknownTypeAndBadInstantListsWhatIsExpected() {
        assertThat(problems("""
                {"schemaVersion": 1, "type": "DONE", "runId": "r", "taskId": "t", "processor": "p",
                 "date": "2022-01-31", "at": "yesterday", "rows": "12"}
                """, TaskEvent.class)).containsExactly(
                "type: expected one of STARTED, SUCCEEDED, SKIPPED, ATTEMPT_FAILED, got \"DONE\"",
                "at: expected an instant like 2022-01-31T18:30:00Z in 1946-01-01..2100-12-31, got \"yesterday\"",
                "rows: expected an integer >= 0, got \"12\"");
    }

    @Test
    void anAttemptsStartIsCarriedByItsEndOnlyAndNeverAfterIt() {
        String common = "\"schemaVersion\": 1, \"runId\": \"r\", \"taskId\": \"t\", \"processor\": \"p\","
                + " \"date\": \"2022-01-31\", \"at\": \"2022-02-01T18:30:00Z\"";

        assertThat(problems("{" + common + ", \"type\": \"SUCCEEDED\", \"startedAt\": \"2022-02-01T18:29:59Z\"}",
                TaskEvent.class)).isEmpty();
        assertThat(problems("{" + common + ", \"type\": \"SUCCEEDED\", \"startedAt\": \"2022-02-01T18:30:01Z\"}",
                TaskEvent.class)).containsExactly(
                "startedAt: after 'at' (2022-02-01T18:30:00Z): an attempt ends after it starts");
        assertThat(problems("{" + common + ", \"type\": \"STARTED\", \"startedAt\": \"2022-02-01T18:29:59Z\"}",
                TaskEvent.class)).containsExactly(
                "startedAt: only the end of an attempt carries it (a STARTED event's start is its 'at')");
    }

    @Test
    void failedAttemptRequiresErrorAndRetryableAndSkipRequiresReason() {
        String common = "\"schemaVersion\": 1, \"runId\": \"r\", \"taskId\": \"t\", \"processor\": \"p\","
                + " \"date\": \"2022-01-31\", \"at\": \"2022-02-01T18:30:00Z\"";

        assertThat(problems("{" + common + ", \"type\": \"ATTEMPT_FAILED\"}", TaskEvent.class))
                .containsExactly("error: required", "retryable: required");
        assertThat(problems("{" + common + ", \"type\": \"SKIPPED\"}", TaskEvent.class))
                .containsExactly("reason: required");
    }

    @Test
    void aTableQuotaNamesItsTableAndTheQuotaFieldsAreTyped() {
        String failed = "\"schemaVersion\": 1, \"runId\": \"r\", \"taskId\": \"t\", \"processor\": \"p\","
                + " \"date\": \"2022-01-31\", \"at\": \"2022-02-01T18:30:00Z\", \"type\": \"ATTEMPT_FAILED\","
                + " \"error\": \"quota\", \"retryable\": true, \"errorKind\": \"QUOTA\"";

        assertThat(problems("{" + failed + ", \"quotaScope\": \"TABLE\"}", TaskEvent.class))
                .containsExactly("quotaTable: required");
        assertThat(problems("{" + failed + ", \"quotaScope\": \"DATASET\", \"quotaDaily\": \"yes\"}", TaskEvent.class))
                .containsExactly("quotaScope: expected one of TABLE, PROJECT, got \"DATASET\"",
                        "quotaDaily: expected true or false, got \"yes\"");
        assertThat(problems("{" + failed + ", \"quotaScope\": \"PROJECT\", \"quotaDaily\": true}", TaskEvent.class))
                .isEmpty();
    }

    @Test
    void runEventRequiresTypeAndRunId() {
        assertThat(problems("{\"schemaVersion\": 1}", RunEvent.class))
                .containsExactly("type: required", "runId: required");
    }

    @Test
    void completedRunEventRequiresAWellTypedSummary() {
        assertThat(problems("""
                {"schemaVersion": 1, "type": "COMPLETED", "runId": "run-1"}
                """, RunEvent.class)).containsExactly("summary: required");
        assertThat(problems("""
                {"schemaVersion": 1, "type": "COMPLETED", "runId": "run-1",
                 "summary": {"tasks": "ten", "wallMillis": 1.5}, "reasons": [1]}
                """, RunEvent.class)).containsExactly(
                "reasons[0]: expected a string, got 1",
                "summary.tasks: expected an integer, got \"ten\"",
                "summary.wallMillis: expected an integer, got 1.5");
    }

    @Test
    void decodingATypeThatIsNotAMessageIsAProgrammingError() {
        assertThatThrownBy(() -> MessageCodec.decode("{}".getBytes(StandardCharsets.UTF_8), RunSummary.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a message");
    }

    private static List<String> requestProblems(String json) {
        return problems(json, BackfillRequest.class);
    }

    private static List<String> problems(String json, Class<?> type) {
        return problems(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static List<String> problems(byte[] json, Class<?> type) {
        try {
            MessageCodec.decode(json, type);
            return List.of();
        } catch (InvalidMessageException e) {
            return e.problems();
        }
    }

    private static InvalidMessageException decodeFailure(String json, Class<?> type) {
        return catchThrowableOfType(InvalidMessageException.class,
                () -> MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), type));
    }
}
