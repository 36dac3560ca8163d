package vn.govqms.audit.managementreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.govqms.kit.persistence.VersionedEntity;

import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;

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
    @ColumnTransformer(read = "cast(attendees as text)", write = JsonColumn.WRITE)
    public String attendees;
    @Column(nullable = false)
    @ColumnTransformer(read = "cast(inputs as text)", write = JsonColumn.WRITE)
    public String inputs;
    @Column(nullable = false)
    @ColumnTransformer(read = "cast(outputs as text)", write = JsonColumn.WRITE)
    public String outputs;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
