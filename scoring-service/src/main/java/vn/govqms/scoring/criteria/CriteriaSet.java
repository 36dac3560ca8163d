package vn.govqms.scoring.criteria;

import vn.govqms.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A versioned criteria set of a province (or national when {@code provinceCode} is null). Edited
 * while a draft; activated only when its maximum points add up to 100; immutable once active.
 */
public class CriteriaSet {

    static final BigDecimal FULL_MARKS = new BigDecimal("100.00");

    public UUID id;
    public String provinceCode;
    public String name;
    public int appliesFromYear;
    public int versionNo;
    public CriteriaSetStatus status;
    public UUID previousId;
    public Definition definition;
    public long lockVersion;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public OffsetDateTime activatedAt;
    public OffsetDateTime retiredAt;

    public static CriteriaSet draft(String provinceCode, String name, int year, Definition definition, String who, OffsetDateTime now) {
        CriteriaSet s = new CriteriaSet();
        s.id = UUID.randomUUID();
        s.provinceCode = provinceCode;
        s.name = name;
        s.appliesFromYear = year;
        s.versionNo = 1;
        s.status = CriteriaSetStatus.DRAFT;
        s.definition = definition;
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
