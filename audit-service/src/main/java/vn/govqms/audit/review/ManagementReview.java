package vn.govqms.audit.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.govqms.kit.persistence.VersionedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** A management review held by an agency: who chaired, who attended, what was considered and decided. */
@Entity
@Table(name = "management_review")
public class ManagementReview extends VersionedEntity {

    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;
    @Column(nullable = false)
    public int year;
    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;
    @Column(nullable = false)
    public String chair;
    @Column(nullable = false)
    public String attendees;
    @Column(nullable = false)
    public String inputs;
    @Column(nullable = false)
    public String outputs;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
