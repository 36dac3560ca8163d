package vn.govqms.document.procedurereview;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the review-task API reads and writes. */
public final class ProcedureReviewDtos {

    private ProcedureReviewDtos() {
    }

    @Schema(name = "ReviewResolution", example = """
            {"outcome": "REVISED", "note": "Cập nhật thời hạn giải quyết theo Quyết định 1113/QĐ-UBND", "revision": 3}""")
    public record Resolution(
            @NotNull @Schema(example = "REVISED") ReviewOutcome outcome,
            @Size(max = 2000) @Schema(description = "Required for NO_CHANGE: why nothing changes",
                    example = "Nội dung sửa đổi không ảnh hưởng đến trình tự, thời hạn giải quyết") String note,
            @Min(1) @Schema(description = "For REVISED: the newly issued revision", example = "2") Integer revision) {
    }

    @Schema(name = "ReviewTask")
    public record ReviewView(
            UUID id,
            UUID agencyId,
            UUID documentId,
            @Schema(example = "QT-KHCN-01") String documentCode,
            String documentTitle,
            @Schema(description = "The revision to review: the issued one, or a draft, one in review or approved that relied on the change",
                    example = "2") int revision,
            @Schema(example = "LEGAL_DOCUMENT") String causeType,
            UUID causeId,
            @Schema(description = "The TTHC through which the procedure relies on the changed legal document (its legal bases "
                    + "include it); absent when the procedure cites the document itself") UUID viaProcedureId,
            @Schema(example = "AMENDED") String causeKind,
            @Schema(example = "Văn bản 19/2014/QĐ-TTg được sửa đổi, bổ sung bởi 12/2020/QĐ-TTg, hiệu lực từ 2020-07-01.") String causeSummary,
            LocalDate effectiveDate,
            LocalDate dueDate,
            ReviewStatus status,
            @Schema(example = "Cần rà soát") String statusLabel,
            ReviewOutcome outcome,
            String resolutionNote,
            UUID resolvedVersionId,
            String resolvedBy,
            OffsetDateTime resolvedAt,
            OffsetDateTime overdueAt,
            OffsetDateTime createdAt) {
    }

    @Schema(name = "ProvinceOverdueReviews", description = "One province's legal-change reviews on a date")
    public record ProvinceOverdue(
            @Schema(description = "The province (00: the central bodies)", example = "24") String provinceCode,
            @Schema(description = "Provinces merged into it by that date, whose agencies are counted here", example = "[\"27\"]")
            List<String> formerProvinces,
            @Schema(description = "Agencies with at least one overdue review", example = "7") long agenciesWithOverdue,
            @Schema(description = "Reviews not completed on that date, overdue ones included", example = "52") long openTasks,
            @Schema(description = "Open reviews past their due date", example = "12") long overdueTasks,
            @Schema(description = "The earliest due date among the overdue reviews", example = "2025-09-29") LocalDate oldestDueDate) {
    }

    @Schema(name = "OverdueReviewsByProvince", description = "The national view of legal-change reviews, one row per province")
    public record ProvinceOverdueReport(
            @Schema(example = "2025-12-31") LocalDate asOf,
            List<ProvinceOverdue> provinces) {
    }
}
