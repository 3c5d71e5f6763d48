package fullcourt.cli;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/** Request ids for requests without {@code --request-id}: readable, sortable by time, unlikely to collide. */
@Singleton
public class RequestIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RandomGenerator random;

    @Inject
    public RequestIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** {@code bf-<yyyyMMdd-HHmmss>-<4 hex>}, the time in UTC. */
    public String next() {
        return "bf-" + STAMP.format(clock.instant()) + "-" + String.format("%04x", random.nextInt(0x10000));
    }
}
