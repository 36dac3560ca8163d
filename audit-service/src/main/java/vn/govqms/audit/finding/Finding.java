package vn.govqms.audit.finding;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.govqms.audit.audit.AuditKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A finding of an audit: a clause, a kind, what was seen. */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "audit_id", nullable = false)
    public UUID auditId;
    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;
    @Enumerated(EnumType.STRING)
    @Column(name = "audit_kind", nullable = false)
    public AuditKind auditKind;
    @Column(nullable = false)
    public String clause;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingKind kind;
    @Column(nullable = false)
    public String description;
    public String evidence;
    @Column(name = "procedure_id")
    public UUID procedureId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;
    @Column(name = "raised_by", nullable = false)
    public String raisedBy;
    @Column(name = "raised_on", nullable = false)
    public LocalDate raisedOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
