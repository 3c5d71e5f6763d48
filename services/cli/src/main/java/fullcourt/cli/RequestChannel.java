package fullcourt.cli;

import fullcourt.messages.BackfillRequest;

/** Pub/Sub as {@code fullcourt request} uses it: publish a request, hear the coordinator's run events. */
public interface RequestChannel extends AutoCloseable {

    /**
     * Starts hearing the run events of request {@code requestId}; open it before publishing. {@code subscription}:
     * an existing subscription shared with other commands (the operators'), where the events of other requests are
     * left for the commands waiting for them; empty for a temporary subscription of this command's own, which gets
     * only messages published after it was created.
     */
    RunEventStream openRunEvents(String requestId, java.util.Optional<String> subscription);

    /** Publishes the request and returns its Pub/Sub message id once Pub/Sub has confirmed it. */
    String publish(BackfillRequest request);

    /** Releases what was opened, including the run-event subscription. */
    @Override
    void close();
}
