package vn.govqms.audit.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;

/** A management review held by an agency: who chaired, who attended, what was considered and decided. */
@Entity
@Table(name = "management_review")
public class ManagementReview extends PanacheEntityBase {

    @Id
    public UUID id;
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
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
