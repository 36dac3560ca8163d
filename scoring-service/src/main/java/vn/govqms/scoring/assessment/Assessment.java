package vn.govqms.scoring.assessment;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.scoring.criteria.Definition;
import vn.govqms.scoring.criteria.Method;
import vn.govqms.scoring.indicator.Indicators;

import vn.govqms.kit.persistence.VersionedEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assessment of an agency for a year under one criteria set version: points per criterion,
 * checked against the set; automatic criteria computed at submission and frozen at finalisation. The items are one
 * {@code jsonb} document, replaced as a whole by each step (never changed in place: dirty checking compares by value).
 */
@Entity
// the kit's id, optimistic lock and creation time; this table named its lock column lock_version before the kit had one
@AttributeOverride(name = "version", column = @Column(name = "lock_version"))
public class Assessment extends VersionedEntity {

    public UUID agencyId;
    public String provinceCode;
    public int year;
    @Enumerated(EnumType.STRING)
    public AssessmentKind kind;
    public UUID criteriaSetId;
    @Enumerated(EnumType.STRING)
    public AssessmentStatus status;
    @Convert(converter = ItemsColumn.class)
    @ColumnTransformer(read = "cast(items as text)", write = JsonColumn.WRITE)
    public List<Item> items;
    public String comment;
    public BigDecimal totalPoints;
    public String band;
    public String bandLabel;
    public String createdBy;
    public OffsetDateTime updatedAt;
    public String submittedBy;
    public OffsetDateTime submittedAt;
    public String finalisedBy;
    public OffsetDateTime finalisedAt;

    static final class ItemsColumn extends JsonColumn<List<Item>> {
        ItemsColumn() {
            super(new TypeReference<>() {
            });
        }
    }

    /** One score given by an assessor. */
    public record Given(String criterionCode, BigDecimal points, List<String> evidenceLinks, String comment) {
    }

