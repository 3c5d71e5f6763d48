package fullcourt.coordinator.trust;

import fullcourt.messages.LogText;

/** Who asked for a cancel or a replay, as its ledger row records it: bounded, one printable line. */
public final class Requester {

    private Requester() {
    }

    /** {@code requester} made safe to store and log; {@code unknown} when absent. */
    public static String of(String requester) {
        return requester == null || requester.isBlank() ? "unknown" : LogText.of(requester.strip(), 100);
    }

    /** The ledger row's detail for a request by {@code requester} (already {@link #of made safe}). */
    public static String detail(String requester) {
        return "requested by " + requester;
    }
}
