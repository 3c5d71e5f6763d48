package fullcourt.cli;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.random.RandomGenerator;

/** Opens {@link PubSubRequestChannel}s; the randomness names their temporary subscriptions. */
@Singleton
public class PubSubRequestChannels implements RequestChannels {

    private final RandomGenerator random;

    @Inject
    public PubSubRequestChannels(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public RequestChannel open(PubSubOptions options) {
        return new PubSubRequestChannel(options, random);
    }
}
