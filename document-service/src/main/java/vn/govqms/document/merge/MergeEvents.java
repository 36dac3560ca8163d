package vn.govqms.document.merge;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** {@code agency.merged} on {@code document.events}, keyed by the successor's id. */
public final class MergeEvents {

    public static final String MERGED = EventTypes.of("document", "agency.merged");

    private MergeEvents() {
    }

    /** The predecessors ended the day before {@code effectiveDate}; their documents and history are the successor's. */
    public record MergedData(UUID successorId, List<UUID> predecessorIds, LocalDate effectiveDate, long movedDocuments) {
    }

    static OutgoingEvent merged(UUID successor, List<UUID> predecessors, LocalDate effective, long moved, OffsetDateTime now) {
        return OutgoingEvent.of("document.events", successor.toString(), MERGED, "agencies/" + successor, now,
                new MergedData(successor, predecessors, effective, moved));
    }
}
