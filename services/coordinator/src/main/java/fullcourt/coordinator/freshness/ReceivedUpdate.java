package fullcourt.coordinator.freshness;

import fullcourt.messages.RawUpdate;

/** A raw update as received: its Pub/Sub message id (the same on every redelivery) and its content. */
public record ReceivedUpdate(String messageId, RawUpdate update) {
}
