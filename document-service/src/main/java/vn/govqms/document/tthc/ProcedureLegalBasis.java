package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** "This administrative procedure rests on that legal document" (căn cứ pháp lý). */
@Entity
@Table(name = "administrative_procedure_legal_basis")
@IdClass(ProcedureLegalBasis.Key.class)
public class ProcedureLegalBasis extends PanacheEntityBase {

    @Id
    public UUID procedureId;

    @Id
    public UUID legalDocumentId;

    public static ProcedureLegalBasis of(UUID procedureId, UUID legalDocumentId) {
        ProcedureLegalBasis b = new ProcedureLegalBasis();
        b.procedureId = procedureId;
        b.legalDocumentId = legalDocumentId;
        return b;
    }

    /** The composite key. */
    public record Key(UUID procedureId, UUID legalDocumentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
