package fullcourt.cli;

import fullcourt.messages.RunEvent;
import fullcourt.messages.RunEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The coordinator's answer to one published request: the ACCEPTED or REJECTED run event that names it. */
record AwaitedAnswer(String requestId, String messageId) {

    boolean answeredBy(RunEvent event) {
        if (event.type() != RunEventType.ACCEPTED && event.type() != RunEventType.REJECTED) {
            return false;
        }
        return requestId.equals(event.requestId()) || requestId.equals(event.runId())
                // A body the coordinator cannot decode has no request id for it to quote: it names the rejection
                // after the Pub/Sub message id instead (e.g. when this CLI and the coordinator disagree on a schema).
                || (messageId != null && ("rejected-" + messageId).equals(event.runId()));
    }

    /** The first answering event on {@code events} before {@code timeout} runs out, skipping every other event. */
    Optional<RunEvent> awaitFrom(RunEventStream events, Duration timeout, Clock clock) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            Optional<RunEvent> event = events.next(left);
            if (event.isEmpty() || answeredBy(event.get())) {
                return event;
            }
        }
    }
}
