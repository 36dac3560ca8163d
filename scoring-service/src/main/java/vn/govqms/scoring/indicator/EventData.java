package vn.govqms.scoring.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads the fields this service needs from an event's data; a missing required field makes the event poison. */
final class EventData {

    private final ReceivedEvent event;
    private final JsonNode data;

    EventData(ReceivedEvent event) {
        this.event = event;
        this.data = event.data();
    }

    UUID uuid(String field) {
        UUID v = optionalUuid(field);
        if (v == null) {
            throw new PoisonEventException(event.type() + " without " + field);
        }
        return v;
    }

    UUID optionalUuid(String field) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + ": " + field + " is not a UUID: " + s);
        }
    }

    String text(String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    String requiredText(String field) {
        String s = text(field);
        if (s == null || s.isBlank()) {
            throw new PoisonEventException(event.type() + " without " + field);
        }
        return s;
    }

    LocalDate date(String field) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        try {
            return s.length() > 10 ? OffsetDateTime.parse(s).toLocalDate() : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + ": " + field + " is not a date: " + s);
        }
    }

    Integer integer(String field) {
        JsonNode n = data.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw new PoisonEventException(event.type() + ": " + field + " is not a whole number");
        }
        return n.asInt();
    }

    Boolean bool(String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    JsonNode node(String field) {
        return data.get(field);
    }

    /** When it happened: the event's time, else now. */
    OffsetDateTime time(OffsetDateTime now) {
        return event.time() != null ? event.time() : now;
    }
}
