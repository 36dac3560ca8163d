package vn.govqms.audit.internalaudit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.audit.internalaudit.AuditParts.Answer;
import vn.govqms.audit.internalaudit.AuditParts.ChecklistItem;
import vn.govqms.audit.internalaudit.AuditParts.TeamMember;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the audit API reads and writes. */
public final class AuditDtos {

    private AuditDtos() {
    }

    @Schema(name = "NewAudit", example = """
            {"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "kind": "INTERNAL_AUDIT", "mode": "ON_SITE", "title": "Đánh giá nội bộ HTQLCL năm 2026 - Sở Tư pháp tỉnh Ninh Bình",
             "plannedStart": "2026-10-12", "plannedEnd": "2026-10-14",
             "team": [{"subject": "le.van.cuong", "fullName": "Lê Văn Cường", "agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "unit": "Văn phòng Sở", "role": "LEAD"}],
             "auditedUnits": ["Phòng Hành chính tư pháp", "Bộ phận Một cửa"], "scopeClauses": ["7.5", "8.5"], "procedureIds": []}""")
    public record NewAudit(
            @NotNull UUID agencyId,
            @NotNull @Schema(example = "INTERNAL_AUDIT") AuditKind kind,
            @NotNull @Schema(example = "ON_SITE") AuditMode mode,
            @NotBlank @Size(max = 500) @Schema(example = "Đánh giá nội bộ HTQLCL năm 2026") String title,
            @NotNull @Schema(example = "2026-09-15") LocalDate plannedStart,
            @NotNull @Schema(example = "2026-09-17") LocalDate plannedEnd,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull TeamMember> team,
            @Size(max = 50) @Schema(description = "Units of the agency audited (internal audits: no auditor audits their own unit); none: the "
                    + "whole agency, which no auditor of the agency audits",
                    example = "[\"Văn phòng Sở\", \"Phòng Quản lý chuyên ngành\"]") List<@NotBlank @Size(max = 200) String> auditedUnits,
            @Size(max = 100) @Schema(description = "ISO 9001:2015 clauses in scope", example = "[\"7.5\", \"8.5.1\", \"9.2\"]")
            List<@NotBlank @Size(max = 10) String> scopeClauses,
            @Size(max = 200) @Schema(description = "Controlled procedures of the agency in scope (ids from document-service)")
            List<@NotNull UUID> procedureIds) {
    }

    @Schema(name = "AuditCopy", description = "A new audit of the same agency from this one: scope, team and checklist copied, answers reset", example = """
            {"plannedStart": "2027-10-12", "plannedEnd": "2027-10-14", "title": "Đánh giá nội bộ HTQLCL năm 2027"}""")
    public record Copy(
            @NotNull @Schema(example = "2027-09-14") LocalDate plannedStart,
            @NotNull @Schema(example = "2027-09-16") LocalDate plannedEnd,
            @Size(max = 500) @Schema(example = "Đánh giá nội bộ HTQLCL năm 2027") String title) {
    }

    @Schema(name = "AuditTeam", description = "The whole team, exactly one LEAD, none of them from the audited agency "
            + "(internal audits: none auditing their own unit) (send If-Match)", example = """
            {"team": [{"subject": "le.van.cuong", "fullName": "Lê Văn Cường", "agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "unit": "Văn phòng Sở", "role": "LEAD"}, {"subject": "pham.thi.dung", "fullName": "Phạm Thị Dung", "agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "role": "MEMBER"}]}""")
    public record TeamInput(@NotEmpty @Size(max = 30) List<@Valid @NotNull TeamMember> team) {
    }

    @Schema(name = "ChecklistQuestion")
    public record Question(@Size(max = 10) @Schema(example = "7.5.3") String clause,
                           @NotBlank @Size(max = 1000) @Schema(example = "Hồ sơ giải quyết TTHC có được lưu trữ đúng quy định?") String question) {
    }

