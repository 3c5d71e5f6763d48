package fullcourt.engine.transport;

import java.util.Map;

/**
 * Attributes to set on an outgoing message, and optionally the topic to publish to instead of the
 * channel's own (the coordinator dispatches every phase's work through one channel).
 */
public record OutgoingPubSubMetadata(String topic, Map<String, String> attributes) {

    public static OutgoingPubSubMetadata attributes(Map<String, String> attributes) {
        return new OutgoingPubSubMetadata(null, attributes);
    }

    public static OutgoingPubSubMetadata to(String topic, Map<String, String> attributes) {
        return new OutgoingPubSubMetadata(topic, attributes);
    }
}
