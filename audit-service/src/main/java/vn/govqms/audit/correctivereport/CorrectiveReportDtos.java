package vn.govqms.audit.correctivereport;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the corrective-action report API reads and writes. */
public final class CorrectiveReportDtos {

    private CorrectiveReportDtos() {
    }

    @Schema(name = "CorrectiveReportSubmission", description = "The agency's report on the corrective actions the inspection asked for", example = """
            {"documentNumber": "125/BC-STP", "content": "Sở Tư pháp đã khắc phục 03 điểm không phù hợp theo Kết luận kiểm tra số 45/KL-SKHCN: sửa đổi quy trình QT-TP-05, tập huấn cán bộ, cập nhật danh mục tài liệu bên ngoài."}""")
    public record Submission(
            @Size(max = 100) @Schema(example = "125/BC-STP") String documentNumber,
            @NotBlank @Size(max = 20000) @Schema(example = "Đã bổ sung phiếu kiểm soát quá trình cho 100% hồ sơ; đã tập huấn lại cho cán bộ "
                    + "một cửa ngày 15/01/2027.") String content) {
    }

    @Schema(name = "CorrectiveReportReturn", description = "Why the team returns the report", example = """
            {"reason": "Báo cáo chưa nêu kết quả khắc phục điểm không phù hợp số 2"}""")
    public record Return(@NotBlank @Size(max = 2000) @Schema(example = "Chưa có minh chứng việc tập huấn lại cho cán bộ một cửa.") String reason) {
    }

    @Schema(name = "CorrectiveReport")
    public record View(UUID id, UUID auditId, UUID agencyId, @Schema(example = "Sở Tư pháp tỉnh Ninh Bình") String agencyName,
                       String provinceCode, int year,
                       @Schema(description = "The date of the inspection's minutes (biên bản)", example = "2026-11-12") LocalDate minutesDate,
                       @Schema(description = "Minutes date + the configured period (2 months)", example = "2027-01-12") LocalDate dueDate,
                       CorrectiveReportStatus status, @Schema(example = "Chưa nộp báo cáo khắc phục") String statusLabel,
                       List<String> allowedActions, boolean overdue, Integer daysOverdue, String documentNumber, String content,
                       int submissions, String submittedBy, OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt,
                       String returnReason, long version) {
    }
}
