package vn.govqms.document.tthc;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The handled-TTHC list updates on {@code document.events}, keyed by the agency's id. */
public final class ListEvents {

    public static final String TOPIC = "document.events";
    public static final String REQUIRED = EventTypes.of("document", "tthc-list-update.required");
    public static final String OVERDUE = EventTypes.of("document", "tthc-list-update.overdue");
    public static final String CLEARED = EventTypes.of("document", "tthc-list-update.cleared");

    private ListEvents() {
    }

    /** The agency must update its handled-TTHC list by {@code dueDate} after the province's decision. */
    public record RequiredData(UUID updateId, UUID agencyId, UUID decisionId, String decisionNumber, LocalDate decisionDate,
                               String provinceCode, LocalDate dueDate, List<UUID> procedureIds) {
    }

    public record OverdueData(UUID updateId, UUID agencyId, UUID decisionId, String decisionNumber, LocalDate decisionDate,
                              LocalDate dueDate, int daysOverdue) {
    }

    public record ClearedData(UUID updateId, UUID agencyId, UUID decisionId, String decisionNumber, LocalDate dueDate,
                              LocalDate clearedOn, boolean late) {
    }

    static OutgoingEvent required(RequiredData d, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, d.agencyId().toString(), REQUIRED, subject(d.updateId()), now, d);
    }

    static OutgoingEvent overdue(OverdueData d, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, d.agencyId().toString(), OVERDUE, subject(d.updateId()), now, d);
    }

    static OutgoingEvent cleared(ClearedData d, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, d.agencyId().toString(), CLEARED, subject(d.updateId()), now, d);
    }

    private static String subject(UUID id) {
        return "tthc-list-updates/" + id;
    }
}
