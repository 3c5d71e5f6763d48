package fullcourt.engine.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.rpc.Code;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.testing.FakeBigQueryWrite;
import fullcourt.engine.testing.FakeBigQueryWrite.Append;
import fullcourt.engine.warehouse.Column;
import fullcourt.infra.retry.BackoffPolicy;
import io.grpc.Status;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Storage Write API path against an in-process stand-in for its gRPC service: the stream it creates, the
 * requests and rows it sends, how it retries and what it surfaces. Backoff in milliseconds here.
 */
class StorageWriteAppendsContractTest {

    static final BackoffPolicy FAST = new BackoffPolicy(5, Duration.ofMillis(1), 2.0, Duration.ofMillis(8));
    static final String PROJECT = "P";
    static final String TABLE = "ops.task_events";
    static final String TABLE_PATH = "projects/P/datasets/ops/tables/task_events";

    /** ops.task_events's columns, as the coordinator's TaskLedger declares them. */
    static final List<Column> LEDGER = List.of(new Column("seq", "INT64"), new Column("run_id", "STRING"),
            new Column("task_id", "STRING"), new Column("processor", "STRING"), new Column("task_date", "DATE"),
            new Column("event", "STRING"), new Column("dispatch", "INT64"), new Column("attempt", "INT64"),
            new Column("event_at", "TIMESTAMP"), new Column("detail", "STRING"), new Column("row_count", "INT64"),
            new Column("duration_ms", "INT64"), new Column("recorded_at", "TIMESTAMP"), new Column("epoch", "INT64"));

    static final Instant AT = Instant.parse("2024-01-15T12:00:00.123456Z");

    final FakeBigQueryWrite api = FakeBigQueryWrite.start();
    final StorageWriteAppends appends = StorageWriteAppends.overChannel(PROJECT, api.channels(), FAST, new Random(7));

    @AfterEach
    void close() {
        appends.close();
        api.close();
    }

    /** A task's SUCCEEDED row as the ledger writes it. */
    static Map<String, Object> taskRow(long seq) {
        Map<String, Object> row = new HashMap<>();
        row.put("seq", seq);
        row.put("run_id", "run-1");
        row.put("task_id", "player_game_summary/2024-01-14");
        row.put("processor", "player_game_summary");
        row.put("task_date", LocalDate.of(2024, 1, 14));
        row.put("event", "SUCCEEDED");
        row.put("dispatch", 1);
        row.put("attempt", 2);
        row.put("event_at", Timestamp.from(AT));
        row.put("detail", null);
        row.put("row_count", 241L);
        row.put("duration_ms", 1_830L);
        row.put("recorded_at", Timestamp.from(AT.plusSeconds(1)));
        row.put("epoch", 3L);
        return row;
    }

    /** A run's row: no task, so task_id, processor, task_date and the counts are null. */
    static Map<String, Object> runRow(long seq) {
        Map<String, Object> row = new HashMap<>();
        for (Column c : LEDGER) {
            row.put(c.name(), null);
        }
        row.put("seq", seq);
        row.put("run_id", "run-1");
        row.put("event", "CANCEL_REQUESTED");
        row.put("dispatch", 0);
        row.put("attempt", 0);
        row.put("event_at", Timestamp.from(AT));
        row.put("recorded_at", Timestamp.from(AT));
        row.put("epoch", 3L);
        return row;
    }

