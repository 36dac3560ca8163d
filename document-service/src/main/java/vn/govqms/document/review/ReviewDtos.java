package vn.govqms.document.review;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the review-task API reads and writes. */
public final class ReviewDtos {

    private ReviewDtos() {
    }

    @Schema(name = "ReviewResolution")
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
            @Schema(example = "LEGAL_DOCUMENT") String causeType,
            UUID causeId,
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
}
