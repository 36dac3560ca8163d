package vn.govqms.notification.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person to tell: in an agency (with roles there) or in a province's steering committee (no agency). */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "province_code", nullable = false)
    public String provinceCode;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String name;
    public String email;
    @Column(nullable = false)
    public String language;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles;
    @Column(nullable = false)
    public boolean digest;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean steeringCommittee() {
        return agencyId == null;
    }
}
