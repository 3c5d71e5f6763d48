package fullcourt.engine.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock a second later at each reading, from a start: things that happen one after the other are ordered in time. */
public final class TickingClock extends Clock {

    private final Instant start;
    private final AtomicLong seconds = new AtomicLong();

    public TickingClock(Instant start) {
        this.start = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return start.plusSeconds(seconds.incrementAndGet());
    }
}
