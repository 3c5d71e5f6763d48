package fullcourt.messages;

import fullcourt.messages.BackfillRequest.Mode;
import fullcourt.messages.BackfillRequest.Policy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class MessageCodecRoundTripTest {

    private static final LocalDate JAN_31 = LocalDate.of(2022, 1, 31);
    private static final Instant AT = Instant.parse("2022-02-01T18:30:00Z");
    private static final DateWork WORK = DateWork.of("run-1", "task-7", "player_game_summary", JAN_31, 2);

    @Test
    void backfillRequestWithEveryFieldSurvivesRoundTrip() {
        BackfillRequest request = new BackfillRequest(SchemaVersions.CURRENT, "req-1", List.of(3, 4),
                List.of("player_game_summary"), JAN_31, LocalDate.of(2022, 3, 1), List.of(), false, Mode.MISSING,
                Policy.PHASE_BARRIER, true, Map.of("who", "ana", "ticket", "NBA-12"));

        assertThat(roundTrip(request, BackfillRequest.class)).isEqualTo(request);
    }

    @Test
    void backfillRequestWithDateListSurvivesRoundTrip() {
        BackfillRequest request = BackfillRequest.forDates("req-2", List.of(JAN_31, LocalDate.of(2022, 2, 2)))
                .withProcessors(List.of("ml_feature_store_v2"));

        assertThat(roundTrip(request, BackfillRequest.class)).isEqualTo(request);
    }

    @Test
    void everyPolicySurvivesRoundTrip() {
        for (Policy policy : Policy.values()) {
            BackfillRequest request = BackfillRequest.forDates("req-" + policy.wireName(), List.of(JAN_31))
                    .withPhases(List.of(3))
                    .withPolicy(policy);

            assertThat(roundTrip(request, BackfillRequest.class).policy()).isEqualTo(policy);
        }
    }

    @Test
    void backfillRequestIsWrittenWithCamelCaseIsoDatesLowercaseModeAndNoEmptyOrNullFields() {
        BackfillRequest request = BackfillRequest.forRange("req-1", JAN_31, LocalDate.of(2022, 2, 3))
                .withPhases(List.of(3))
                .withMode(Mode.MISSING)
                .withPolicy(Policy.PHASE_BARRIER)
                .withLabels(Map.of("who", "ana"));

        assertThat(new String(MessageCodec.encode(request), StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":1,\"requestId\":\"req-1\",\"phases\":[3],\"from\":\"2022-01-31\","
                        + "\"to\":\"2022-02-03\",\"cascade\":true,\"mode\":\"missing\","
                        + "\"policy\":\"phase-barrier\",\"dryRun\":false,\"labels\":{\"who\":\"ana\"},\"upstreams\":\"pull\"}");
    }

    @Test
    void policyWireNamesAreLowercaseWithHyphens() {
        assertThat(Policy.values()).extracting(Policy::wireName)
                .containsExactly("per-date", "phase-barrier", "sequential");
        assertThat(Policy.EXPECTATION).isEqualTo("one of per-date, phase-barrier, sequential");
    }

    @Test
    void absentOptionalRequestFieldsTakeTheirDefaults() {
        BackfillRequest request = MessageCodec.decode(bytes("""
                {"schemaVersion": 1, "requestId": "req-1", "from": "2022-01-31", "to": "2022-02-01"}
                """), BackfillRequest.class);

        assertThat(request.cascade()).isTrue();
        assertThat(request.mode()).isEqualTo(Mode.ALL);
        assertThat(request.policy()).isEqualTo(Policy.PER_DATE);
        assertThat(request.dryRun()).isFalse();
        assertThat(request.phases()).isEmpty();
        assertThat(request.processors()).isEmpty();
        assertThat(request.dates()).isEmpty();
        assertThat(request.labels()).isEmpty();
    }

    @Test
    void nullOptionalRequestFieldsTakeTheirDefaultsToo() {
        BackfillRequest request = MessageCodec.decode(bytes("""
                {"schemaVersion": 1, "requestId": "req-1", "phases": null, "cascade": null, "mode": null,
                 "policy": null, "dryRun": null, "labels": null, "dates": ["2022-01-31"]}
                """), BackfillRequest.class);

        assertThat(request.cascade()).isTrue();
        assertThat(request.mode()).isEqualTo(Mode.ALL);
        assertThat(request.policy()).isEqualTo(Policy.PER_DATE);
        assertThat(request.dryRun()).isFalse();
        assertThat(request.phases()).isEmpty();
        assertThat(request.labels()).isEmpty();
    }

    @Test
    void modeIsReadIgnoringCase() {
        BackfillRequest request = MessageCodec.decode(bytes("""
                {"schemaVersion": 1, "requestId": "req-1", "mode": "MISSING", "dates": ["2022-01-31"]}
                """), BackfillRequest.class);

        assertThat(request.mode()).isEqualTo(Mode.MISSING);
    }

    @Test
    void policyIsReadIgnoringCase() {
        BackfillRequest request = MessageCodec.decode(bytes("""
                {"schemaVersion": 1, "requestId": "req-1", "policy": "Phase-Barrier", "dates": ["2022-01-31"]}
                """), BackfillRequest.class);

        assertThat(request.policy()).isEqualTo(Policy.PHASE_BARRIER);
    }

    @Test
    void unknownFieldsAreIgnored() {
        BackfillRequest request = MessageCodec.decode(bytes("""
                {"schemaVersion": 1, "requestId": "req-1", "dates": ["2022-01-31"], "priority": "high",
                 "nested": {"anything": [1, 2]}}
                """), BackfillRequest.class);

        assertThat(request).isEqualTo(BackfillRequest.forDates("req-1", List.of(JAN_31)));
    }

    @Test
    void dateWorkSurvivesRoundTripAndCarriesRoutingAttributes() {
        assertThat(roundTrip(WORK, DateWork.class)).isEqualTo(WORK);
        assertThat(WORK.attributes()).containsExactly(
                entry("runId", "run-1"), entry("processor", "player_game_summary"), entry("date", "2022-01-31"),
                entry("taskId", "task-7"));
    }

    @Test
    void dateWorkIsWrittenWithIsoDate() {
        assertThat(new String(MessageCodec.encode(WORK), StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":1,\"runId\":\"run-1\",\"taskId\":\"task-7\",\"processor\":\"player_game_summary\","
                        + "\"date\":\"2022-01-31\",\"dispatch\":2}");
    }

    @Test
    void everyTaskEventSurvivesRoundTrip() {
        List<TaskEvent> events = List.of(
                TaskEvent.started(WORK, 1, AT, "v-abc"),
                TaskEvent.succeeded(WORK, 1, AT, 412, 1_250, "v-abc"),
                TaskEvent.skipped(WORK, 1, AT, "no games on 2022-01-31", "v-abc"),
                TaskEvent.attemptFailed(WORK, 2, AT, "429 rate limited", true, 30_000, "v-abc"),
                TaskEvent.attemptFailed(WORK, 2, AT, "rateLimitExceeded", true, 30_000, "v-abc", TaskEvent.QUOTA),
                TaskEvent.attemptFailed(WORK, 2, AT, "too many table update operations", true, 30_000, "v-abc",
                        Quota.table("analytics.player_game_summary", false, "table update operations")),
                TaskEvent.attemptFailed(WORK, 2, AT, "QueryUsagePerDay", false, 30_000, "v-abc",
                        Quota.project(true, "QueryUsagePerDay")));

        for (TaskEvent event : events) {
            assertThat(roundTrip(event, TaskEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void taskEventFactoriesCopyTheWorkAndSetOnlyTheirOwnFields() {
        TaskEvent failed = TaskEvent.attemptFailed(WORK, 2, AT, "429 rate limited", true, 30_000, "v-abc");

        assertThat(failed.schemaVersion()).isEqualTo(SchemaVersions.CURRENT);
        assertThat(failed.type()).isEqualTo(TaskEventType.ATTEMPT_FAILED);
        assertThat(failed.dispatch()).isEqualTo(2);
        assertThat(failed.error()).isEqualTo("429 rate limited");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.durationMs()).isEqualTo(30_000L);
        assertThat(failed.rows()).isNull();
        assertThat(failed.reason()).isNull();
    }

    @Test
    void quotaErrorsAreMarkedAndEventsWithoutTheMarkStillDecode() {
        TaskEvent quota = TaskEvent.attemptFailed(WORK, 2, AT, "rateLimitExceeded", true, 30_000, "v", TaskEvent.QUOTA);
        TaskEvent other = TaskEvent.attemptFailed(WORK, 2, AT, "backendError", true, 30_000, "v");

        assertThat(roundTrip(quota, TaskEvent.class).quotaError()).isTrue();
        assertThat(roundTrip(other, TaskEvent.class).quotaError()).isFalse();
        assertThat(new String(MessageCodec.encode(other), StandardCharsets.UTF_8)).doesNotContain("errorKind");
        // an older sender's QUOTA without a scope is a project quota that refills soon, as before the fields existed
        assertThat(roundTrip(quota, TaskEvent.class).quota()).isEqualTo(Quota.project(false, null));
        assertThat(other.quota()).isNull();
    }

    @Test
    void aTableQuotaTravelsWithItsTableAndRefill() {
        TaskEvent hot = TaskEvent.attemptFailed(WORK, 2, AT, "Quota exceeded", false, 10, "v",
                Quota.table("analytics.player_game_summary", true, "partition modifications"));

        TaskEvent decoded = roundTrip(hot, TaskEvent.class);

        assertThat(decoded.quotaError()).isTrue();
        assertThat(decoded.quota()).isEqualTo(Quota.table("analytics.player_game_summary", true,
                "partition modifications"));
        assertThat(new String(MessageCodec.encode(hot), StandardCharsets.UTF_8)).contains(
                "\"errorKind\":\"QUOTA\"", "\"quotaScope\":\"TABLE\"",
                "\"quotaTable\":\"analytics.player_game_summary\"", "\"quotaDaily\":true",
                "\"quotaName\":\"partition modifications\"").doesNotContain("quotaRefillsAt");
    }

    @Test
    void aDailyQuotasRefillTimeTravelsWhenKnown() {
        Quota custom = Quota.project(true, "QueryUsagePerDay").refillingAt(AT.plusSeconds(3600));
        TaskEvent failed = TaskEvent.attemptFailed(WORK, 1, AT, "Custom quota exceeded", false, 10, "v", custom);

        assertThat(roundTrip(failed, TaskEvent.class).quota()).isEqualTo(custom);
        assertThat(new String(MessageCodec.encode(failed), StandardCharsets.UTF_8))
                .contains("\"quotaRefillsAt\":\"2022-02-01T19:30:00Z\"");
    }

    @Test
    void taskEventIsWrittenWithUppercaseTypeIsoInstantAndNoNulls() {
        TaskEvent event = TaskEvent.succeeded(WORK, 1, AT, 412, 1_250, "v-abc");

        assertThat(new String(MessageCodec.encode(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":1,\"type\":\"SUCCEEDED\",\"runId\":\"run-1\",\"taskId\":\"task-7\","
                        + "\"processor\":\"player_game_summary\",\"date\":\"2022-01-31\",\"dispatch\":2,"
                        + "\"attempt\":1,\"at\":\"2022-02-01T18:30:00Z\",\"rows\":412,\"durationMs\":1250,"
                        + "\"processorVersion\":\"v-abc\"}");
    }

    @Test
    void taskEventAttributesAreThoseOfTheWorkPlusType() {
        assertThat(TaskEvent.skipped(WORK, 1, AT, "bootstrap", "v-abc").attributes()).containsExactly(
                entry("runId", "run-1"), entry("processor", "player_game_summary"), entry("date", "2022-01-31"),
                entry("taskId", "task-7"), entry("type", "SKIPPED"));
    }

    @Test
    void instantWithOffsetIsReadAsTheSameMoment() {
        TaskEvent event = MessageCodec.decode(bytes("""
                {"schemaVersion": 1, "type": "STARTED", "runId": "run-1", "taskId": "task-7",
                 "processor": "player_game_summary", "date": "2022-01-31", "at": "2022-02-01T19:30:00+01:00"}
                """), TaskEvent.class);

        assertThat(event.at()).isEqualTo(AT);
    }

    @Test
    void everyRunEventSurvivesRoundTrip() {
        RunSummary summary = new RunSummary(10, 6, 2, 1, 1, 0, 93_000);
        List<RunEvent> events = List.of(
                RunEvent.accepted("run-1", "req-1", AT, "phase 3: 5 processors x 31 dates"),
                RunEvent.rejected("run-1", "req-1", AT, List.of("from: required with to", "phases[0]: bad")),
                RunEvent.completed("run-1", "req-1", AT, summary),
                RunEvent.cancelled("run-1", "req-1", AT, new RunSummary(10, 3, 0, 0, 0, 7, 12_000)),
                RunEvent.completed("run-2", "req-2", AT, new RunSummary(10, 7, 0, 3, 0, 0, 60_000, 0, List.of(
                        "3 tasks DEAD on a daily quota: partition modifications (table analytics.x)"))));

        for (RunEvent event : events) {
            assertThat(roundTrip(event, RunEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void runEventOmitsEmptyReasonsAndNulls() {
        RunEvent accepted = RunEvent.accepted("run-1", "req-1", AT, null);

        assertThat(new String(MessageCodec.encode(accepted), StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":1,\"type\":\"ACCEPTED\",\"runId\":\"run-1\",\"requestId\":\"req-1\","
                        + "\"at\":\"2022-02-01T18:30:00Z\"}");
        assertThat(MessageCodec.decode(MessageCodec.encode(accepted), RunEvent.class).reasons()).isEmpty();
    }

    private static <T> T roundTrip(T message, Class<T> type) {
        return MessageCodec.decode(MessageCodec.encode(message), type);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
