package vn.govqms.audit.agency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import vn.govqms.kit.security.AgencyRef;

import java.time.LocalDate;
import java.util.UUID;

/** An agency of the directory this service keeps from document-service's events (read only here). */
@Entity
@Immutable
@Table(name = "agency_directory")
public class Agency extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String code;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String level;
    @Column(name = "province_code", nullable = false)
    public String provinceCode;
    /** The root of the agency's tree: its ministry for a central unit, itself when it has no parent. */
    @Column(name = "root_id", nullable = false)
    public UUID rootId;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;

    public AgencyRef ref() {
        return new AgencyRef(id, provinceCode, rootId, validTo);
    }
}
