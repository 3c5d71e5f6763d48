package fullcourt.coordinator.trust;

import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.messages.DateWork;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.LogText;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.TaskEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads incoming task events and dead letters and screens them ({@link MessageScreen}) before anything reaches the
 * ledger: unreadable and rejected ones are counted and dropped, those of a run unknown here handed back.
 */
public final class InboundScreen {

    private static final Logger LOG = Logger.getLogger(InboundScreen.class);

    private final MessageScreen screen;

    public InboundScreen(MessageScreen screen) {
        this.screen = screen;
    }

    /**
     * The task events of one turn, screened in the order received: those {@code accepted}, each with its
     * {@code position} among the bodies, and per body an {@code outcome}: null (accepted, or rejected and harmless)
     * or an {@link UnknownRun} to hand it back to Pub/Sub.
     */
    public record TaskEvents(List<TaskEvent> accepted, List<Integer> positions, List<RuntimeException> outcomes) {
    }

    /** Decodes and screens {@code bodies} against the state before them. */
    public TaskEvents taskEvents(List<byte[]> bodies, Scheduler state) {
        List<RuntimeException> outcomes = new ArrayList<>(Collections.nCopies(bodies.size(), null));
        List<Integer> positions = new ArrayList<>(bodies.size());
        List<TaskEvent> accepted = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            TaskEvent e;
            try {
                e = MessageCodec.decode(bodies.get(i), TaskEvent.class);
            } catch (InvalidMessageException ex) {
                screen.rejected(MessageScreen.TASK_EVENT, "invalid", ex.getMessage());
                continue;
            }
            Verdict verdict = screen.taskEvent(e, state);
            if (verdict.kind() == Verdict.Kind.UNKNOWN_RUN) {
                LOG.debugf("Task event of unknown run %s handed back to Pub/Sub", e.runId());
                outcomes.set(i, new UnknownRun(verdict.detail()));
            } else if (verdict.accepted()) {
                positions.add(i);
                accepted.add(e);
            }
        }
        return new TaskEvents(accepted, positions, outcomes);
    }

    /**
     * The dead-lettered DateWork in {@code body} if it may end its task DEAD; empty when it was rejected (counted).
     *
     * @throws UnknownRun when it is of a run unknown here, to hand it back
     */
    public Optional<DateWork> deadLetter(byte[] body, String error, Scheduler state) {
        DateWork work;
        try {
            work = MessageCodec.decode(body, DateWork.class);
        } catch (InvalidMessageException ex) {
            screen.rejected(MessageScreen.DEAD_LETTER, "invalid", ex.getMessage() + " (its error: "
                    + LogText.of(error) + ")");
            return Optional.empty();
        }
        Verdict verdict = screen.deadLetter(work, state);
        if (verdict.kind() == Verdict.Kind.UNKNOWN_RUN) {
            throw new UnknownRun(verdict.detail());
        }
        return verdict.accepted() ? Optional.of(work) : Optional.empty();
    }
}
