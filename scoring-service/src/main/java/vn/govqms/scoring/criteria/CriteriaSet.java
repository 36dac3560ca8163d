package vn.govqms.scoring.criteria;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;
import vn.govqms.kit.problem.ProblemException;

import vn.govqms.kit.persistence.VersionedEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A versioned criteria set of a province (or national when {@code provinceCode} is null). Edited
 * while a draft; activated only when its maximum points add up to 100; immutable once active. The definition is one
 * {@code jsonb} document, replaced as a whole (never changed in place: dirty checking compares it by value).
 */
@Entity
// the kit's id, optimistic lock and creation time; this table named its lock column lock_version before the kit had one
@AttributeOverride(name = "version", column = @Column(name = "lock_version"))
public class CriteriaSet extends VersionedEntity {

    static final BigDecimal FULL_MARKS = new BigDecimal("100.00");

    public String provinceCode;
    public String name;
    public int appliesFromYear;
    public int versionNo;
    @Enumerated(EnumType.STRING)
    public CriteriaSetStatus status;
    public UUID previousId;
    @Convert(converter = DefinitionColumn.class)
    @ColumnTransformer(read = "cast(definition as text)", write = JsonColumn.WRITE)
    public Definition definition;
    /** Kept with the definition: the set lists show it without reading the document. */
    public BigDecimal totalMaxPoints;
    public String createdBy;
    public OffsetDateTime updatedAt;
    public OffsetDateTime activatedAt;
    public OffsetDateTime retiredAt;

    static final class DefinitionColumn extends JsonColumn<Definition> {
        DefinitionColumn() {
            super(new TypeReference<>() {
            });
        }
    }

    public static CriteriaSet draft(String provinceCode, String name, int year, Definition definition, String who, OffsetDateTime now) {
        CriteriaSet s = new CriteriaSet();
        s.id = UUID.randomUUID();
        s.provinceCode = provinceCode;
        s.name = name;
        s.appliesFromYear = year;
        s.versionNo = 1;
        s.status = CriteriaSetStatus.DRAFT;
        s.definition = definition;
        s.totalMaxPoints = definition.totalMaxPoints().setScale(2, RoundingMode.HALF_UP);
        s.createdBy = who;
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** The next version: a draft with the same content, to be changed and activated in its turn. */
    public CriteriaSet nextVersion(int versionNo, String who, OffsetDateTime now) {
        CriteriaSet s = draft(provinceCode, name, appliesFromYear, definition, who, now);
        s.versionNo = versionNo;
        s.previousId = id;
        return s;
    }

    public void edit(String name, int year, Definition definition, OffsetDateTime now) {
        requireStatus(CriteriaSetStatus.DRAFT, "edit", List.of("activate", "retire", "new-version"));
        this.name = name;
        this.appliesFromYear = year;
        this.definition = definition;
        this.totalMaxPoints = definition.totalMaxPoints().setScale(2, RoundingMode.HALF_UP);
        this.updatedAt = now;
    }

    public void activate(OffsetDateTime now) {
        requireStatus(CriteriaSetStatus.DRAFT, "activate", status == CriteriaSetStatus.ACTIVE ? List.of("retire", "new-version") : List.of("new-version"));
        BigDecimal sum = definition.totalMaxPoints();
        if (sum.compareTo(FULL_MARKS) != 0) {
            throw ProblemException.unprocessable("criteria-points-sum", "Maximum points do not add up to 100",
                    "The maximum points of the criteria add up to " + sum.stripTrailingZeros().toPlainString()
                            + ", not 100; a criteria set can be activated only when they make 100.",
                    Map.of("sum", sum, "expected", 100));
        }
        status = CriteriaSetStatus.ACTIVE;
        activatedAt = now;
        updatedAt = now;
    }

    public void retire(OffsetDateTime now) {
        requireStatus(CriteriaSetStatus.ACTIVE, "retire", status == CriteriaSetStatus.DRAFT ? List.of("edit", "activate") : List.of("new-version"));
        status = CriteriaSetStatus.RETIRED;
        retiredAt = now;
        updatedAt = now;
    }

    private void requireStatus(CriteriaSetStatus required, String action, List<String> allowed) {
        if (status != required) {
            throw ProblemException.invalidTransition("criteria set", status.name(), action, allowed);
        }
    }
}
