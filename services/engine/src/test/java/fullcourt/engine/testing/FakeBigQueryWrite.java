package fullcourt.engine.testing;

import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteGrpc;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Int64Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An in-process stand-in for the BigQuery Storage Write API (gRPC service google.cloud.bigquery.storage.v1.BigQueryWrite):
 * CreateWriteStream and AppendRows, as a COMMITTED stream behaves. It records every request, rows decoded with the
 * writer schema the request carried, and keeps each stream's rows: an append at the stream's end is written; at an
 * offset already written it answers ALREADY_EXISTS, beyond the end OUT_OF_RANGE, as BigQuery does (in the response,
 * not as the call's status). Faults are scripted per AppendRows request, in order.
 */
public final class FakeBigQueryWrite extends BigQueryWriteGrpc.BigQueryWriteImplBase implements AutoCloseable {

    /** One AppendRows request: the stream it names, its offset (-1 when none), and its rows by field name. */
    public record Append(String stream, long offset, List<Map<String, Object>> rows) {
    }

    private enum FaultKind { NONE, FAIL_BEFORE_WRITING, FAIL_AFTER_WRITING, REFUSE_ROW, ANSWER_ERROR }

    /** {@code row}: the row refused, or the code answered. */
    private record Fault(FaultKind kind, Status status, int row, String message) {
    }

    private final Server server;
    private final ManagedChannel channel;
    private final List<CreateWriteStreamRequest> creates = new ArrayList<>();
    private final List<Append> appends = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> streams = new LinkedHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> appendRoutings = new ArrayList<>();

    private static final Metadata.Key<String> ROUTING = Metadata.Key.of("x-goog-request-params",
            Metadata.ASCII_STRING_MARSHALLER);

    private FakeBigQueryWrite() {
        String name = InProcessServerBuilder.generateName();
        ServerInterceptor routing = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                               ServerCallHandler<Q, A> next) {
                if (call.getMethodDescriptor().getFullMethodName().endsWith("/AppendRows")) {
                    synchronized (FakeBigQueryWrite.this) {
                        appendRoutings.add(String.valueOf(headers.get(ROUTING)));
                    }
                }
                return next.startCall(call, headers);
            }
        };
        try {
            server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(this, routing)).build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    public static FakeBigQueryWrite start() {
        return new FakeBigQueryWrite();
    }

    /** The channel to give the client's settings (no credentials needed). */
    public TransportChannelProvider channels() {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    /** The next AppendRows request is answered as usual: a fault scripted after it is for a later request. */
    public synchronized void answerNextAppend() {
        faults.add(new Fault(FaultKind.NONE, null, 0, null));
    }

    /** The next AppendRows request fails with {@code status} without writing anything. */
    public synchronized void failNextAppend(Status status) {
        faults.add(new Fault(FaultKind.FAIL_BEFORE_WRITING, status, 0, null));
    }

    /** The next AppendRows request is written, then its call fails with {@code status}: the answer is lost. */
    public synchronized void failNextAppendAfterWriting(Status status) {
        faults.add(new Fault(FaultKind.FAIL_AFTER_WRITING, status, 0, null));
    }

    /** The next AppendRows request is refused (INVALID_ARGUMENT), naming row {@code row} and why. */
    public synchronized void refuseRowOfNextAppend(int row, String message) {
        faults.add(new Fault(FaultKind.REFUSE_ROW, null, row, message));
    }

    /** The next AppendRows request is answered with an error in the response (the call stays up), nothing written. */
    public synchronized void answerNextAppendWith(Code code, String message) {
        faults.add(new Fault(FaultKind.ANSWER_ERROR, null, code.getNumber(), message));
    }

    public synchronized List<CreateWriteStreamRequest> creates() {
        return List.copyOf(creates);
    }

    public synchronized List<Append> appends() {
        return List.copyOf(appends);
    }

    /** The routing header ({@code x-goog-request-params}) of each AppendRows connection, in order. */
    public synchronized List<String> appendRoutings() {
        return List.copyOf(appendRoutings);
    }

    /** The rows of one stream as written, in order. */
    public synchronized List<Map<String, Object>> rows(String stream) {
        return List.copyOf(streams.getOrDefault(stream, List.of()));
    }

    /** Every stream's rows, stream after stream in the order created. */
    public synchronized List<Map<String, Object>> allRows() {
        return streams.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public synchronized void createWriteStream(CreateWriteStreamRequest request, StreamObserver<WriteStream> answer) {
        creates.add(request);
        String name = request.getParent() + "/streams/s" + creates.size();
        streams.put(name, new ArrayList<>());
        answer.onNext(request.getWriteStream().toBuilder().setName(name).build());
        answer.onCompleted();
    }

    @Override
    public StreamObserver<AppendRowsRequest> appendRows(StreamObserver<AppendRowsResponse> answer) {
        return new StreamObserver<>() {
            private String stream;
            private Descriptor descriptor;
            private boolean closed;

            @Override
            public void onNext(AppendRowsRequest request) {
                synchronized (FakeBigQueryWrite.this) {
                    if (!request.getWriteStream().isEmpty()) {
                        stream = request.getWriteStream();
                    }
                    if (request.getProtoRows().hasWriterSchema()) {
                        descriptor = descriptorOf(request.getProtoRows().getWriterSchema());
                    }
                    List<Map<String, Object>> rows = decode(descriptor, request.getProtoRows().getRows()
                            .getSerializedRowsList());
                    long offset = request.hasOffset() ? request.getOffset().getValue() : -1;
                    appends.add(new Append(stream, offset, rows));
                    answer(offset, rows, faults.poll());
                }
            }

            private void answer(long offset, List<Map<String, Object>> rows, Fault fault) {
                if (fault != null && fault.kind() == FaultKind.FAIL_BEFORE_WRITING) {
                    fail(fault.status());
                    return;
                }
                if (fault != null && fault.kind() == FaultKind.REFUSE_ROW) {
                    answer.onNext(AppendRowsResponse.newBuilder()
                            .setError(com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE)
                                    .setMessage("Errors found while processing rows"))
                            .addRowErrors(RowError.newBuilder().setIndex(fault.row())
                                    .setCode(RowError.RowErrorCode.FIELDS_ERROR).setMessage(fault.message()))
                            .build());
                    return;
                }
                if (fault != null && fault.kind() == FaultKind.ANSWER_ERROR) {
                    answer.onNext(inStreamError(Code.forNumber(fault.row()), fault.message()));
                    return;
                }
                List<Map<String, Object>> written = streams.get(stream);
                if (written == null) {
                    fail(Status.NOT_FOUND.withDescription("Requested entity was not found: " + stream));
                    return;
                }
                long at = offset < 0 ? written.size() : offset;
                if (at < written.size()) {
                    answer.onNext(inStreamError(Code.ALREADY_EXISTS, "The offset is within stream, expected offset "
                            + written.size() + ", received " + offset));
                    return;
                }
                if (at > written.size()) {
                    answer.onNext(inStreamError(Code.OUT_OF_RANGE, "The offset is beyond stream, expected offset "
                            + written.size() + ", received " + offset));
                    return;
                }
                written.addAll(rows);
                if (fault != null && fault.kind() == FaultKind.FAIL_AFTER_WRITING) {
                    fail(fault.status());
                    return;
                }
                answer.onNext(AppendRowsResponse.newBuilder().setWriteStream(stream)
                        .setAppendResult(AppendRowsResponse.AppendResult.newBuilder().setOffset(Int64Value.of(at)))
                        .build());
            }

            private void fail(Status status) {
                closed = true;
                answer.onError(status.asRuntimeException());
            }

            @Override
            public void onError(Throwable t) {
                closed = true;
            }

            @Override
            public void onCompleted() {
                synchronized (FakeBigQueryWrite.this) {
                    if (!closed) {
                        closed = true;
                        answer.onCompleted();
                    }
                }
            }
        };
    }

    private static AppendRowsResponse inStreamError(Code code, String message) {
        return AppendRowsResponse.newBuilder()
                .setError(com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message)).build();
    }

    private static Descriptor descriptorOf(ProtoSchema schema) {
        try {
            FileDescriptor file = FileDescriptor.buildFrom(FileDescriptorProto.newBuilder()
                    .addMessageType(schema.getProtoDescriptor()).build(), new FileDescriptor[0]);
            return file.findMessageTypeByName(schema.getProtoDescriptor().getName());
        } catch (DescriptorValidationException e) {
            throw new IllegalArgumentException("writer schema: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> decode(Descriptor descriptor, List<ByteString> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ByteString bytes : rows) {
            try {
                DynamicMessage row = DynamicMessage.parseFrom(descriptor, bytes);
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<FieldDescriptor, Object> f : row.getAllFields().entrySet()) {
                    values.put(f.getKey().getName(), f.getValue());
                }
                out.add(values);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("a row does not parse with its writer schema", e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
