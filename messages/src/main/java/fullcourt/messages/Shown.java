package fullcourt.messages;

import com.fasterxml.jackson.databind.JsonNode;

/** Untrusted values as they appear in problem messages: printable ASCII only, at most 80 characters. */
final class Shown {

    // Problem messages end up in logs, run events and terminals; a hostile value must not forge lines or flood them.
    static final int MAX_CHARS = 80;

    private Shown() {
    }

    /** A string in double quotes, JSON-escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                LogText.appendPrintable(out, c);
            }
        }
        return truncated(out.append('"'), MAX_CHARS);
    }

    /** A JSON value as written in JSON (strings quoted). */
    static String json(JsonNode node) {
        if (node.isTextual()) {
            return quoted(node.textValue());
        }
        return printable(node.toString(), MAX_CHARS);
    }

    /** Free text (e.g. a parser's message, which may echo the input) with non-printable characters escaped. */
    static String printable(String text, int maxChars) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            LogText.appendPrintable(out, c);
        }
        return truncated(out, maxChars);
    }

    private static String truncated(StringBuilder text, int maxChars) {
        return text.length() <= maxChars ? text.toString() : text.substring(0, maxChars - 3) + "...";
    }
}
