package vn.govqms.scoring.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the assessment API reads and writes. */
public final class AssessmentDtos {

    private AssessmentDtos() {
    }

    @Schema(name = "NewAssessment", example = """
            {"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "year": 2026, "kind": "OFFICIAL", "criteriaSetId": "b4e8a1c7-2f3d-4e9b-8a6c-5d1f0e7b3a92"}""")
    public record NewAssessment(
            @NotNull UUID agencyId,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
            @NotNull @Schema(example = "SELF") AssessmentKind kind,
            @Schema(description = "Default: the set in force for the agency's province in that year") UUID criteriaSetId) {
    }

    @Schema(name = "AssessmentScores")
    public record Scores(
            @NotEmpty @Size(max = 500) List<@Valid Score> items,
            @Size(max = 4000) @Schema(example = "Cơ quan đã duy trì HTQLCL đầy đủ") String comment) {
    }

    @Schema(name = "AssessmentScore")
    public record Score(
            @NotBlank @Size(max = 20) @Schema(example = "1.2") String criterionCode,
            @Schema(description = "0 to the criterion's maximum; manual criteria only", example = "25") BigDecimal points,
            @Size(max = 20) List<@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "an http(s) link") String> evidenceLinks,
            @Size(max = 2000) @Schema(example = "Sổ tay chất lượng ban hành theo Quyết định 45/QĐ-STP") String comment) {
    }

    @Schema(name = "AssessmentReason", example = """
            {"reason": "Tiêu chí 1.2 chưa kèm minh chứng Sổ tay chất lượng ban hành năm 2026"}""")
    public record Reason(@NotBlank @Size(max = 2000) @Schema(example = "Chấm sai tiêu chí 1.2: thiếu minh chứng") String reason) {
    }

    @Schema(name = "Assessment")
    public record AssessmentView(
            UUID id, UUID agencyId, @Schema(example = "24") String provinceCode, @Schema(example = "2026") int year,
            AssessmentKind kind, @Schema(example = "Tự đánh giá") String kindLabel, UUID criteriaSetId,
            AssessmentStatus status, @Schema(example = "Đã công bố") String statusLabel,
            List<Item> items, String comment,
            @Schema(example = "86.5") BigDecimal totalPoints, @Schema(example = "GOOD") String band, @Schema(example = "Tốt") String bandLabel,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, String submittedBy, OffsetDateTime submittedAt,
            String finalisedBy, OffsetDateTime finalisedAt) {

        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id, a.agencyId, a.provinceCode, a.year, a.kind, a.kind.label(), a.criteriaSetId, a.status,
                    a.status.label(), a.items, a.comment, a.totalPoints, a.band, a.bandLabel, a.createdBy, a.createdAt, a.updatedAt,
                    a.submittedBy, a.submittedAt, a.finalisedBy, a.finalisedAt);
        }
    }

    @Schema(name = "AssessmentSummary")
    public record AssessmentSummary(UUID id, UUID agencyId, String agencyName, int year, AssessmentKind kind, AssessmentStatus status,
                                    String statusLabel, UUID criteriaSetId, BigDecimal totalPoints, String band, String bandLabel,
                                    OffsetDateTime updatedAt) {
    }

    @Schema(name = "AssessmentComparison", description = "Self-assessment and official assessment side by side, per criterion")
    public record Comparison(UUID agencyId, int year, UUID selfAssessmentId, UUID officialAssessmentId,
                             BigDecimal selfTotal, BigDecimal officialTotal, BigDecimal difference, List<Row> criteria) {
    }

    @Schema(name = "AssessmentComparisonRow")
    public record Row(@Schema(example = "1.2") String criterionCode, BigDecimal maxPoints, BigDecimal selfPoints, BigDecimal officialPoints,
                      @Schema(description = "official − self", example = "-5") BigDecimal difference) {
    }
}
