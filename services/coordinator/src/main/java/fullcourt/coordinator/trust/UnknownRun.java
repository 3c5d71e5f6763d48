package fullcourt.coordinator.trust;

/**
 * A message about a run this coordinator does not know: handed back to Pub/Sub (nacked), not dropped, since during
 * a handover the coordinator that knows the run may take it.
 */
public final class UnknownRun extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownRun(String detail) {
        super(detail, null, false, false);
    }
}
