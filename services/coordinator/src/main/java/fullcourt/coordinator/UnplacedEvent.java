package fullcourt.coordinator;

/**
 * A task event or dead letter of a run this coordinator does not know: it is nacked, not acked and dropped, so that
 * it reaches the coordinator that knows the run (the lease holder, after a takeover) instead of being lost.
 */
public class UnplacedEvent extends CoordinatorStopped {

    public UnplacedEvent(String runId) {
        super("event of unknown run " + runId + " handed back");
    }
}
