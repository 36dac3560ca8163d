package vn.govqms.kit.command;

import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a command leaves behind: the events it publishes, in order, and its audit-trail rows. A {@code null} event is
 * left out: a command that publishes only in some cases passes {@code changed ? event : null}.
 */
public record Outcome(List<TrailEntry> trail, List<OutgoingEvent> events) {

    public Outcome {
        trail = List.copyOf(trail);
        events = events.stream().filter(Objects::nonNull).toList();
    }

    public static Outcome of(TrailEntry entry, OutgoingEvent... events) {
        return new Outcome(List.of(entry), Arrays.asList(events));
    }

    public static Outcome of(List<TrailEntry> trail, List<OutgoingEvent> events) {
        return new Outcome(trail, events);
    }

    /** Events only, for a command whose trail row a later step of it writes. */
    public static Outcome events(OutgoingEvent... events) {
        return new Outcome(List.of(), Arrays.asList(events));
    }
}
