package vn.govqms.document.legal;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Legal facts on {@code document.events}, keyed by the legal document's id. */
public final class LegalEvents {

    public static final String TOPIC = "document.events";
    public static final String REGISTERED = EventTypes.of("document", "legal-document.registered");
    public static final String CHANGED = EventTypes.of("document", "legal-document.changed");

    private LegalEvents() {
    }

    public record RegisteredData(UUID legalDocumentId, String number, String type, String issuer, String title,
                                 LocalDate issuedDate, LocalDate effectiveDate, LocalDate expiryDate, String provinceCode) {
    }

    /**
     * {@code legalDocumentId} changed ({@code changeKind}) by {@code byLegalDocumentId} (null for
     * corrections of its own), with effect from {@code effectiveDate}: procedures relying on it are due
     * for review.
     */
    public record ChangedData(UUID legalDocumentId, String number, String changeKind, UUID byLegalDocumentId,
                              String byNumber, LocalDate effectiveDate, String articles, String provinceCode) {
    }

    static OutgoingEvent registered(LegalDocument d, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, d.id.toString(), REGISTERED, "legal-documents/" + d.id, now,
                new RegisteredData(d.id, d.number, d.type.name(), d.issuer, d.title, d.issuedDate, d.effectiveDate,
                        d.expiryDate, d.provinceCode));
    }

    /** It expired: procedures relying on it are due for review from the day after its expiry date. */
    static OutgoingEvent expired(LegalDocument d, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, d.id.toString(), CHANGED, "legal-documents/" + d.id, now,
                new ChangedData(d.id, d.number, ChangeKind.EXPIRED.name(), null, null, d.expiryDate.plusDays(1), null,
                        d.provinceCode));
    }

    static OutgoingEvent changed(LegalDocument target, ChangeKind kind, LegalDocument by, String articles,
                                 OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, target.id.toString(), CHANGED, "legal-documents/" + target.id, now,
                new ChangedData(target.id, target.number, kind.name(), by == null ? null : by.id,
                        by == null ? null : by.number, by == null ? target.effectiveDate : by.effectiveDate, articles,
                        target.provinceCode));
    }
}
