package fullcourt.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Shows successive frames of a live view. On a terminal ({@link Mode#IN_PLACE}) each frame replaces
 * the previous one (ANSI cursor up and erase below), so the view stays in one place; otherwise
 * ({@link Mode#PERIODIC}: a CI log, a file, a pipe) a frame is printed at most every
 * {@code printEvery}, as plain lines, and the last one always.
 */
public final class LiveConsole {

    /** How frames reach the output. */
    public enum Mode {
        IN_PLACE, PERIODIC
    }

    static final String ESC = "\u001b[";

    private final PrintWriter out;
    private final Mode mode;
    private final Duration printEvery;
    private final InstantSource clock;
    private int linesShown;
    private Instant lastPrinted;

    /** {@code clock} decides when a periodic frame is due: a {@link java.time.Clock}, or any source of instants. */
    public LiveConsole(PrintWriter out, Mode mode, Duration printEvery, InstantSource clock) {
        this.out = out;
        this.mode = mode;
        this.printEvery = printEvery;
        this.clock = clock;
    }

    /**
     * In place when this process writes to a terminal. {@code System.console()} is null when standard
     * input or output is redirected, which is when escape codes would end up as text in a file.
     */
    public static Mode detect() {
        return System.console() != null ? Mode.IN_PLACE : Mode.PERIODIC;
    }

    public Mode mode() {
        return mode;
    }

    /** A new frame: drawn over the previous one in place, printed when due otherwise. */
    public void show(List<String> frame) {
        if (mode == Mode.IN_PLACE) {
            redraw(frame);
            return;
        }
        Instant now = clock.instant();
        if (lastPrinted == null || !now.isBefore(lastPrinted.plus(printEvery))) {
            print(frame);
            lastPrinted = now;
        }
    }

    /** The final frame: always shown, and the next output starts below it. */
    public void last(List<String> frame) {
        if (mode == Mode.IN_PLACE) {
            redraw(frame);
        } else {
            print(frame);
        }
        linesShown = 0;
        lastPrinted = null;
    }

    private void redraw(List<String> frame) {
        StringBuilder text = new StringBuilder();
        if (linesShown > 0) {
            // up to the first line of the previous frame, then erase it and everything below
            text.append(ESC).append(linesShown).append('A').append('\r').append(ESC).append('J');
        }
        for (String line : frame) {
            text.append(line).append(System.lineSeparator());
        }
        out.print(text);
        out.flush();
        linesShown = frame.size();
    }

    private void print(List<String> frame) {
        frame.forEach(out::println);
        out.flush();
    }
}
