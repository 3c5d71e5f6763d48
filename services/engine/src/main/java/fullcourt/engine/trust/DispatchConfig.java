package fullcourt.engine.trust;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The key that signs and verifies dispatch tokens, shared by the coordinator and every phase service. */
@ConfigMapping(prefix = "fullcourt.dispatch")
public interface DispatchConfig {

    /**
     * At least 32 bytes ({@code openssl rand -base64 48}). Required in the {@code prod-gcp} profile
     * ({@code FULLCOURT_DISPATCH_KEY}); unset elsewhere, a fixed local key is used, with a warning.
     */
    Optional<String> key();
}
