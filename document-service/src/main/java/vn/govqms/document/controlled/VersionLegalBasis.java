package vn.govqms.document.controlled;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.govqms.document.legal.LegalBasis;

/** "This document version cites that legal document as a legal basis" (căn cứ pháp lý); the owner is the version. */
@Entity
@Table(name = "document_version_legal_basis")
@AttributeOverride(name = "ownerId", column = @Column(name = "version_id"))
public class VersionLegalBasis extends LegalBasis {
}
