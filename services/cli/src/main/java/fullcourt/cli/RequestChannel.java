package fullcourt.cli;

import fullcourt.messages.BackfillRequest;

/** Pub/Sub as {@code fullcourt request} uses it: publish a request, hear the coordinator's run events. */
public interface RequestChannel extends AutoCloseable {

    /** Starts hearing run events; open it before publishing, since a new subscription gets only later messages. */
    RunEventStream openRunEvents();

    /** Publishes the request and returns its Pub/Sub message id once Pub/Sub has confirmed it. */
    String publish(BackfillRequest request);

    /** Releases what was opened, including the run-event subscription. */
    @Override
    void close();
}
