package fullcourt.infra.testing;

import fullcourt.infra.PubSubConnection;
import fullcourt.infra.PubSubEmulator;
import fullcourt.messages.Topics;
import java.util.Random;

/** A Pub/Sub emulator and a connection to it, for a test class: start in @BeforeAll, close in @AfterAll. */
public final class RunningEmulator implements AutoCloseable {

    private static final Random NAMES = new Random();

    private final PubSubEmulator emulator;
    private final PubSubConnection connection;

    private RunningEmulator(PubSubEmulator emulator, PubSubConnection connection) {
        this.emulator = emulator;
        this.connection = connection;
    }

    public static RunningEmulator start(String projectId) {
        PubSubEmulator emulator = PubSubEmulator.start();
        return new RunningEmulator(emulator, PubSubConnection.emulator(emulator.hostPort(), projectId));
    }

    public PubSubEmulator emulator() {
        return emulator;
    }

    public PubSubConnection connection() {
        return connection;
    }

    /** Fresh topic and subscription names, so tests sharing the emulator never see each other's messages. */
    public static Topics freshTopics() {
        return Topics.withPrefix("t" + Integer.toUnsignedString(NAMES.nextInt(), 36) + "-");
    }

    @Override
    public void close() {
        connection.close();
        emulator.close();
    }
}
