package vn.govqms.kit.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event to publish: its CloudEvents attributes and its payload (a record of its own, never an
 * entity). The Kafka key is the agency id (or the legal document id for national legal facts), so
 * that one agency's events stay in order.
 */
public record OutgoingEvent(UUID id, String topic, String key, String type, String subject, OffsetDateTime time,
                            Object data) {

    public static OutgoingEvent of(String topic, String key, String type, String subject, OffsetDateTime time, Object data) {
        return new OutgoingEvent(UUID.randomUUID(), topic, key, type, subject, time, data);
    }
}
