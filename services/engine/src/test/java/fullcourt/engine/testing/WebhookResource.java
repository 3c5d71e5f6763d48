package fullcourt.engine.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Starts a {@link LocalWebhook} and points the coordinator's notifications at it (fullcourt.notify.*, read by the
 * coordinator and the all-in-one); {@link InjectWebhook} hands it to the test.
 */
public class WebhookResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link LocalWebhook} field. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface InjectWebhook {
    }

    private LocalWebhook webhook;

    @Override
    public Map<String, String> start() {
        webhook = new LocalWebhook();
        return Map.of("fullcourt.notify.webhook-url", webhook.url(), "fullcourt.notify.initial-backoff", "50ms");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(webhook, new TestInjector.AnnotatedAndMatchesType(InjectWebhook.class,
                LocalWebhook.class));
    }

    @Override
    public void stop() {
        webhook.close();
    }
}