    static List<Map<String, Object>> runRows(long fromSeq, int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(runRow(fromSeq + i));
        }
        return rows;
    }

    /** A row as decoded from the wire, fields in the schema's order. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    static List<Long> seqs(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (Long) r.get("seq")).toList();
    }

    @Test
    void batchIsOneAppendRequestOnACommittedStreamOfTheTableWithTheRowsAsWritten() {
        appends.append(TABLE, LEDGER, List.of(taskRow(1), runRow(2)));

        assertThat(api.creates()).extracting(CreateWriteStreamRequest::getParent).containsExactly(TABLE_PATH);
        assertThat(api.creates().get(0).getWriteStream().getType()).isEqualTo(WriteStream.Type.COMMITTED);
        assertThat(api.appends()).hasSize(1);
        Append sent = api.appends().get(0);
        assertThat(sent.stream()).startsWith(TABLE_PATH + "/streams/");
        assertThat(api.appendRoutings()).containsExactly("write_stream=" + sent.stream());
        assertThat(sent.offset()).isZero();
        // on the wire: DATE as days since 1970-01-01 (2024-01-14 is day 19,736), TIMESTAMP as microseconds since the
        // epoch (1,705,320,000 s and 123,456 us), INT64 as long; a null is a field left unset
        Map<String, Object> task = fields("seq", 1L, "run_id", "run-1", "task_id", "player_game_summary/2024-01-14",
                "processor", "player_game_summary", "task_date", 19_736, "event", "SUCCEEDED", "dispatch", 1L,
                "attempt", 2L, "event_at", 1_705_320_000_123_456L, "row_count", 241L, "duration_ms", 1_830L,
                "recorded_at", 1_705_320_001_123_456L, "epoch", 3L);
        Map<String, Object> run = fields("seq", 2L, "run_id", "run-1", "event", "CANCEL_REQUESTED", "dispatch", 0L,
                "attempt", 0L, "event_at", 1_705_320_000_123_456L, "recorded_at", 1_705_320_000_123_456L, "epoch", 3L);
        assertThat(sent.rows()).containsExactly(task, run);
        assertThat(api.rows(sent.stream())).containsExactly(task, run);
    }

    @Test
    void appendsFollowEachOtherOnOneStreamAtOffsetsWithoutGaps() {
        appends.append(TABLE, LEDGER, runRows(1, 2));
        appends.append(TABLE, LEDGER, runRows(3, 3));
        appends.append(TABLE, LEDGER, runRows(6, 1));

        assertThat(api.creates()).hasSize(1);
        assertThat(api.appends()).extracting(Append::offset).containsExactly(0L, 2L, 5L); // 0, 0 + 2, 2 + 3
        assertThat(seqs(api.allRows())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void unavailableIsRetriedAtTheSameOffset() {
        api.failNextAppend(Status.UNAVAILABLE.withDescription("connection reset"));

        appends.append(TABLE, LEDGER, runRows(1, 2));

        assertThat(api.appends()).extracting(Append::offset).containsExactly(0L, 0L);
        assertThat(seqs(api.allRows())).containsExactly(1L, 2L);
    }

    @Test
    void retryOfAnAppendWhoseAnswerWasLostIsAlreadyThereAndNotWrittenTwice() {
        api.failNextAppendAfterWriting(Status.UNAVAILABLE.withDescription("connection reset"));

        appends.append(TABLE, LEDGER, runRows(1, 2)); // written, answer lost; the retry hears ALREADY_EXISTS
        appends.append(TABLE, LEDGER, runRows(3, 1));

        assertThat(api.appends()).extracting(Append::offset).containsExactly(0L, 0L, 2L);
        assertThat(seqs(api.allRows())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void refusedRowSurfacesAsAPermanentFailureNamingTheRowAndIsNotRetried() {
        api.refuseRowOfNextAppend(1, "Field event_at: timestamp out of range");

        assertThatThrownBy(() -> appends.append(TABLE, LEDGER, runRows(1, 3)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("append of 3 rows to ops.task_events")
                .hasMessageContaining("row 1: FIELDS_ERROR Field event_at: timestamp out of range")
                .hasMessageContaining("none was written");

        assertThat(api.appends()).hasSize(1);
        assertThat(api.allRows()).isEmpty();
        appends.append(TABLE, LEDGER, runRows(1, 1)); // the stream goes on at the offset nothing took
        assertThat(api.creates()).hasSize(1);
        assertThat(api.appends()).extracting(Append::offset).containsExactly(0L, 0L);
        assertThat(seqs(api.allRows())).containsExactly(1L);
    }

    @Test
    void appendStillUnansweredAfterTheRetriesFailsRetryablyAndTheNextOneTakesANewStream() {
        api.failNextAppendAfterWriting(Status.UNAVAILABLE); // lands, its answer lost
        for (int i = 1; i < FAST.maxAttempts(); i++) {
            api.failNextAppend(Status.UNAVAILABLE); // then the service is out of reach for every retry
        }

        assertThatThrownBy(() -> appends.append(TABLE, LEDGER, runRows(1, 2)))
                .isInstanceOf(RetryableFailure.class).isNotInstanceOf(QuotaExceeded.class)
                .hasMessageContaining("failed after 5 attempts").hasMessageContaining("UNAVAILABLE");
        // the first attempt wrote the rows at offset 0, which the caller cannot know: other rows sent there would hear
        // ALREADY_EXISTS and count as written, so that stream is never written again
        appends.append(TABLE, LEDGER, runRows(3, 1));

        assertThat(api.creates()).hasSize(2);
        Append last = api.appends().get(api.appends().size() - 1);
        assertThat(last.stream()).isEqualTo(TABLE_PATH + "/streams/s2");
        assertThat(last.offset()).isZero();
        assertThat(seqs(api.rows(last.stream()))).containsExactly(3L);
    }

    @Test
    void streamAnsweringAnErrorOfItsOwnIsLeftAndTheNextAppendTakesANewStream() {
        api.answerNextAppendWith(Code.FAILED_PRECONDITION, "Stream is already finalized");

        assertThatThrownBy(() -> appends.append(TABLE, LEDGER, runRows(1, 1))).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("FAILED_PRECONDITION: Stream is already finalized");
        appends.append(TABLE, LEDGER, runRows(1, 1));

        assertThat(api.appends()).extracting(Append::stream, Append::offset).containsExactly(
                tuple(TABLE_PATH + "/streams/s1", 0L), tuple(TABLE_PATH + "/streams/s2", 0L));
        assertThat(seqs(api.allRows())).containsExactly(1L);
    }

    @Test
    void unavailableAnsweredInTheResponseIsRetriedAtTheSameOffset() {
        api.answerNextAppendWith(Code.UNAVAILABLE, "Backend is busy");

        appends.append(TABLE, LEDGER, runRows(1, 2));

        assertThat(api.appends()).extracting(Append::offset).containsExactly(0L, 0L);
        assertThat(seqs(api.allRows())).containsExactly(1L, 2L);
    }

    @Test
    void resourceExhaustedIsRetriedThenReportedAsAQuotaFailure() {
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            api.failNextAppend(Status.RESOURCE_EXHAUSTED.withDescription("Exceeds 'AppendRows throughput' quota"));
        }

        assertThatThrownBy(() -> appends.append(TABLE, LEDGER, runRows(1, 1))).isInstanceOf(QuotaExceeded.class)
                .hasMessageContaining("AppendRows throughput");
        assertThat(api.appends()).hasSize(5);
        assertThat(api.allRows()).isEmpty();
    }

    @Test
    void largeBatchIsCutIntoRequestsUnderTheByteBudgetAtConsecutiveOffsets() {
        ProtoRowEncoder encoder = ProtoRowEncoder.of(LEDGER);
        List<Map<String, Object>> rows = runRows(1, 10);
        long oneRow = encoder.batches(rows.subList(0, 1), Long.MAX_VALUE).get(0).rows().getSerializedRows(0).size();

        List<ProtoRowEncoder.Batch> batches = encoder.batches(rows, 4 * oneRow); // rows of one size: 4 + 4 + 2

        assertThat(batches).extracting(ProtoRowEncoder.Batch::from).containsExactly(0, 4, 8);
        assertThat(batches).extracting(ProtoRowEncoder.Batch::size).containsExactly(4, 4, 2);
    }

    @Test
    void appendsOfThreadsSharingTheProcessFollowEachOtherPerTableWithoutGapsAndTablesGoSideBySide() throws Exception {
        List<String> tables = List.of(TABLE, "ops.other_events");
        int threads = 8;
        int each = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String table = tables.get(t % 2);
                long firstSeq = 1_000L * t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        appends.append(table, LEDGER, runRows(firstSeq + 2L * i, 2));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(api.creates()).hasSize(2);
        for (String stream : api.appends().stream().map(Append::stream).distinct().toList()) {
            // one append at a time per stream: each at the offset the one before it ended at
            assertThat(api.appends().stream().filter(a -> a.stream().equals(stream)).map(Append::offset).toList())
                    .isEqualTo(java.util.stream.LongStream.range(0, threads / 2 * each).map(i -> 2 * i).boxed().toList());
            assertThat(api.rows(stream)).hasSize(threads / 2 * each * 2);
        }
    }

    @Test
    void valueOfTheWrongTypeIsRefusedBeforeAnythingIsSent() {
        Map<String, Object> row = runRow(1);
        row.put("event_at", "2024-01-15");

        assertThatThrownBy(() -> appends.append(TABLE, LEDGER, List.of(runRow(1), row)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("row 1, column event_at (TIMESTAMP)");
        assertThat(api.appends()).isEmpty();
    }
}
