package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import vn.govqms.document.agency.StandardEdition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An announcement of conformity (công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001). */
@Entity
public class QmsAnnouncement extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID agencyId;
    public String decisionNumber;
    public LocalDate decisionDate;
    @Enumerated(EnumType.STRING)
    public StandardEdition standardEdition;
    public String scope;
    /** When the lead agency (Sở KH&CN) was notified in writing. */
    public LocalDate notifiedLeadAgencyOn;
    /** The re-announcement requirement this announcement cleared, if any. */
    public UUID clearedRequirementId;
    public String announcedBy;
    public OffsetDateTime createdAt;
}
