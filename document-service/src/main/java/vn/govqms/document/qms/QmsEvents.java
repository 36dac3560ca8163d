package vn.govqms.document.qms;

import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.QmsStatus;
import vn.govqms.document.agency.StandardEdition;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** QMS facts on {@code document.events}, keyed by agency id. */
public final class QmsEvents {

    public static final String TOPIC = "document.events";
    public static final String ANNOUNCED = EventTypes.of("document", "qms.announced");
    public static final String REANNOUNCEMENT_REQUIRED = EventTypes.of("document", "qms.reannouncement-required");
    public static final String REANNOUNCEMENT_OVERDUE = EventTypes.of("document", "qms.reannouncement-overdue");
    public static final String STATUS_CHANGED = EventTypes.of("document", "qms.status-changed");

    private QmsEvents() {
    }

    public record AnnouncedData(UUID agencyId, UUID announcementId, String decisionNumber, LocalDate decisionDate,
                                String standardEdition, String scope, LocalDate notifiedLeadAgencyOn, boolean reannouncement,
                                UUID clearedRequirementId, List<String> stepsOutsideSystem) {
    }

    /** {@code requirementId} names this requirement until an announcement clears it (reminders and escalation key on it). */
    public record ReannouncementRequiredData(UUID agencyId, UUID requirementId, String reason, LocalDate effectiveDate,
                                             LocalDate dueDate, List<UUID> addedProcedureIds, List<UUID> removedProcedureIds) {
    }

    public record ReannouncementOverdueData(UUID agencyId, UUID requirementId, String reason, LocalDate effectiveDate,
                                            LocalDate dueDate, long daysOverdue) {
    }

    /** The QMS status or the standard edition changed on {@code effectiveDate} (building finished, converted to 2015, announced). */
    public record StatusChangedData(UUID agencyId, String status, String previousStatus, String standardEdition,
                                    String previousStandardEdition, LocalDate effectiveDate) {
    }

    static OutgoingEvent announced(QmsAnnouncement a, boolean reannouncement, List<String> outside, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.agencyId.toString(), ANNOUNCED, "agencies/" + a.agencyId + "/announcements/" + a.id, now,
                new AnnouncedData(a.agencyId, a.id, a.decisionNumber, a.decisionDate, a.standardEdition.name(), a.scope,
                        a.notifiedLeadAgencyOn, reannouncement, a.clearedRequirementId, outside));
    }

    /** The agency's pending requirement ({@link Agency#requireReannouncement}), with the TTHCs that changed it, if any. */
    public static OutgoingEvent reannouncementRequired(Agency agency, List<UUID> added, List<UUID> removed, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, agency.id.toString(), REANNOUNCEMENT_REQUIRED, "agencies/" + agency.id, now,
                new ReannouncementRequiredData(agency.id, agency.reannouncementId, agency.reannouncementReason, agency.reannouncementSince,
                        agency.reannouncementDue, added, removed));
    }

    static OutgoingEvent reannouncementOverdue(UUID agencyId, UUID requirementId, String reason, LocalDate since, LocalDate due,
                                               LocalDate today, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, agencyId.toString(), REANNOUNCEMENT_OVERDUE, "agencies/" + agencyId, now,
                new ReannouncementOverdueData(agencyId, requirementId, reason, since, due, due.until(today, ChronoUnit.DAYS)));
    }

    static OutgoingEvent statusChanged(UUID agencyId, QmsStatus status, QmsStatus previous, StandardEdition edition,
                                       StandardEdition previousEdition, LocalDate effective, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, agencyId.toString(), STATUS_CHANGED, "agencies/" + agencyId, now,
                new StatusChangedData(agencyId, status.name(), previous == null ? null : previous.name(),
                        edition == null ? null : edition.name(), previousEdition == null ? null : previousEdition.name(), effective));
    }
}
