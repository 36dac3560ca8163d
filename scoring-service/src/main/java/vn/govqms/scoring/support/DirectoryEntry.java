package vn.govqms.scoring.support;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;
import java.util.UUID;

/** An agency of the kit's directory read model (kept from document-service's events; read only here). */
@Entity
@Immutable
@Table(name = "agency_directory")
public class DirectoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String code;
    @Column(nullable = false)
    public String name;
    @Column(name = "province_code", nullable = false)
    public String provinceCode;
    /** The root of the agency's tree: its ministry for a central unit, itself when it has no parent. */
    @Column(name = "root_id", nullable = false)
    public UUID rootId;
    @Column(name = "valid_to")
    public LocalDate validTo;

    AgencyLookup.Agency agency() {
        return new AgencyLookup.Agency(id, code, name, provinceCode, rootId, validTo);
    }
}
