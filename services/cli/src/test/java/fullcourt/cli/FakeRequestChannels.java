package fullcourt.cli;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.RunEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A stand-in for Pub/Sub: records what the request command does, and answers each publish as told. */
final class FakeRequestChannels implements RequestChannels {

    /** What happened, in order: open, openRunEvents, publish, close. */
    final List<String> calls = new ArrayList<>();
    final List<BackfillRequest> published = new ArrayList<>();
    PubSubOptions openedWith;
    /** The subscription the last openRunEvents named; empty for a temporary one. */
    Optional<String> openedOn;

    private final Function<BackfillRequest, List<RunEvent>> answers;
    private final Deque<RunEvent> pending = new ArrayDeque<>();

    /** {@code answers} gives the run events that follow a publish of the request. */
    FakeRequestChannels(Function<BackfillRequest, List<RunEvent>> answers) {
        this.answers = answers;
    }

    static FakeRequestChannels silent() {
        return new FakeRequestChannels(request -> List.of());
    }

    BackfillRequest onlyPublished() {
        if (published.size() != 1) {
            throw new AssertionError("expected one published request, got " + published);
        }
        return published.get(0);
    }

    @Override
    public RequestChannel open(PubSubOptions options) {
        openedWith = options;
        calls.add("open");
        return new RequestChannel() {
            @Override
            public RunEventStream openRunEvents(String requestId, Optional<String> subscription) {
                calls.add("openRunEvents");
                openedOn = subscription;
                return timeout -> Optional.ofNullable(pending.poll());
            }

            @Override
            public String publish(BackfillRequest request) {
                calls.add("publish");
                published.add(request);
                pending.addAll(answers.apply(request));
                return "m-" + published.size();
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
    }
}
