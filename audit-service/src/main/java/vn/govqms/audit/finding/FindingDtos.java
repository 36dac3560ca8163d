package vn.govqms.audit.finding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.audit.internalaudit.AuditKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the finding and corrective-action API reads and writes. */
public final class FindingDtos {

    private FindingDtos() {
    }

    @Schema(name = "NewFinding", example = """
            {"clause": "7.5.2", "kind": "MINOR_NONCONFORMITY",
             "description": "Quy trình cấp Phiếu lý lịch tư pháp chưa cập nhật thời hạn giải quyết theo Quyết định 1113/QĐ-UBND",
             "evidence": "Hồ sơ số 000.00.53.H48-260312-0007", "procedureId": "e2b7c9d1-4f6a-4b8e-9c3d-1a5f7e2b8d60"}""")
    public record NewFinding(
            @NotBlank @Size(max = 10) @Schema(description = "ISO 9001:2015 clause", example = "7.5.3") String clause,
            @NotNull @Schema(example = "MINOR_NONCONFORMITY") FindingKind kind,
            @NotBlank @Size(max = 5000) @Schema(example = "Hồ sơ giải quyết TTHC lĩnh vực đất đai không có phiếu kiểm soát quá trình") String description,
            @Size(max = 5000) @Schema(example = "Hồ sơ số 000.00.53.H24-260921-0099") String evidence,
            @Schema(description = "The procedure concerned (a controlled document of the agency)") UUID procedureId) {
    }

    @Schema(name = "Finding")
    public record FindingView(UUID id, UUID auditId, UUID agencyId, AuditKind auditKind, String clause,
                              @Schema(example = "Kiểm soát thông tin dạng văn bản") String clauseTitle, FindingKind kind,
                              @Schema(example = "Điểm không phù hợp nhẹ") String kindLabel, String description, String evidence,
                              UUID procedureId, FindingStatus status, String statusLabel, String raisedBy, LocalDate raisedOn,
                              LocalDate closedOn, long version) {
    }

    @Schema(name = "FindingClosure", description = "Closes an observation or opportunity for improvement once acted on", example = """
            {"note": "Các hành động khắc phục đã được kiểm tra xác nhận hiệu lực"}""")
    public record Closure(@Size(max = 2000) @Schema(example = "Đã phổ biến lại quy trình cho Bộ phận Một cửa") String note) {
    }

    @Schema(name = "NewCorrectiveAction", example = """
            {"findingId": "c7d4e1a2-9b3f-4a6e-8d20-5f1b3c7e9a04", "title": "Cập nhật quy trình cấp Phiếu lý lịch tư pháp",
             "containment": "Rà soát các hồ sơ đang giải quyết theo quy trình cũ", "rootCause": "Quy trình chưa cập nhật Quyết định 1113/QĐ-UBND",
             "action": "Sửa đổi quy trình QT-TP-05 và tập huấn cán bộ", "owner": "tran.thi.hoa", "dueDate": "2026-09-30"}""")
    public record NewAction(
            @NotNull UUID findingId,
            @NotBlank @Size(max = 500) @Schema(example = "Bổ sung phiếu kiểm soát quá trình cho hồ sơ đất đai") String title,
            @Size(max = 5000) @Schema(description = "Immediate correction", example = "Bổ sung ngay phiếu kiểm soát cho 2 hồ sơ thiếu") String containment,
            @NotBlank @Size(max = 5000) @Schema(example = "Công chức mới chưa được hướng dẫn quy trình") String rootCause,
            @NotBlank @Size(max = 5000) @Schema(example = "Tập huấn lại quy trình; kiểm tra hồ sơ hằng tháng") String action,
            @NotBlank @Size(max = 200) @Schema(description = "Token subject of the person responsible", example = "iso-officer-van.phong") String owner,
            @Schema(description = "Defaults to 2 months after an on-site inspection; required otherwise. May be in the past (records of earlier inspections).",
                    example = "2026-12-31") LocalDate dueDate) {
    }

    @Schema(name = "ActionImplementation", example = """
            {"note": "Đã ban hành lại quy trình QT-TP-05 và tập huấn cho cán bộ Bộ phận Một cửa ngày 12/9/2026"}""")
    public record Implementation(@NotBlank @Size(max = 5000) @Schema(example = "Đã tập huấn ngày 10/10/2026; 100% hồ sơ tháng 10 có phiếu kiểm soát") String note) {
    }

    @Schema(name = "ActionVerification", example = """
            {"effective": true, "note": "Kiểm tra 10 hồ sơ tháng 10/2026: đều giải quyết theo quy trình mới, đúng hạn"}""")
    public record Verification(@NotNull @Schema(example = "true") Boolean effective,
                               @NotBlank @Size(max = 5000) @Schema(example = "Kiểm tra 15 hồ sơ tháng 11: đầy đủ phiếu kiểm soát") String note) {
    }

    @Schema(name = "ActionExtension", example = """
            {"newDueDate": "2026-12-31", "reason": "Chờ UBND tỉnh ban hành quyết định công bố danh mục TTHC sửa đổi"}""")
    public record ExtensionInput(@NotNull @Schema(example = "2027-01-31") LocalDate newDueDate,
                                 @NotBlank @Size(max = 2000) @Schema(example = "Chờ phần mềm một cửa nâng cấp") String reason) {
    }

    @Schema(name = "ActionDueDateExtension")
    public record ExtensionView(LocalDate previousDueDate, LocalDate newDueDate, String reason, String extendedBy, OffsetDateTime extendedAt) {
    }

    @Schema(name = "CorrectiveAction")
    public record ActionView(UUID id, UUID findingId, UUID agencyId, FindingKind findingKind, String title, String containment,
                             String rootCause, String action, String owner, LocalDate dueDate, ActionStatus status,
                             @Schema(example = "Đang thực hiện") String statusLabel, List<String> allowedActions, boolean overdue,
                             @Schema(example = "12") Integer daysOverdue, String implementationNote, OffsetDateTime implementedAt,
                             String verifiedBy, LocalDate verifiedOn, String verificationNote, Boolean effective, LocalDate closedOn,
                             List<ExtensionView> extensions, String createdBy, long version) {
    }
}
