package vn.govqms.audit.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The levels a province chose to add to the law's in its campaigns (communes, wards, public service units…). */
@Entity
@Table(name = "province_inspection_levels")
public class ProvinceLevels extends PanacheEntityBase {

    @Id
    public String provinceCode;
    /** Comma-separated, sorted; empty when the province adds none. */
    public String includedLevels;
    public String updatedBy;
    public OffsetDateTime updatedAt;
    /** 0 while the province has chosen nothing (no row); 1 from its first choice. */
    @Version
    public long version;

    public List<String> included() {
        return includedLevels.isEmpty() ? List.of() : Arrays.asList(includedLevels.split(","));
    }

    static List<String> included(ProvinceLevels row) {
        return row == null ? List.of() : row.included();
    }
}
