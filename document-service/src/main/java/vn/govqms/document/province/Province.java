package vn.govqms.document.province;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A province (tỉnh, thành phố trực thuộc trung ương) of the national register: its two-digit code, its latest
 * name, the days it existed and, once merged into another, the province that continues it.
 */
@Entity
public class Province extends PanacheEntityBase {

    @Id
    public String code;

    /** The latest name (the names over time are {@link ProvinceName}s). */
    public String name;
    public LocalDate validFrom;

    /** The last day, for a province merged into another. */
    public LocalDate validTo;
    public String successorCode;

    /** The decision of the latest change (the merger that ended it, or that it continued). */
    public String decision;

    @Version
    public long version;
    public OffsetDateTime updatedAt;

    /** True when the province exists on {@code day}. */
    public boolean existsOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }

    /** 422 unless the province may take part in a merger effective {@code effective}: open, and started before it. */
    void requireMergeableOn(LocalDate effective) {
        if (validTo != null) {
            throw ProblemException.unprocessable("province-ended", "Province has ended",
                    "Province " + code + " (" + name + ") ended on " + validTo + ", merged into province " + successorCode
                            + (decision == null ? "" : " by " + decision) + ".",
                    Map.of("field", "sourceCodes", "code", code, "successorCode", successorCode, "validTo", validTo.toString()));
        }
        if (validFrom != null && !validFrom.isBefore(effective)) {
            throw ProblemException.invalidField("effectiveDate", "province " + code + " only exists from " + validFrom);
        }
    }

    /** Merged into {@code successor} from {@code effective}: the province ends the day before. */
    void mergeInto(String successor, LocalDate effective, String decision, OffsetDateTime now) {
        this.validTo = effective.minusDays(1);
        this.successorCode = successor;
        this.decision = decision;
        this.updatedAt = now;
    }

    /** Continues the merged provinces from {@code effective}, under {@code newName}. */
    void continueAs(String newName, String decision, OffsetDateTime now) {
        this.name = newName;
        this.decision = decision;
        this.updatedAt = now;
    }
}
