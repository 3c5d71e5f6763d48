package fullcourt.cli;

import fullcourt.messages.RunEvent;
import java.time.Duration;
import java.util.Optional;

/** The run events published since the stream was opened, one at a time. */
public interface RunEventStream {

    /**
     * The next run event, waiting up to {@code timeout}; empty when none came in time.
     *
     * @throws SystemFailureException when the subscription failed
     */
    Optional<RunEvent> next(Duration timeout);
}
