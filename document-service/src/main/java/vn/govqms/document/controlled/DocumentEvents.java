package vn.govqms.document.controlled;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Controlled-document facts on {@code document.events}, keyed by agency id. */
public final class DocumentEvents {

    public static final String TOPIC = "document.events";
    public static final String SUBMITTED = EventTypes.of("document", "document.submitted");
    public static final String APPROVED = EventTypes.of("document", "document.approved");
    public static final String ISSUED = EventTypes.of("document", "document.issued");
    public static final String ABOLISHED = EventTypes.of("document", "document.abolished");

    private DocumentEvents() {
    }

    /** A version changed status; {@code actor} is who did it. */
    public record VersionData(UUID documentId, UUID agencyId, String code, String title, String type, int revision,
                              String status, UUID tthcProcedureId, LocalDate effectiveDate, String reason, String actor) {
    }

    static OutgoingEvent of(String type, ControlledDocument d, DocumentVersion v, String actor, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, d.agencyId.toString(), type, "documents/" + d.id + "/versions/" + v.revision, now,
                new VersionData(d.id, d.agencyId, d.code, d.title, d.type.name(), v.revision, v.status.name(),
                        v.tthcProcedureId, v.effectiveDate, v.abolishedReason, actor));
    }
}
