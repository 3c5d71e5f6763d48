package fullcourt.cli;

import com.google.api.gax.rpc.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Pub/Sub errors turned into messages that say what was tried and how to fix it. */
final class PubSubFailures {

    private static final int MAX_DETAIL_CHARS = 200;

    private final PubSubOptions options;

    PubSubFailures(PubSubOptions options) {
        this.options = options;
    }

    /** The failure of {@code action} (e.g. "publish to backfill-requests"), whatever wrapped it. */
    SystemFailureException of(String action, Throwable error) {
        Throwable cause = unwrapped(error);
        ApiException api = find(cause, ApiException.class);
        String target = options.target();
        if (api != null) {
            String detail = detail(api);
            return switch (api.getStatusCode().getCode()) {
                case NOT_FOUND -> new SystemFailureException("cannot " + action + " on " + target + ": not found ("
                        + detail + "): are the topics provisioned (the services create them when they start)?"
                        + " check --project and --topic-prefix", error);
                case UNAVAILABLE, DEADLINE_EXCEEDED -> new SystemFailureException("cannot reach " + target + " to "
                        + action + " (" + detail + "): " + options.reachHint(), error);
                case PERMISSION_DENIED, UNAUTHENTICATED -> new SystemFailureException("not allowed to " + action
                        + " on " + target + " (" + detail + "): check the credentials and their Pub/Sub roles", error);
                default -> new SystemFailureException("cannot " + action + " on " + target + ": " + detail, error);
            };
        }
        if (find(cause, IOException.class) != null) {
            // Typically the Google client finding no application default credentials.
            return new SystemFailureException("cannot use " + target + " (" + shortened(cause.getMessage()) + "): "
                    + options.reachHint(), error);
        }
        return new SystemFailureException("cannot " + action + " on " + target + ": " + shortened(cause.toString()),
                error);
    }

    SystemFailureException timedOut(String action, Duration waited) {
        return new SystemFailureException("cannot reach " + options.target() + " to " + action + " (no answer within "
                + DurationText.of(waited) + "): " + options.reachHint());
    }

    private static String detail(ApiException api) {
        if (find(api, ConnectException.class) != null) {
            return "connection refused";
        }
        String code = api.getStatusCode().getCode().name();
        String message = shortened(rootOf(api).getMessage());
        // gRPC's messages usually start with the code already ("NOT_FOUND: ..."): say it once.
        return message.startsWith(code) ? message : code + ": " + message;
    }

    private static Throwable unwrapped(Throwable error) {
        Throwable t = error;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String shortened(String text) {
        if (text == null) {
            return "no detail";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS - 3) + "...";
    }
}
