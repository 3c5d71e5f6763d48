package fullcourt.engine.transport;

import io.grpc.ClientInterceptor;

/**
 * A test hook: a gRPC interceptor that {@link PubSubRuntime} installs on the emulator channel every Pub/Sub client of
 * the process shares, so a test sees each call the service makes (method and message). No bean implements it outside
 * tests; with Google Cloud Pub/Sub the runtime refuses one.
 */
public interface PubSubClientInterceptor extends ClientInterceptor {
}
