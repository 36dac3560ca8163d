package vn.govqms.audit.internalaudit;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Audit facts on {@code audit.events}, keyed by the audited agency's id. */
public final class AuditEvents {

    public static final String TOPIC = "audit.events";
    public static final String PLANNED = EventTypes.of("audit", "audit.planned");
    public static final String COMPLETED = EventTypes.of("audit", "audit.completed");

    private AuditEvents() {
    }

    public record PlannedData(UUID auditId, UUID agencyId, String kind, String mode, int year, LocalDate plannedStart,
                              LocalDate plannedEnd, String leadAuditor, UUID campaignId) {
    }

    public record FindingCounts(long major, long minor, long observation, long improvement) {
        static FindingCounts of(Map<String, Long> byKind) {
            return new FindingCounts(byKind.getOrDefault("MAJOR_NONCONFORMITY", 0L), byKind.getOrDefault("MINOR_NONCONFORMITY", 0L),
                    byKind.getOrDefault("OBSERVATION", 0L), byKind.getOrDefault("OPPORTUNITY_FOR_IMPROVEMENT", 0L));
        }
    }

    public record CompletedData(UUID auditId, UUID agencyId, String kind, String mode, int year, LocalDate completedOn,
                                String conclusion, FindingCounts findings) {
    }

    public static OutgoingEvent planned(Audit a, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.agencyId.toString(), PLANNED, "audits/" + a.id, now,
                new PlannedData(a.id, a.agencyId, a.kind.name(), a.mode.name(), a.year, a.plannedStart, a.plannedEnd,
                        a.leadAuditor, a.campaignId));
    }

    static OutgoingEvent completed(Audit a, Map<String, Long> findings, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.agencyId.toString(), COMPLETED, "audits/" + a.id, now,
                new CompletedData(a.id, a.agencyId, a.kind.name(), a.mode.name(), a.year, now.toLocalDate(), a.conclusion,
                        FindingCounts.of(findings)));
    }
}