    @Schema(name = "ChecklistEdit", description = "The whole checklist; answers are kept for unchanged questions (send If-Match)", example = """
            {"items": [{"clause": "7.5.3", "question": "Tài liệu có nguồn gốc bên ngoài có được kiểm soát không?"}, {"clause": "8.5.1", "question": "Hồ sơ TTHC có được giải quyết đúng hạn không?"}]}""")
    public record ChecklistEdit(@NotEmpty @Size(max = 300) List<@Valid @NotNull Question> items) {
    }

    @Schema(name = "ChecklistAnswer", example = """
            {"answer": "CONFORMING", "evidence": "Sổ theo dõi hồ sơ tháng 9/2026"}""")
    public record AnswerInput(@NotNull @Schema(example = "NONCONFORMING") Answer answer,
                              @Size(max = 2000) @Schema(example = "2/10 hồ sơ kiểm tra thiếu phiếu kiểm soát quá trình") String evidence) {
    }

    @Schema(name = "AuditReport", example = """
            {"conclusion": "HTQLCL được duy trì phù hợp; 01 điểm không phù hợp nhỏ tại điều khoản 7.5.2", "minutesDate": "2026-10-14"}""")
    public record ReportInput(@NotBlank @Size(max = 5000)
                              @Schema(example = "HTQLCL được duy trì phù hợp; còn 01 điểm không phù hợp nhỏ về kiểm soát hồ sơ.") String conclusion,
                              @Schema(description = "The date of the minutes (biên bản) the report records; today when left out. An on-site "
                                      + "provincial inspection's corrective-action report is due 2 months after it", example = "2026-11-12")
                              LocalDate minutesDate) {
    }

    @Schema(name = "AuditConfirmation", example = """
            {"note": "Thống nhất với kết quả đánh giá"}""")
    public record Confirmation(@Size(max = 2000) @Schema(example = "Thống nhất với kết quả đánh giá; giao Văn phòng khắc phục.") String note) {
    }

    @Schema(name = "AuditProcedure")
    public record ProcedureRef(UUID documentId, @Schema(example = "QT-VP-01") String code, String title, boolean abolished) {
    }

    @Schema(name = "Audit")
    public record AuditView(
            UUID id, UUID agencyId, String agencyName, String provinceCode, AuditKind kind,
            @Schema(example = "Đánh giá nội bộ") String kindLabel, AuditMode mode, String modeLabel, int year, String title,
            AuditStatus status, @Schema(example = "Đã lập kế hoạch") String statusLabel, List<String> allowedActions,
            LocalDate plannedStart, LocalDate plannedEnd, UUID campaignId,
            @Schema(description = "The lead's token subject; null for a campaign's inspection of its lead's own agency until "
                    + "the province names its lead (PUT /audits/{id}/team)") String leadAuditor, List<TeamMember> team,
            List<String> auditedUnits, List<String> scopeClauses, List<ProcedureRef> procedures,
            @Schema(description = "True when a procedure in scope has been abolished since") boolean citesAbolishedProcedure,
            List<ChecklistItem> checklist, String conclusion, OffsetDateTime startedAt, String reportedBy, OffsetDateTime reportedAt,
            @Schema(description = "The date of the report's minutes (biên bản)") LocalDate minutesDate,
            String confirmedBy, OffsetDateTime confirmedAt, String confirmationNote, UUID copiedFrom,
            @Schema(description = "Findings by kind", example = "{\"MINOR_NONCONFORMITY\": 1}") Map<String, Long> findings,
            String createdBy, long version) {
    }

    @Schema(name = "AuditSummary")
    public record AuditSummary(UUID id, UUID agencyId, AuditKind kind, AuditMode mode, int year, String title, AuditStatus status,
                               String statusLabel, LocalDate plannedStart, LocalDate plannedEnd, UUID campaignId, String leadAuditor) {
        static AuditSummary of(Audit a) {
            return new AuditSummary(a.id, a.agencyId, a.kind, a.mode, a.year, a.title, a.status, a.status.label(), a.plannedStart,
                    a.plannedEnd, a.campaignId, a.leadAuditor);
        }
    }
}
