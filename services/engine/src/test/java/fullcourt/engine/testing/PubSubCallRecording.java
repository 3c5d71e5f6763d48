package fullcourt.engine.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Set;

/**
 * A test profile that turns a module's {@link PubSubCallRecorder} bean on (an {@code @Alternative} of the module's
 * tests, which {@link #recorder()} names) against an emulator provisioned beforehand ({@link ProvisionedPubSubResource}),
 * without the module's global test resources.
 */
public abstract class PubSubCallRecording implements QuarkusTestProfile {

    /** The module's recorder bean class: {@code @Alternative @Singleton class X extends PubSubCallRecorder}. */
    protected abstract Class<? extends PubSubCallRecorder> recorder();

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(recorder());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProvisionedPubSubResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
