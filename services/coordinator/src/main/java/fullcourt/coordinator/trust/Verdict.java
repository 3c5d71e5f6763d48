package fullcourt.coordinator.trust;

/**
 * What the coordinator does with a message it checked: accept it (its row goes to the ledger), reject it (counted
 * and logged under {@code reason}, acked: it is harmless), or hand it back (nack) because it names a run this
 * coordinator does not know, which another coordinator may (a handover).
 */
public record Verdict(Kind kind, String reason, String detail) {

    public enum Kind { ACCEPT, REJECT, UNKNOWN_RUN }

    public static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, null, null);

    public static Verdict reject(String reason, String detail) {
        return new Verdict(Kind.REJECT, reason, detail);
    }

    public static Verdict unknownRun(String runId) {
        return new Verdict(Kind.UNKNOWN_RUN, "unknown-run", "no run " + runId + " in this coordinator's ledger");
    }

    public boolean accepted() {
        return kind == Kind.ACCEPT;
    }
}
