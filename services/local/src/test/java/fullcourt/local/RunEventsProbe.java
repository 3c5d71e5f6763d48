package fullcourt.local;

import fullcourt.engine.testing.TopicProbe;
import fullcourt.engine.transport.PubSubRuntime;
import fullcourt.messages.RunEvent;
import fullcourt.messages.Topics;
import java.util.List;

/** Listens to run-events on a subscription of its own, as the CLI or a notifier would. */
final class RunEventsProbe implements AutoCloseable {

    private final TopicProbe probe;

    RunEventsProbe(PubSubRuntime runtime) {
        probe = new TopicProbe(runtime, Topics.DEFAULT.runEvents());
    }

    List<RunEvent> events() {
        return probe.decoded(RunEvent.class);
    }

    List<RunEvent> forRun(String runId) {
        return events().stream().filter(e -> runId.equals(e.runId())).toList();
    }

    @Override
    public void close() {
        probe.close();
    }
}
