package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** "This agency handles that TTHC since …", as the province publishes it. */
@Entity
@Table(name = "agency_procedure")
@IdClass(AgencyProcedure.Key.class)
public class AgencyProcedure extends PanacheEntityBase {

    @Id
    @Column(name = "agency_id")
    public UUID agencyId;
    @Id
    @Column(name = "procedure_id")
    public UUID procedureId;
    @Column(nullable = false)
    public LocalDate since;

    /** The composite key. */
    public record Key(UUID agencyId, UUID procedureId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
