package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.govqms.document.agency.StandardEdition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An announcement of conformity (công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001). */
@Entity
@Table(name = "qms_announcement")
public class QmsAnnouncement extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;
    @Column(name = "decision_number", nullable = false)
    public String decisionNumber;
    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "standard_edition", nullable = false)
    public StandardEdition standardEdition;
    @Column(nullable = false)
    public String scope;
    /** When the lead agency (Sở KH&CN) was notified in writing. */
    @Column(name = "notified_lead_agency_on")
    public LocalDate notifiedLeadAgencyOn;
    /** The re-announcement requirement this announcement cleared, if any. */
    @Column(name = "cleared_requirement_id")
    public UUID clearedRequirementId;
    @Column(name = "announced_by", nullable = false)
    public String announcedBy;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
