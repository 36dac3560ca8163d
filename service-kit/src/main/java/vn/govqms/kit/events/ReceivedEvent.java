package vn.govqms.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;

/**
 * An event read from Kafka: its CloudEvents attributes, where it came from, and its JSON data.
 * Consumers read only the fields they need ({@link #dataAs}) and ignore the rest.
 */
public record ReceivedEvent(String id, String type, String source, String subject, OffsetDateTime time,
                            String key, String topic, int partition, long offset, JsonNode data,
                            ObjectMapper reader) {

    /** The data as a record of the consumer's own; unknown fields are ignored. */
    public <T> T dataAs(Class<T> type) {
        try {
            return reader.treeToValue(data, type);
        } catch (Exception e) {
            throw new PoisonEventException("data does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return type + " " + id + " (" + topic + "-" + partition + "@" + offset + ")";
    }
}
