package fullcourt.messages;

/**
 * Text from a message made safe for one log line or a stored error: control characters (newlines included) escaped,
 * anything outside printable ASCII as {@code \\uXXXX}, and bounded, so that a hostile value can neither forge log
 * lines nor flood them.
 */
public final class LogText {

    /** The default bound: room for an id, a path or the first line of an error. */
    public static final int MAX_CHARS = 200;

    private LogText() {
    }

    /** {@code text} escaped and bounded to {@link #MAX_CHARS}; {@code "null"} for null. */
    public static String of(String text) {
        return of(text, MAX_CHARS);
    }

    /** {@code text} escaped and bounded to {@code maxChars} (at least 4). */
    public static String of(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length() && out.length() <= maxChars; i++) {
            appendPrintable(out, text.charAt(i));
        }
        return out.length() <= maxChars ? out.toString() : out.substring(0, maxChars - 3) + "...";
    }

    /** Like {@link #of(String, int)} but keeps newlines and tabs: a multi-line error (a stack excerpt) to store. */
    public static String multiline(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length() && out.length() <= maxChars; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(c);
            } else {
                appendPrintable(out, c);
            }
        }
        return out.length() <= maxChars ? out.toString() : out.substring(0, maxChars - 3) + "...";
    }

    static void appendPrintable(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c >= 0x20 && c < 0x7f) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
    }
}
