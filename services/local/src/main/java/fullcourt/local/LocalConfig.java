package fullcourt.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the all-in-one launcher. */
@ConfigMapping(prefix = "fullcourt.local")
public interface LocalConfig {

    /** Seasons to generate into the raw tables at start when absent, e.g. {@code 2021-22..2024-25}; none by default. */
    Optional<String> seasons();

    /** First date of the default backfill; the first date of the generated seasons when unset. */
    Optional<java.time.LocalDate> from();

    /** Last date of the default backfill; the last date of the generated seasons when unset. */
    Optional<java.time.LocalDate> to();

    /**
     * How often the live view is printed when the output is not a terminal (a CI log, a file); on a terminal it is
     * redrawn in place every second.
     */
    @WithDefault("10s")
    java.time.Duration progressEvery();

    /** Seed of the season generator: the same seed gives the same seasons. */
    @WithDefault("42")
    long seed();
}
