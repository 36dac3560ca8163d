package vn.govqms.scoring.live;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.scoring.criteria.Scoring;
import vn.govqms.scoring.indicator.IndicatorCode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the indicators and live-score endpoints return. */
public final class LiveDtos {

    private LiveDtos() {
    }

    @Schema(name = "IndicatorValue")
    public record IndicatorValue(IndicatorCode code, @Schema(example = "Quy trình quá hạn rà soát (chưa xong)") String label,
                                 IndicatorCode.Unit unit, @Schema(description = "Null while nothing is measured", example = "1") BigDecimal value) {
    }

    @Schema(name = "IndicatorEvent", description = "An event that moved the agency's indicators")
    public record MovedBy(String eventId, @Schema(example = "vn.govqms.document.procedure-review.overdue.v1") String type,
                          OffsetDateTime occurredAt, OffsetDateTime receivedAt,
                          @Schema(example = "Quá hạn rà soát quy trình QT-TP-01 (hạn 2026-03-01)") String summary) {
    }

    @Schema(name = "AgencyIndicators")
    public record IndicatorsView(UUID agencyId, @Schema(example = "UBND xã Thanh Minh") String agencyName, @Schema(example = "2026") int year,
                                 List<IndicatorValue> indicators, List<MovedBy> movedBy) {
    }

    @Schema(name = "LiveScore")
    public record ScoreView(UUID agencyId, String agencyName, String provinceCode, @Schema(example = "2026") int year,
                            @Schema(description = "Null when no criteria set is active for the agency's province") UUID criteriaSetId,
                            @Schema(example = "86.5") BigDecimal score, @Schema(example = "GOOD") String band,
                            @Schema(example = "Tốt") String bandLabel, List<Scoring.CriterionScore> criteria,
                            @Schema(example = "vn.govqms.document.procedure-review.overdue.v1") String cause,
                            OffsetDateTime updatedAt, List<MovedBy> movedBy) {
    }
}
