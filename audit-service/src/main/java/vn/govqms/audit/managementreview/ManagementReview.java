package vn.govqms.audit.managementreview;

import jakarta.persistence.Entity;
import vn.govqms.kit.persistence.VersionedEntity;

import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;

/** A management review held by an agency: who chaired, who attended, what was considered and decided. */
@Entity
public class ManagementReview extends VersionedEntity {

    public UUID agencyId;
    public int year;
    public LocalDate heldOn;
    public String chair;
    @ColumnTransformer(read = "cast(attendees as text)", write = JsonColumn.WRITE)
    public String attendees;
    @ColumnTransformer(read = "cast(inputs as text)", write = JsonColumn.WRITE)
    public String inputs;
    @ColumnTransformer(read = "cast(outputs as text)", write = JsonColumn.WRITE)
    public String outputs;
    public String createdBy;
}
