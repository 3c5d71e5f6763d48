package fullcourt.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LiveConsoleTest {

    private static final String NL = System.lineSeparator();
    private static final String UP = "\u001b[";

    private final StringWriter written = new StringWriter();
    /** Time moves only when the test says so. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-05T10:00:00Z"));
    private final InstantSource clock = now::get;

    private void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

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
        advance(Duration.ofSeconds(5));
        console.show(List.of("t5"));          // 5 s after: not yet
        advance(Duration.ofSeconds(5));
        console.show(List.of("t10"));         // 10 s after t0: printed
        advance(Duration.ofSeconds(1));
        console.last(List.of("end"));         // 1 s after, but the last: printed

        assertThat(written.toString()).isEqualTo("t0" + NL + "t10" + NL + "end" + NL).doesNotContain(UP);
    }
}
