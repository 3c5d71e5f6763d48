package fullcourt.engine.worker;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.trust.DispatchKeyUse;
import fullcourt.messages.DateWork;
import fullcourt.messages.DispatchToken;
import fullcourt.messages.LogText;
import fullcourt.messages.TokenCheck;
import java.util.Optional;

/**
 * Whether a worker may run a decoded {@link DateWork}: work of the phase whose subscription it came from, for a
 * dispatch the coordinator signed. Anything else is refused before a query runs or an event names it.
 */
public final class WorkAdmission {

    /** Why work was refused: a metric tag (few values) and the reason for the log and the dead letter. */
    public record Refusal(String tag, String reason) {
    }

    private final Catalog catalog;
    private final DispatchToken tokens;
    private final DispatchKeyUse keyUse = new DispatchKeyUse("worker");

    public WorkAdmission(Catalog catalog, DispatchToken tokens) {
        this.catalog = catalog;
        this.tokens = tokens;
    }

    /**
     * Why {@code work}, received on the work subscription of {@code subscriptionPhase} (0 when unknown), may not run;
     * empty when it may.
     */
    public Optional<Refusal> refusal(DateWork work, int subscriptionPhase) {
        Optional<ProcessorDeclaration> declared = catalog.find(work.processor());
        if (declared.isPresent() && subscriptionPhase != 0 && declared.get().phase() != subscriptionPhase) {
            return Optional.of(new Refusal("wrong-phase", "processor " + LogText.of(work.processor()) + " is of phase "
                    + declared.get().phase() + ", not of phase " + subscriptionPhase + " whose work topic this came on"));
        }
        TokenCheck token = tokens.check(work);
        if (!token.valid()) {
            return Optional.of(new Refusal(token.tag(), token.reason() + " (run " + LogText.of(work.runId()) + ", "
                    + LogText.of(work.processor()) + " " + work.date() + ", dispatch " + work.dispatch() + ")"));
        }
        keyUse.accepted(token, "work of run " + LogText.of(work.runId()) + ", " + work.processor() + " " + work.date());
        return Optional.empty();
    }
}
