package fullcourt.cli;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/** The real clock and randomness; tests pass fixed ones to the constructors instead. */
@Singleton
class SystemSources {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RandomGenerator random() {
        return new SecureRandom();
    }
}
