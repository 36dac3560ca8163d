package vn.govqms.scoring.criteria;

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

/** What the criteria-set API reads and writes. */
public final class CriteriaDtos {

    private CriteriaDtos() {
    }

    @Schema(name = "CriteriaSetInput")
    public record CriteriaSetInput(
            @Pattern(regexp = "\\d{2}", message = "a two-digit province code") @Schema(description = "Null for a national set", example = "24") String provinceCode,
            @NotBlank @Size(max = 500) @Schema(example = "Bộ tiêu chí đánh giá việc xây dựng, áp dụng HTQLCL tỉnh Bắc Giang") String name,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer appliesFromYear,
            @NotEmpty @Size(max = 50) List<Definition.@Valid Group> groups,
            @Size(max = 10) List<Definition.@Valid Band> bands) {

        public Definition definition() {
            return new Definition(groups, bands).withDefaults();
        }
    }

    @Schema(name = "CriteriaSetChange", description = "A draft's new content (the province cannot change)", example = """
            {"name": "Bộ tiêu chí đánh giá việc xây dựng, áp dụng HTQLCL tỉnh Bắc Giang", "appliesFromYear": 2026,
             "groups": [{"code": "1", "name": "Xây dựng và công bố HTQLCL", "criteria": [
               {"code": "1.1", "text": "Công bố HTQLCL phù hợp TCVN ISO 9001:2015", "maxPoints": 40, "method": "AUTOMATIC", "indicator": "QMS_ANNOUNCED", "rule": "ALL_OR_NOTHING"},
               {"code": "1.2", "text": "Sổ tay chất lượng, chính sách và mục tiêu chất lượng", "maxPoints": 60, "method": "MANUAL",
                "guidance": "Đủ tài liệu theo mô hình khung (Quyết định 101/2019/QĐ-BKHCN)"}]}],
             "bands": [{"code": "EXCELLENT", "label": "Xuất sắc", "labelEn": "Excellent", "minScore": 90, "minInclusive": true},
                       {"code": "GOOD", "label": "Tốt", "labelEn": "Good", "minScore": 70, "minInclusive": true},
                       {"code": "FAIR", "label": "Đạt", "labelEn": "Fair", "minScore": 50, "minInclusive": true},
                       {"code": "POOR", "label": "Chưa đạt", "labelEn": "Poor", "minScore": 0, "minInclusive": true}]}""")
    public record CriteriaSetChange(
            @NotBlank @Size(max = 500) String name,
            @NotNull @Min(2000) @Max(2100) Integer appliesFromYear,
            @NotEmpty @Size(max = 50) List<Definition.@Valid Group> groups,
            @Size(max = 10) List<Definition.@Valid Band> bands) {

        public Definition definition() {
            return new Definition(groups, bands).withDefaults();
        }
    }

    @Schema(name = "CriteriaSet")
    public record CriteriaSetView(
            UUID id,
            @Schema(example = "24") String provinceCode,
            String name,
            @Schema(example = "2026") int appliesFromYear,
            @Schema(example = "1") int version,
            CriteriaSetStatus status,
            @Schema(example = "Đang áp dụng") String statusLabel,
            UUID previousId,
            @Schema(example = "100") BigDecimal totalMaxPoints,
            List<Definition.Group> groups,
            List<Definition.Band> bands,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime activatedAt,
            OffsetDateTime retiredAt) {

        static CriteriaSetView of(CriteriaSet s) {
            return new CriteriaSetView(s.id, s.provinceCode, s.name, s.appliesFromYear, s.versionNo, s.status, s.status.label(),
                    s.previousId, s.definition.totalMaxPoints(), s.definition.groups(), s.definition.bands(), s.createdBy,
                    s.createdAt, s.updatedAt, s.activatedAt, s.retiredAt);
        }
    }

    @Schema(name = "CriteriaSetSummary")
    public record CriteriaSetSummary(UUID id, String provinceCode, String name, int appliesFromYear, int version,
                                     CriteriaSetStatus status, String statusLabel, BigDecimal totalMaxPoints,
                                     OffsetDateTime activatedAt) {

        static CriteriaSetSummary of(CriteriaSet s) {
            return new CriteriaSetSummary(s.id, s.provinceCode, s.name, s.appliesFromYear, s.versionNo, s.status, s.status.label(),
                    s.totalMaxPoints, s.activatedAt);
        }
    }
}
