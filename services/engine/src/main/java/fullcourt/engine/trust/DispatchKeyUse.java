package fullcourt.engine.trust;

import fullcourt.messages.TokenCheck;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs which key signed each accepted message: at DEBUG for every one, and once per process at INFO for each
 * previous (verify-only) key still in use, which is what an operator watches for before dropping that key from
 * {@code fullcourt.dispatch.previous-keys} (docs/trust.md, "Rotating the dispatch key").
 */
public final class DispatchKeyUse {

    private static final Logger LOG = Logger.getLogger(DispatchKeyUse.class);

    private final String verifier;
    private final Set<String> previousKeysSeen = ConcurrentHashMap.newKeySet();

    /** {@code verifier} names who checks, in the log lines: {@code worker}, {@code coordinator}. */
    public DispatchKeyUse(String verifier) {
        this.verifier = verifier;
    }

    /** Records that {@code what} (a short, already sanitized description) was accepted under {@code check}'s key. */
    public void accepted(TokenCheck check, String what) {
        if (check.status() == TokenCheck.Status.PREVIOUS_KEY && previousKeysSeen.add(check.keyId())) {
            LOG.infof("The %s accepted %s signed with previous dispatch key %s (verify-only); more may follow. Drop it"
                    + " from fullcourt.dispatch.previous-keys once no message signed with it can still be queued",
                    verifier, what, check.keyId());
        } else {
            LOG.debugf("The %s accepted %s signed with dispatch key %s", verifier, what, check.keyId());
        }
    }
}
