package fullcourt.coordinator.lease;

import fullcourt.coordinator.CoordinatorStopped;

/**
 * This coordinator does not hold the coordinator lease (standby, lost, or lapsed): it may not write the ledger or
 * dispatch, and a message in its hands is nacked so the holder gets it.
 */
public class NotLeaseHolder extends CoordinatorStopped {

    public NotLeaseHolder(String why) {
        super("not the coordinator lease holder: " + why);
    }
}
