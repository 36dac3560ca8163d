package vn.govqms.document.tthc;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.govqms.document.legal.LegalBasis;

/** "This administrative procedure rests on that legal document" (căn cứ pháp lý); the owner is the procedure. */
@Entity
@Table(name = "administrative_procedure_legal_basis")
@AttributeOverride(name = "ownerId", column = @Column(name = "procedure_id"))
public class ProcedureLegalBasis extends LegalBasis {
}
