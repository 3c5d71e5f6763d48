package fullcourt.engine.trust;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The keys that sign and verify dispatch tokens, shared by the coordinator and every phase service. */
@ConfigMapping(prefix = "fullcourt.dispatch")
public interface DispatchConfig {

    /**
     * The key that signs (and verifies), at least 32 bytes ({@code openssl rand -base64 48}). Required in the
     * {@code prod-gcp} profile ({@code FULLCOURT_DISPATCH_KEY}); unset elsewhere, a fixed local key is used, with a
     * warning.
     */
    Optional<String> key();

    /**
     * Keys that only verify, comma-separated: the keys being rotated out, so tokens they signed and still queued keep
     * verifying (docs/trust.md, "Rotating the dispatch key"). Empty outside a rotation.
     */
    Optional<List<String>> previousKeys();
}
