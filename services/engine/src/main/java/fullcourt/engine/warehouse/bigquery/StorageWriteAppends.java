package fullcourt.engine.warehouse.bigquery;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.BidiStream;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.auth.Credentials;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.Int64Value;
import com.google.rpc.Code;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.warehouse.Column;
import fullcourt.engine.warehouse.RowAppends;
import fullcourt.infra.retry.BackoffPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Appends through the BigQuery Storage Write API (https://cloud.google.com/bigquery/docs/write-api), which has none of
 * the DML limits an {@code INSERT} job counts against. Per table and process, one application-created COMMITTED stream
 * (rows visible as soon as an append is acknowledged); each batch is one AppendRows request at the stream's next
 * offset. A request retried because its answer was lost is refused by BigQuery with ALREADY_EXISTS when it did land,
 * which counts as written: exactly once (https://cloud.google.com/bigquery/docs/write-api#exactly-once). When the
 * retries run out without an answer, whether the rows landed is unknown and the stream is dropped: its next offset may
 * hold them, so no other rows are ever sent there, and the next append starts a new stream.
 *
 * <p>One AppendRows connection per request on the client's one channel, at most one open per table at a time: the
 * ledger appends a few times a second at most, a worker's lineage a few times per partition written (its two tables
 * side by side), far inside the Storage Write API's connection and throughput quotas
 * (https://cloud.google.com/bigquery/quotas#write-api-limits; docs/lineage-on-bigquery.md).
 */
public final class StorageWriteAppends implements RowAppends, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StorageWriteAppends.class);

    /** Serialized bytes per AppendRows request: under the API's 10 MB per request, with room for the schema. */
    static final long MAX_REQUEST_BYTES = 9L * 1024 * 1024;

    static final String ROUTING_HEADER = "x-goog-request-params";

    /** Errors of the connection worth another attempt with the same offset. */
    private static final Set<StatusCode.Code> TRANSIENT = Set.of(StatusCode.Code.UNAVAILABLE,
            StatusCode.Code.DEADLINE_EXCEEDED, StatusCode.Code.ABORTED, StatusCode.Code.INTERNAL,
            StatusCode.Code.UNKNOWN, StatusCode.Code.CANCELLED);

    /** A stream of this process and the offset its next row goes to. */
    private static final class Stream {
        final String name;
        long next;

        Stream(String name) {
            this.name = name;
        }
    }

    /** The connection closed before BigQuery answered: whether the rows landed is unknown. */
    private static final class NoAnswer extends RuntimeException {
        NoAnswer() {
            super("the AppendRows connection closed without an answer", null, false, false);
        }
    }

    /** BigQuery refused rows of a request (nothing of it was written); the same rows fail the same way. */
    private static final class RowsRefused extends RuntimeException {
        RowsRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** An error BigQuery answered in the response (the connection stays up), judged by its code as a call's would be. */
    private static final class AnsweredError extends RuntimeException {
        final StatusCode.Code code;

        AnsweredError(StatusCode.Code code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final String projectId;
    private final BigQueryWriteSettings settings;
    private final RetryLoop retry;
    private final Duration appendTimeout;
    private BigQueryWriteClient client;
    /** Each table's stream; read and replaced only under the table's lock. */
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Map<String, Object> tableLocks = new ConcurrentHashMap<>();

    /**
     * @param settings      where the API is and how to authenticate; the client is made at the first append
     * @param appendTimeout how long one AppendRows request may take before it counts as unanswered
     */
    StorageWriteAppends(String projectId, BigQueryWriteSettings settings, RetryLoop retry, Duration appendTimeout) {
        this.projectId = projectId;
        this.settings = settings;
        this.retry = retry;
        this.appendTimeout = appendTimeout;
    }

    /**
     * Settings for {@code channels} (Google's endpoint when null) and {@code credentials} (Application Default
     * Credentials when null), without the client's own retries on CreateWriteStream, so the adapter's backoff policy
     * is the only retry policy, as for the REST client.
     */
    static BigQueryWriteSettings settings(TransportChannelProvider channels, CredentialsProvider credentials) {
        BigQueryWriteSettings.Builder b = BigQueryWriteSettings.newBuilder();
        if (channels != null) {
            b.setTransportChannelProvider(channels);
        }
        if (credentials != null) {
            b.setCredentialsProvider(credentials);
        }
        b.createWriteStreamSettings().setRetryableCodes(Set.of());
        try {
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends to the API reached through {@code channels} without credentials (a local stand-in), retrying under
     * {@code backoff} with delays drawn from {@code jitter}.
     */
    public static StorageWriteAppends overChannel(String projectId, TransportChannelProvider channels,
                                                  BackoffPolicy backoff, RandomGenerator jitter) {
        return new StorageWriteAppends(projectId, settings(channels, NoCredentialsProvider.create()),
                new RetryLoop(backoff, jitter, Clock.systemUTC()), BigQueryWarehouse.APPEND_TIMEOUT);
    }

    static BigQueryWriteSettings settings(Credentials credentials) {
        return settings(null, credentials == null ? null : FixedCredentialsProvider.create(credentials));
    }

    /**
     * Appends to one table are one at a time (each waits for the previous one's answer: the stream's next offset
     * depends on it); appends to different tables go on side by side, each on its own stream and connection.
     */
    @Override
    public void append(String table, List<Column> columns, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ProtoRowEncoder encoder = ProtoRowEncoder.of(columns);
        List<ProtoRowEncoder.Batch> batches = encoder.batches(rows, MAX_REQUEST_BYTES);
        synchronized (tableLocks.computeIfAbsent(table, t -> new Object())) {
            for (ProtoRowEncoder.Batch batch : batches) {
                appendBatch(table, encoder.schema(), batch);
            }
        }
    }

    private void appendBatch(String table, ProtoSchema schema, ProtoRowEncoder.Batch batch) {
        String what = "append of " + batch.size() + " rows to " + table + " (Storage Write API)";
        Cancellation never = new Cancellation();
        Stream stream = streams.get(table);
        if (stream == null) {
            stream = new Stream(retry.run("create a write stream on " + table, never, () -> createStream(table),
                    StorageWriteAppends::judge));
            streams.put(table, stream);
        }
        long offset = stream.next;
        AppendRowsRequest request = AppendRowsRequest.newBuilder()
                .setWriteStream(stream.name)
                .setOffset(Int64Value.of(offset))
                .setProtoRows(AppendRowsRequest.ProtoData.newBuilder().setWriterSchema(schema).setRows(batch.rows()))
                .build();
        try {
            retry.run(what + " at offset " + offset, never, () -> send(request), StorageWriteAppends::judge);
        } catch (PermanentFailure refused) {
            if (!(refused.getCause() instanceof RowsRefused)) {
                // not the rows: the stream itself may be gone (finalized, deleted after long idleness) or out of step
                streams.remove(table);
            }
            throw refused;
        } catch (RetryableFailure unknown) {
            streams.remove(table);
            throw unknown;
        }
        stream.next = offset + batch.size();
    }

    private String createStream(String table) {
        String[] parts = table.split("\\.");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new PermanentFailure("table reference '" + table + "' must be dataset.table");
        }
        CreateWriteStreamRequest request = CreateWriteStreamRequest.newBuilder()
                .setParent(TableName.of(projectId, parts[0], parts[1]).toString())
                .setWriteStream(WriteStream.newBuilder().setType(WriteStream.Type.COMMITTED))
                .build();
        String name = client().createWriteStream(request).getName();
        LOG.debugf("Write stream %s created for %s", name, table);
        return name;
    }

    /**
     * One request on its own connection; returns when BigQuery acknowledged it (or said it already had it). The
     * connection names its stream in the routing header, as the library's own StreamWriter does: a streaming call
     * cannot take it from a request the way the client's unary calls do.
     */
    private Void send(AppendRowsRequest request) {
        BidiStream<AppendRowsRequest, AppendRowsResponse> call = client().appendRowsCallable()
                .call(GrpcCallContext.createDefault().withTimeoutDuration(appendTimeout).withExtraHeaders(
                        Map.of(ROUTING_HEADER, List.of("write_stream=" + request.getWriteStream()))));
        try {
            call.send(request);
            call.closeSend();
            Iterator<AppendRowsResponse> answers = call.iterator();
            if (!answers.hasNext()) {
                throw new NoAnswer();
            }
            return accepted(request, answers.next());
        } catch (ApiException e) {
            if (e.getStatusCode().getCode() == StatusCode.Code.ALREADY_EXISTS) {
                return alreadyWritten(request);
            }
            throw e;
        } finally {
            call.cancel();
        }
    }

    private static Void accepted(AppendRowsRequest request, AppendRowsResponse answer) {
        if (answer.getRowErrorsCount() > 0) {
            throw new RowsRefused(answer.getRowErrorsList().stream()
                    .map(e -> "row " + e.getIndex() + ": " + e.getCode() + " " + e.getMessage())
                    .collect(Collectors.joining("; ", "BigQuery refused the request's rows (none was written): ", "")));
        }
        if (answer.hasError()) {
            Code code = Code.forNumber(answer.getError().getCode());
            if (code == Code.ALREADY_EXISTS) {
                return alreadyWritten(request);
            }
            StatusCode.Code status = code == null ? StatusCode.Code.UNKNOWN : StatusCode.Code.valueOf(code.name());
            throw new AnsweredError(status, status + ": " + answer.getError().getMessage());
        }
        return null;
    }

    private static Void alreadyWritten(AppendRowsRequest request) {
        LOG.debugf("Offset %d of %s was already written: an earlier attempt landed", request.getOffset().getValue(),
                request.getWriteStream());
        return null;
    }

    private static RetryLoop.Verdict judge(RuntimeException e) {
        if (e instanceof RowsRefused) {
            return new RetryLoop.Verdict(RetryLoop.Kind.PERMANENT, e.getMessage());
        }
        if (e instanceof NoAnswer) {
            return new RetryLoop.Verdict(RetryLoop.Kind.TRANSIENT, e.getMessage());
        }
        StatusCode.Code code;
        String detail;
        if (e instanceof AnsweredError answered) {
            code = answered.code;
            detail = answered.getMessage();
        } else if (e instanceof ApiException api) {
            code = api.getStatusCode().getCode();
            detail = code + ": " + api.getMessage();
        } else {
            return null;
        }
        if (code == StatusCode.Code.RESOURCE_EXHAUSTED) {
            return new RetryLoop.Verdict(RetryLoop.Kind.RATE_LIMIT, detail);
        }
        return new RetryLoop.Verdict(TRANSIENT.contains(code) ? RetryLoop.Kind.TRANSIENT : RetryLoop.Kind.PERMANENT,
                detail);
    }

    private synchronized BigQueryWriteClient client() {
        if (client == null) {
            try {
                client = BigQueryWriteClient.create(settings);
            } catch (IOException e) {
                throw new UncheckedIOException("could not open the Storage Write API client", e);
            }
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
