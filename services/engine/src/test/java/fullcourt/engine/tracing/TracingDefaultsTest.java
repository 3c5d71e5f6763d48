package fullcourt.engine.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Where tracing is on, from the services' shared defaults (the engine's microprofile-config.properties). */
class TracingDefaultsTest {

    @Test
    void tracingIsOffByDefaultSoNothingReachesForACollector() throws IOException {
        assertThat(sdkDisabled(null)).isTrue();
        assertThat(sdkDisabled("dev")).isTrue();
    }

    @Test
    void productionTraces() throws IOException {
        assertThat(sdkDisabled("prod-gcp")).isFalse();
    }

    private static boolean sdkDisabled(String profile) throws IOException {
        return config(profile).getValue("quarkus.otel.sdk.disabled", Boolean.class);
    }

    /** The file alone: neither the environment nor system properties of the machine running the test. */
    private static SmallRyeConfig config(String profile) throws IOException {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                TracingDefaultsTest.class.getResource("/META-INF/microprofile-config.properties"), 100));
        return (profile == null ? builder : builder.withProfile(profile)).build();
    }
}
