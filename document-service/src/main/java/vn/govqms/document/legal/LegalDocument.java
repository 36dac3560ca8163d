package vn.govqms.document.legal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.text.VietnameseText;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/** A legal document in the register: a law, decree, decision, circular and the like. */
@Entity
public class LegalDocument extends TrackedEntity {

    /**
     * {@code 19/2014/QĐ-TTg}: number / year / type-issuer, Vietnamese letters kept exactly. Unique within its
     * register (national, or the province's own): each province's People's Committee numbers its own.
     */
    public String number;

    @Enumerated(EnumType.STRING)
    public LegalDocumentType type;
    public String issuer;

    /** Trích yếu. */
    public String title;

    /** Number and title without diacritics, for search. */
    public String searchText;
    public LocalDate issuedDate;
    public LocalDate effectiveDate;
    public LocalDate expiryDate;

    /** When the expiry check announced that the document expired (null: not yet, or its expiry date was corrected since). */
    public OffsetDateTime expiryAnnouncedAt;

    /** Null for national documents; a province code for a province's own. */
    public String provinceCode;

    public static LegalDocument register(String number, LegalDocumentType type, String issuer, String title,
                                         LocalDate issued, LocalDate effective, LocalDate expiry, String provinceCode,
                                         OffsetDateTime now) {
        LegalDocument d = new LegalDocument();
        d.id = UUID.randomUUID();
        d.number = number;
        d.type = type;
        d.provinceCode = provinceCode;
        d.createdAt = now;
        d.describe(issuer, title, issued, effective, expiry);
        return d;
    }

    public void describe(String issuer, String title, LocalDate issued, LocalDate effective, LocalDate expiry) {
        if (effective.isBefore(issued)) {
            throw ProblemException.invalidField("effectiveDate", "must not be before issuedDate");
        }
        if (expiry != null && expiry.isBefore(effective)) {
            throw ProblemException.invalidField("expiryDate", "must not be before effectiveDate");
        }
        if (!Objects.equals(expiry, this.expiryDate)) {
            // a corrected expiry is announced again when it comes (its open reviews then move to the new date)
            this.expiryAnnouncedAt = null;
        }
        this.issuer = issuer;
        this.title = title;
        this.issuedDate = issued;
        this.effectiveDate = effective;
        this.expiryDate = expiry;
        this.searchText = VietnameseText.fold(number + " " + title + " " + issuer);
        touch();
    }

    /** A relation that acts on this document, with the date its source takes effect. */
    public record Incoming(RelationKind kind, LocalDate effectiveDate) {
    }

    /**
     * The status on {@code date}: not yet effective before its effective date; expired after its
     * expiry date; replaced or repealed once a replacing or repealing document is in effect; partly
     * amended once an amending one is.
     */
    public LegalStatus statusOn(LocalDate date, Collection<Incoming> incoming) {
        if (date.isBefore(effectiveDate)) {
            return LegalStatus.NOT_YET_EFFECTIVE;
        }
        boolean amended = false;
        for (Incoming r : incoming) {
            if (r.effectiveDate().isAfter(date)) {
                continue;
            }
            if (r.kind() == RelationKind.REPEALS) {
                return LegalStatus.REPEALED;
            }
            if (r.kind() == RelationKind.REPLACES) {
                return LegalStatus.REPLACED;
            }
            amended |= r.kind() == RelationKind.AMENDS;
        }
        if (expiryDate != null && date.isAfter(expiryDate)) {
            return LegalStatus.EXPIRED;
        }
        return amended ? LegalStatus.PARTLY_AMENDED : LegalStatus.IN_FORCE;
    }
}
