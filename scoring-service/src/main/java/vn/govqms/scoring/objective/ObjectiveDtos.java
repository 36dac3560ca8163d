package vn.govqms.scoring.objective;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.scoring.criteria.Comparison;
import vn.govqms.scoring.indicator.IndicatorCode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the quality-objective API reads and writes. */
public final class ObjectiveDtos {

    private ObjectiveDtos() {
    }

    @Schema(name = "NewQualityObjective", example = """
            {"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "year": 2026, "title": "Không còn quy trình quá hạn rà soát khi văn bản pháp luật thay đổi", "kpi": "PROCEDURE_REVIEWS_OVERDUE", "comparison": "AT_MOST", "target": 0}""")
    public record NewObjective(
            @NotNull UUID agencyId,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
            @NotBlank @Size(max = 500) @Schema(example = "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 98% trở lên") String title,
            @NotNull @Schema(example = "DOSSIER_ON_TIME_RATE") IndicatorCode kpi,
            @NotNull @Schema(example = "AT_LEAST") Comparison comparison,
            @NotNull @DecimalMin("0") @Schema(example = "98") BigDecimal target) {
    }

    @Schema(name = "QualityObjectiveChange", example = """
            {"title": "Hoàn thành ít nhất 90% hoạt động của kế hoạch duy trì HTQLCL", "comparison": "AT_LEAST", "target": 90}""")
    public record ObjectiveChange(
            @NotBlank @Size(max = 500) String title,
            @NotNull Comparison comparison,
            @NotNull @DecimalMin("0") BigDecimal target) {
    }

    @Schema(name = "QualityObjective")
    public record ObjectiveView(UUID id, UUID agencyId, @Schema(example = "2026") int year, String title, IndicatorCode kpi,
                                @Schema(example = "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn") String kpiLabel, Comparison comparison,
                                BigDecimal target, @Schema(description = "The KPI now; null while nothing is measured", example = "96.5") BigDecimal actual,
                                ObjectiveStatus status, @Schema(example = "Có nguy cơ không đạt") String statusLabel,
                                OffsetDateTime statusChangedAt, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static ObjectiveView of(QualityObjective o) {
            return new ObjectiveView(o.id, o.agencyId, o.year, o.title, o.kpi, o.kpi.label(), o.comparison, o.target, o.actual, o.status,
                    o.status.label(), o.statusChangedAt, o.createdBy, o.createdAt, o.updatedAt);
        }
    }
}
