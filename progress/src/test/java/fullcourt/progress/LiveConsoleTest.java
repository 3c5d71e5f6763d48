package fullcourt.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveConsoleTest {

    private static final String NL = System.lineSeparator();
    private static final String UP = "\u001b[";

    private final StringWriter written = new StringWriter();
    private final SteppedClock clock = new SteppedClock();

    @Test
    void onATerminalEachFrameReplacesThePreviousOne() {
        LiveConsole console = new LiveConsole(new PrintWriter(written), LiveConsole.Mode.IN_PLACE,
                Duration.ofSeconds(10), clock);

        console.show(List.of("a", "b"));
        console.show(List.of("c", "d", "e"));
        console.last(List.of("f"));
        console.show(List.of("g"));

        assertThat(written.toString()).isEqualTo(
                "a" + NL + "b" + NL
                        // two lines up, erase them and below, draw three
                        + UP + "2A\r" + UP + "J" + "c" + NL + "d" + NL + "e" + NL
                        + UP + "3A\r" + UP + "J" + "f" + NL
                        // after the last frame the next view starts below it, over nothing
                        + "g" + NL);
    }

    @Test
    void elsewhereFramesArePrintedAsPlainLinesAtMostEveryIntervalAndTheLastAlways() {
        LiveConsole console = new LiveConsole(new PrintWriter(written), LiveConsole.Mode.PERIODIC,
                Duration.ofSeconds(10), clock);

        console.show(List.of("t0"));          // first frame: printed
        clock.advance(Duration.ofSeconds(5));
        console.show(List.of("t5"));          // 5 s after: not yet
        clock.advance(Duration.ofSeconds(5));
        console.show(List.of("t10"));         // 10 s after t0: printed
        clock.advance(Duration.ofSeconds(1));
        console.last(List.of("end"));         // 1 s after, but the last: printed

        assertThat(written.toString()).isEqualTo("t0" + NL + "t10" + NL + "end" + NL).doesNotContain(UP);
    }

    /** A clock that moves only when told. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2024-01-05T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
