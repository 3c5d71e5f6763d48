package fullcourt.engine.trust;

import fullcourt.messages.DispatchToken;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** The process's {@link DispatchToken}: signs under {@code fullcourt.dispatch.key}, also verifies under {@code previous-keys}. */
public class DispatchTokens {

    private static final Logger LOG = Logger.getLogger(DispatchTokens.class);

    /**
     * The key of local runs when none is configured: public, so it proves nothing but keeps every local process
     * (the all-in-one, a coordinator and workers started apart) agreeing. Production sets its own; the
     * {@code prod-gcp} profile refuses to start without one.
     */
    public static final String LOCAL_KEY = "fullcourt-local-dispatch-key-not-a-secret-0001";

    @Produces
    @Singleton
    DispatchToken dispatchToken(DispatchConfig config) {
        String key = config.key().filter(k -> !k.isBlank()).orElse(null);
        if (key == null) {
            LOG.warnf("fullcourt.dispatch.key is not set: dispatch tokens use the public local key, which proves"
                    + " nothing; set FULLCOURT_DISPATCH_KEY (at least %d bytes) anywhere but on a laptop",
                    DispatchToken.MIN_KEY_BYTES);
            key = LOCAL_KEY;
        } else if (key.equals(LOCAL_KEY)) {
            LOG.warnf("fullcourt.dispatch.key is the public local key: it proves nothing");
        }
        List<String> previous = config.previousKeys().orElse(List.of()).stream().filter(k -> !k.isBlank()).toList();
        DispatchToken tokens = DispatchToken.withKeys(key, previous);
        if (tokens.previousKeyIds().isEmpty()) {
            LOG.infof("Dispatch tokens: signing and verifying with key %s", tokens.currentKeyId());
        } else {
            LOG.infof("Dispatch tokens: signing with key %s, also verifying with previous keys %s (a rotation is under"
                    + " way)", tokens.currentKeyId(), tokens.previousKeyIds());
        }
        return tokens;
    }
}
