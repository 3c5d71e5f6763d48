package fullcourt.engine.worker;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable as a bounded text for a task's error: its line and first frames, then each cause's
 * line and first frames, in the layout of {@link Throwable#printStackTrace()}.
 */
final class StackTraceExcerpt {

    // Enough to reach the throwing method from the JDK frames above it (a Set.contains, a stream's lambda).
    static final int FRAMES = 10;
    // Where a wrapped failure came from is usually in its first frames.
    static final int CAUSE_FRAMES = 3;
    static final int CAUSES = 5;
    // An exception's message may quote a whole SQL text or a document: keep it from hiding the frames.
    static final int LINE_CHARS = 300;
    // The error travels in a TaskEvent, whose whole body must fit the codec's 64 KiB (MessageCodec.MAX_BYTES) and is
    // meant to stay small; even JSON-escaped (each newline and tab two bytes) and non-ASCII, 4,000 chars stay far
    // below it. The ledger keeps it as the task's last error, the CLI shows one line of it.
    static final int MAX_CHARS = 4000;

    private StackTraceExcerpt() {
    }

    /** {@code t}'s excerpt, at most {@link #MAX_CHARS} characters. */
    static String of(Throwable t) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = t;
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (int depth = 0; current != null && seen.add(current); depth++) {
            if (depth > CAUSES) {
                out.append("\nCaused by: ... (").append(causesFrom(current, seen)).append(" more causes)");
                break;
            }
            if (depth > 0) {
                out.append("\nCaused by: ");
            }
            out.append(line(current));
            StackTraceElement[] frames = current.getStackTrace();
            // as printStackTrace does, frames shared with the enclosing trace are counted, not repeated
            int own = frames.length - inCommon(frames, enclosing);
            int shown = Math.min(own, depth == 0 ? FRAMES : CAUSE_FRAMES);
            for (int i = 0; i < shown; i++) {
                out.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > shown) {
                out.append("\n\t... ").append(frames.length - shown).append(" more");
            }
            enclosing = frames;
            current = current.getCause();
        }
        return out.length() <= MAX_CHARS ? out.toString() : out.substring(0, MAX_CHARS - 3) + "...";
    }

    private static String line(Throwable t) {
        String line = t.toString();
        return line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS - 3) + "...";
    }

    private static int inCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return frames.length - 1 - m;
    }

    /** {@code t}, already seen, and the causes below it not seen yet. */
    private static int causesFrom(Throwable t, Set<Throwable> seen) {
        int count = 1;
        for (Throwable c = t.getCause(); c != null && seen.add(c); c = c.getCause()) {
            count++;
        }
        return count;
    }
}
