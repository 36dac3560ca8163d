package vn.govqms.kit.agency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import vn.govqms.kit.security.AgencyRef;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An agency of the directory a consuming service keeps from document-service's events ({@link AgencyDirectory} writes it
 * set-based; read only as an entity), for the services that look agencies up and list by them in JPQL
 * ({@code select d.id from DirectoryEntry d}). In document-service, which owns the agencies, the table stays empty.
 */
@Entity
@Immutable
@Table(name = "agency_directory")
public class DirectoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    public String level;
    public UUID parentId;
    public String provinceCode;
    /** The root of the agency's tree: its ministry for a central unit, itself when it has no parent. */
    public UUID rootId;
    public LocalDate validFrom;
    public LocalDate validTo;

    public AgencyRef ref() {
        return new AgencyRef(id, provinceCode, rootId, validTo);
    }
}
