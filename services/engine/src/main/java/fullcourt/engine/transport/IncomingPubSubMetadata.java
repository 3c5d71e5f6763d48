package fullcourt.engine.transport;

import java.time.Instant;
import java.util.Map;

/** What Pub/Sub told us about an incoming message; attached to every message the connector emits. */
public record IncomingPubSubMetadata(
        String subscription,
        String messageId,
        Map<String, String> attributes,
        int deliveryAttempt,
        Instant publishTime) {

    /** Attribute Pub/Sub sets on a dead-lettered message: how many deliveries it had. */
    public static final String DEAD_LETTER_DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";

    /** Deliveries before dead-lettering, from the dead-letter attributes, or 0 when absent. */
    public int deadLetterDeliveryCount() {
        try {
            return Integer.parseInt(attributes.getOrDefault(DEAD_LETTER_DELIVERY_COUNT, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
