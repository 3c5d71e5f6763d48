package fullcourt.sqlcheck;

import com.google.protobuf.MessageLite;
import com.google.zetasql.ClientChannelProvider;
import com.google.zetasql.JniChannelProvider;
import com.google.zetasql.io.grpc.CallOptions;
import com.google.zetasql.io.grpc.Channel;
import com.google.zetasql.io.grpc.ClientCall;
import com.google.zetasql.io.grpc.ClientInterceptor;
import com.google.zetasql.io.grpc.ClientInterceptors;
import com.google.zetasql.io.grpc.MethodDescriptor;
import com.google.zetasql.io.grpc.protobuf.lite.ProtoLiteUtils;

/**
 * ZetaSQL's in-process analyzer channel (JNI), reading answers with a deeper protobuf nesting limit. The Java client
 * gets each resolved tree as one protobuf message, and protobuf refuses messages nested deeper than 100 by default
 * ("Failed to read message."): a fingerprint query's {@code a || '|' || b || ...} over 40 columns resolves to a tree
 * deeper than that. Found first by the ServiceLoader (META-INF/services in this module's test resources, which come
 * before the jni-channel jar on the test classpath).
 */
public final class DeepResolvedTreeChannel implements ClientChannelProvider {

    /** Far above the deepest tree our statements make (a few hundred levels), far below a stack overflow. */
    static final int NESTING_LIMIT = 5_000;

    @Override
    public Channel newChannel() {
        return ClientInterceptors.intercept(new JniChannelProvider().newChannel(), new DeepResponses());
    }

    private static final class DeepResponses implements ClientInterceptor {

        @Override
        @SuppressWarnings("unchecked")
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            if (method.getResponseMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<R> proto
                    && proto.getMessagePrototype() instanceof MessageLite prototype) {
                MethodDescriptor.Marshaller<R> deep =
                        (MethodDescriptor.Marshaller<R>) ProtoLiteUtils.marshallerWithRecursionLimit(prototype, NESTING_LIMIT);
                return next.newCall(method.toBuilder().setResponseMarshaller(deep).build(), options);
            }
            return next.newCall(method, options);
        }
    }
}
