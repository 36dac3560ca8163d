package vn.govqms.document.tthc;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Administrative-procedure facts on {@code document.events}, keyed by the procedure's id. */
public final class ProcedureEvents {

    public static final String TOPIC = "document.events";
    public static final String CHANGED = EventTypes.of("document", "administrative-procedure.changed");
    public static final String PUBLISHED = EventTypes.of("document", "administrative-procedure.published");

    private ProcedureEvents() {
    }

    /** The procedure was amended or abolished with effect from {@code effectiveDate}. */
    public record ChangedData(UUID procedureId, String code, String nationalCode, String changeKind, LocalDate effectiveDate,
                              String reason, int processingDays, String provinceCode, String processingUnit, int processingAmount) {
    }

    /** A procedure entered the national catalogue or a province's, with its processing time. */
    public record PublishedData(UUID procedureId, String code, String nationalCode, String provinceCode, String name,
                                int processingDays, String processingUnit, int processingAmount, String publishedByDecision) {
    }

    static OutgoingEvent changed(AdministrativeProcedure p, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, p.id.toString(), CHANGED, "administrative-procedures/" + p.id, now,
                new ChangedData(p.id, p.code, p.nationalCode, p.status.name(), p.changedAt, p.changeReason,
                        p.processingDays, p.provinceCode, p.processingUnit.name(), p.processingAmount));
    }

    static OutgoingEvent published(AdministrativeProcedure p, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, p.id.toString(), PUBLISHED, "administrative-procedures/" + p.id, now,
                new PublishedData(p.id, p.code, p.nationalCode, p.provinceCode, p.name, p.processingDays, p.processingUnit.name(),
                        p.processingAmount, p.publishedByDecision));
    }
}
