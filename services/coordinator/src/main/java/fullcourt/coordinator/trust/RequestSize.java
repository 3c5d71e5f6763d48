package fullcourt.coordinator.trust;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.MessageCodec;
import java.util.Optional;

/**
 * A request that fits the codec when received can outgrow it once resolved (relative dates written out, a derived
 * id): its RUN_ACCEPTED ledger row holds it encoded, so it must still encode. Refused with the reason instead of
 * thrown (which nacked it forever).
 */
public final class RequestSize {

    private RequestSize() {
    }

    /** Why the resolved {@code request} cannot be recorded, or empty. */
    public static Optional<String> problem(BackfillRequest request) {
        try {
            MessageCodec.encode(request);
            return Optional.empty();
        } catch (IllegalArgumentException tooLarge) {
            return Optional.of("request: once resolved, " + tooLarge.getMessage()
                    + "; send fewer dates (a range from..to instead of a list) or fewer labels");
        }
    }
}
