package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** "This document version cites that legal document as a legal basis" (căn cứ pháp lý). */
@Entity
@Table(name = "document_version_legal_basis")
@IdClass(VersionLegalBasis.Key.class)
public class VersionLegalBasis extends PanacheEntityBase {

    @Id
    public UUID versionId;

    @Id
    public UUID legalDocumentId;

    public static VersionLegalBasis of(UUID versionId, UUID legalDocumentId) {
        VersionLegalBasis b = new VersionLegalBasis();
        b.versionId = versionId;
        b.legalDocumentId = legalDocumentId;
        return b;
    }

    /** The composite key. */
    public record Key(UUID versionId, UUID legalDocumentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
