package fullcourt.cli;

import java.util.Map;

/**
 * A run's state coloured for a person at a terminal: RUNNING blue, PAUSED cyan, CANCELLING magenta, CANCELLED grey,
 * COMPLETED green, COMPLETED_WITH_FAILURES yellow (the dashboard's colours). The text is the same either way; the
 * colour only adds to it. Off unless the output is a terminal and NO_COLOR is unset or empty (no-color.org), so a pipe, a file or a
 * CI log gets plain text.
 */
final class StateColours {

    /** No colour: the state as it is. */
    static final StateColours PLAIN = new StateColours(false);
    /** ANSI colours (SGR codes), for a terminal. */
    static final StateColours ANSI = new StateColours(true);

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    private StateColours(boolean enabled) {
        this.enabled = enabled;
    }

    /** For this process's standard output: a terminal when the JVM has a console (null when redirected). */
    static StateColours forStandardOutput() {
        return of(System.console() != null, System.getenv());
    }

    /** Colours when {@code terminal} and NO_COLOR is not set to a non-empty value in {@code environment}. */
    static StateColours of(boolean terminal, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) ? ANSI : PLAIN;
    }

    /** The state in its colour; as it is when off, or for a state this CLI does not know. */
    String paint(String state) {
        String code = enabled ? code(state) : null;
        return code == null ? state : "\u001b[" + code + "m" + state + RESET;
    }

    private static String code(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "RUNNING" -> "34";
            case "PAUSED" -> "36";
            case "CANCELLING" -> "35";
            case "CANCELLED" -> "90";
            case "COMPLETED" -> "32";
            case "COMPLETED_WITH_FAILURES" -> "33";
            default -> null;
        };
    }
}