    public static Assessment start(UUID agency, String province, int year, AssessmentKind kind, UUID setId, Definition definition,
                                   String who, OffsetDateTime now) {
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.agencyId = agency;
        a.provinceCode = province;
        a.year = year;
        a.kind = kind;
        a.criteriaSetId = setId;
        a.status = AssessmentStatus.DRAFT;
        a.items = definition.criteria().map(c -> new Item(c.code(), c.method(), c.maxPoints(), null, null, false, List.of(), null)).toList();
        a.createdBy = who;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** Gives points to manual criteria (0..max each); 400 naming every offending item. */
    public void score(List<Given> given, String comment, Definition definition, OffsetDateTime now) {
        require(AssessmentStatus.DRAFT, "score", status == AssessmentStatus.SUBMITTED ? List.of("return", "finalise") : List.of("reopen"));
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Given> byCode = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Given g = given.get(i);
            String at = "items[" + i + "]";
            Definition.Criterion c = definition.criterion(g.criterionCode()).orElse(null);
            if (c == null) {
                errors.add(new Problem.FieldError(at + ".criterionCode", "no criterion " + g.criterionCode() + " in this criteria set"));
                continue;
            }
            if (byCode.put(g.criterionCode(), g) != null) {
                errors.add(new Problem.FieldError(at + ".criterionCode", "criterion " + g.criterionCode() + " given twice"));
            }
            if (g.points() != null && c.method() == Method.AUTOMATIC) {
                errors.add(new Problem.FieldError(at + ".points", "criterion " + c.code() + " is computed from indicator "
                        + c.indicator() + "; give evidence or a comment only"));
            } else if (g.points() != null && (g.points().signum() < 0 || g.points().compareTo(c.maxPoints()) > 0)) {
                errors.add(new Problem.FieldError(at + ".points", "must be between 0 and " + c.maxPoints().stripTrailingZeros().toPlainString()
                        + " (the maximum of criterion " + c.code() + ")"));
            } else if (g.points() != null && g.points().scale() > 2 && g.points().stripTrailingZeros().scale() > 2) {
                errors.add(new Problem.FieldError(at + ".points", "at most 2 decimals"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid input",
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), Map.of("errors", errors));
        }
        items = items.stream().map(item -> {
            Given g = byCode.get(item.criterionCode());
            if (g == null) {
                return item;
            }
            BigDecimal points = item.method() == Method.MANUAL ? scaled(g.points()) : item.points();
            return new Item(item.criterionCode(), item.method(), item.maxPoints(), points, item.indicatorValue(), item.frozen(),
                    g.evidenceLinks() == null ? List.of() : g.evidenceLinks(), g.comment());
        }).toList();
        if (comment != null) {
            this.comment = comment;
        }
        updatedAt = now;
    }

    /** Computes the automatic criteria (unless frozen), checks every manual one is scored, totals and classifies. */
    public void submit(Definition definition, Indicators indicators, String who, OffsetDateTime now) {
        require(AssessmentStatus.DRAFT, "submit", status == AssessmentStatus.SUBMITTED ? List.of("return", "finalise") : List.of("reopen"));
        List<String> missing = items.stream().filter(i -> i.method() == Method.MANUAL && i.points() == null).map(Item::criterionCode).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("criteria-not-scored", "Criteria not scored",
                    "Give points to every manual criterion before submitting; missing: " + String.join(", ", missing) + ".",
                    Map.of("criteria", missing));
        }
        items = items.stream().map(item -> {
            if (item.method() != Method.AUTOMATIC || item.frozen()) {
                return item;
            }
            Definition.Criterion c = definition.criterion(item.criterionCode()).orElseThrow();
            BigDecimal value = indicators.get(c.indicator());
            return new Item(item.criterionCode(), item.method(), item.maxPoints(), c.automaticPoints(value), value, false,
                    item.evidenceLinks(), item.comment());
        }).toList();
        totalPoints = items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        Definition.Band b = definition.classify(totalPoints);
        band = b.code();
        bandLabel = b.label();
        status = AssessmentStatus.SUBMITTED;
        submittedBy = who;
        submittedAt = now;
        updatedAt = now;
    }

    /** Sends a submitted assessment back to draft (the reason goes to the audit trail). */
    public void sendBack(OffsetDateTime now) {
        require(AssessmentStatus.SUBMITTED, "return", status == AssessmentStatus.DRAFT ? List.of("score", "submit") : List.of("reopen"));
        status = AssessmentStatus.DRAFT;
        updatedAt = now;
    }

    /** Publishes the result: immutable from now on, automatic points frozen. */
    public void finalise(String who, OffsetDateTime now) {
        require(AssessmentStatus.SUBMITTED, "finalise", status == AssessmentStatus.DRAFT ? List.of("score", "submit") : List.of("reopen"));
        items = items.stream().map(i -> i.method() == Method.AUTOMATIC
                ? new Item(i.criterionCode(), i.method(), i.maxPoints(), i.points(), i.indicatorValue(), true, i.evidenceLinks(), i.comment())
                : i).toList();
        status = AssessmentStatus.FINALISED;
        finalisedBy = who;
        finalisedAt = now;
        updatedAt = now;
    }

    /** A correction: a finalised assessment becomes a draft again (its automatic points stay frozen). */
    public void reopen(OffsetDateTime now) {
        require(AssessmentStatus.FINALISED, "reopen", status == AssessmentStatus.DRAFT ? List.of("score", "submit") : List.of("return", "finalise"));
        status = AssessmentStatus.DRAFT;
        finalisedAt = null;
        finalisedBy = null;
        updatedAt = now;
    }

    private void require(AssessmentStatus required, String action, List<String> allowed) {
        if (status != required) {
            throw ProblemException.invalidTransition("assessment", status.name(), action, allowed);
        }
    }

    private static BigDecimal scaled(BigDecimal points) {
        return points == null ? null : points.setScale(2, RoundingMode.HALF_UP);
    }
}
