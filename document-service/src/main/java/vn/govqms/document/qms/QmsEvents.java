package vn.govqms.document.qms;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** QMS facts on {@code document.events}, keyed by agency id. */
public final class QmsEvents {

    public static final String TOPIC = "document.events";
    public static final String ANNOUNCED = EventTypes.of("document", "qms.announced");
    public static final String REANNOUNCEMENT_REQUIRED = EventTypes.of("document", "qms.reannouncement-required");

    private QmsEvents() {
    }

    public record AnnouncedData(UUID agencyId, UUID announcementId, String decisionNumber, LocalDate decisionDate,
                                String standardEdition, String scope, LocalDate notifiedLeadAgencyOn, boolean reannouncement) {
    }

    public record ReannouncementRequiredData(UUID agencyId, String reason, List<UUID> addedProcedureIds) {
    }

    static OutgoingEvent announced(QmsAnnouncement a, boolean reannouncement, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.agencyId.toString(), ANNOUNCED, "agencies/" + a.agencyId + "/announcements/" + a.id, now,
                new AnnouncedData(a.agencyId, a.id, a.decisionNumber, a.decisionDate, a.standardEdition.name(), a.scope,
                        a.notifiedLeadAgencyOn, reannouncement));
    }

    public static OutgoingEvent reannouncementRequired(UUID agencyId, String reason, List<UUID> added, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, agencyId.toString(), REANNOUNCEMENT_REQUIRED, "agencies/" + agencyId, now,
                new ReannouncementRequiredData(agencyId, reason, added));
    }
}
