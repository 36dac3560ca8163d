package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** "This agency handles that TTHC since …", as the province publishes it. */
@Entity
@IdClass(AgencyProcedure.Key.class)
public class AgencyProcedure extends PanacheEntityBase {

    @Id
    public UUID agencyId;
    @Id
    public UUID procedureId;
    public LocalDate since;

    /** The composite key. */
    public record Key(UUID agencyId, UUID procedureId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
