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
    public static final String SPLIT = EventTypes.of("document", "agency.split");

    private MergeEvents() {
    }

    /** The predecessors ended the day before {@code effectiveDate}; their documents and history are the successor's. */
    public record MergedData(UUID successorId, List<UUID> predecessorIds, LocalDate effectiveDate, long movedDocuments) {
    }

    static OutgoingEvent merged(UUID successor, List<UUID> predecessors, LocalDate effective, long moved, OffsetDateTime now) {
        return OutgoingEvent.of("document.events", successor.toString(), MERGED, "agencies/" + successor, now,
                new MergedData(successor, predecessors, effective, moved));
    }

    /** The predecessor ended the day before {@code effectiveDate}; each successor took the documents counted. */
    public record SplitData(UUID predecessorId, LocalDate effectiveDate, List<SplitSuccessor> successors) {
    }

    public record SplitSuccessor(UUID successorId, boolean primary, long movedDocuments) {
    }

    static OutgoingEvent split(UUID predecessor, LocalDate effective, List<SplitSuccessor> successors, OffsetDateTime now) {
        return OutgoingEvent.of("document.events", predecessor.toString(), SPLIT, "agencies/" + predecessor, now,
                new SplitData(predecessor, effective, successors));
    }
}
