package fullcourt.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the all-in-one launcher. */
@ConfigMapping(prefix = "fullcourt.local")
public interface LocalConfig {

    /** Seasons to generate into the raw tables at start when absent, e.g. {@code 2021-22..2024-25}; none by default. */
    Optional<String> seasons();

    /** Seed of the season generator: the same seed gives the same seasons. */
    @WithDefault("42")
    long seed();
}
