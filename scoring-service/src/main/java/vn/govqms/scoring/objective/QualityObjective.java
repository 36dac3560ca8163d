package vn.govqms.scoring.objective;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.scoring.criteria.Comparison;
import vn.govqms.scoring.indicator.IndicatorCode;

import vn.govqms.kit.persistence.VersionedEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A quality objective (mục tiêu chất lượng) of an agency for a year: a KPI, a comparison and a target, and where it stands. */
@Entity
// the kit's id, optimistic lock and creation time; this table named its lock column lock_version before the kit had one
@AttributeOverride(name = "version", column = @Column(name = "lock_version"))
public class QualityObjective extends VersionedEntity {

    public UUID agencyId;
    public String provinceCode;
    public int year;
    public String title;
    @Enumerated(EnumType.STRING)
    public IndicatorCode kpi;
    @Enumerated(EnumType.STRING)
    public Comparison comparison;
    public BigDecimal target;
    @Enumerated(EnumType.STRING)
    public ObjectiveStatus status;
    /** The KPI when last evaluated; null while nothing is measured. */
    public BigDecimal actual;
    public String createdBy;
    public OffsetDateTime updatedAt;
    public OffsetDateTime statusChangedAt;

    /** A new objective, on track until it is evaluated. */
    public static QualityObjective set(UUID agencyId, String provinceCode, int year, String title, IndicatorCode kpi, Comparison comparison,
                                       BigDecimal target, String who, OffsetDateTime now) {
        QualityObjective o = new QualityObjective();
        o.id = UUID.randomUUID();
        o.agencyId = agencyId;
        o.provinceCode = provinceCode;
        o.year = year;
        o.title = title;
        o.kpi = kpi;
        o.comparison = comparison;
        o.target = scaled(target);
        o.status = ObjectiveStatus.ON_TRACK;
        o.createdBy = who;
        o.createdAt = now;
        o.updatedAt = now;
        o.statusChangedAt = now;
        return o;
    }

    public void change(String title, Comparison comparison, BigDecimal target, OffsetDateTime now) {
        this.title = title;
        this.comparison = comparison;
        this.target = scaled(target);
        this.updatedAt = now;
    }

    /**
     * Where the objective stands with its KPI at {@code actual} ({@link ObjectiveStatus#of}); the status it enters when
     * that is at risk or missed (an event to publish), else empty. Nothing changes when neither status nor KPI moved.
     */
    public Optional<ObjectiveStatus> evaluate(BigDecimal actual, boolean yearOver, OffsetDateTime now) {
        ObjectiveStatus next = ObjectiveStatus.of(actual, comparison, target, yearOver);
        boolean sameActual = actual == null ? this.actual == null : this.actual != null && actual.compareTo(this.actual) == 0;
        if (next == status && sameActual) {
            return Optional.empty();
        }
        ObjectiveStatus before = status;
        this.actual = scaled(actual);
        this.updatedAt = now;
        if (next != before) {
            status = next;
            statusChangedAt = now;
        }
        return next != before && next != ObjectiveStatus.ON_TRACK ? Optional.of(next) : Optional.empty();
    }

    /** As the column keeps it (two decimals), so that the answer reads the same before and after a reload. */
    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
