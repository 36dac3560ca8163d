package vn.govqms.audit.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.audit.internalaudit.AuditMode;
import vn.govqms.audit.internalaudit.AuditParts.TeamMember;
import vn.govqms.audit.internalaudit.AuditStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the inspection-campaign API reads and writes. */
public final class CampaignDtos {

    private CampaignDtos() {
    }

    @Schema(name = "CampaignAgency")
    public record AgencyMode(@NotNull UUID agencyId, @NotNull @Schema(example = "ON_SITE") AuditMode mode) {
    }

    @Schema(name = "NewInspectionCampaign", example = """
            {"provinceCode": "37", "year": 2026, "title": "Kiểm tra việc áp dụng, duy trì, cải tiến HTQLCL theo TCVN ISO 9001:2015 năm 2026",
             "periodStart": "2026-05-04", "periodEnd": "2026-10-30",
             "team": [{"subject": "nguyen.van.an", "fullName": "Nguyễn Văn An", "agencyId": "5b2e9d47-8c1f-4e6a-b3d0-2a7c9e1f5d88", "unit": "Chi cục Tiêu chuẩn Đo lường Chất lượng", "role": "LEAD"}],
             "agencies": [{"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "mode": "ON_SITE"}]}""")
    public record NewCampaign(
            @NotBlank @Pattern(regexp = "\\d{2}") @Schema(example = "37") String provinceCode,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
            @NotBlank @Size(max = 500) @Schema(example = "Kế hoạch kiểm tra việc áp dụng, duy trì HTQLCL năm 2026") String title,
            @NotNull @Schema(example = "2026-11-08") LocalDate periodStart,
            @NotNull @Schema(example = "2026-12-03") LocalDate periodEnd,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull TeamMember> team,
            @NotNull @Size(max = 5000) List<@Valid @NotNull AgencyMode> agencies) {
    }

    @Schema(name = "CampaignAgencies", description = "The agencies to inspect and how (send If-Match)", example = """
            {"agencies": [{"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "mode": "ON_SITE"}, {"agencyId": "8a2e4f60-1c3b-4d7a-b5e9-2f6a0c1d3e47", "mode": "RECORDS"}]}""")
    public record AgenciesInput(@NotNull @Size(max = 5000) List<@Valid @NotNull AgencyMode> agencies) {
    }

    @Schema(name = "CampaignApproval", example = """
            {"decisionNumber": "1113/QĐ-UBND", "decisionDate": "2026-03-11"}""")
    public record Approval(@NotBlank @Size(max = 100) @Schema(example = "1113/QĐ-UBND") String decisionNumber,
                           @NotNull @Schema(example = "2026-10-11") LocalDate decisionDate) {
    }

    @Schema(name = "CampaignAgencyView")
    public record AgencyView(UUID agencyId, String agencyCode, String agencyName, AuditMode mode, String modeLabel, UUID auditId,
                             AuditStatus auditStatus,
                             @Schema(description = "The lead of this agency's inspection; null until the province names one when "
                                     + "the campaign's lead works for this agency") String leadAuditor) {
    }

    @Schema(name = "CampaignProgress")
    public record Progress(long total, long onSite, long records, long inspected, long inspectedOnSite, long inspectedRecords) {
    }

    @Schema(name = "InspectionCampaign")
    public record CampaignView(UUID id, String provinceCode, int year, String title, LocalDate periodStart, LocalDate periodEnd,
                               CampaignStatus status, String statusLabel, List<TeamMember> team, String decisionNumber,
                               LocalDate decisionDate, String approvedBy, OffsetDateTime approvedAt, Progress progress,
                               List<AgencyView> agencies, long version) {
    }

    @Schema(name = "InspectionLevels", description = "The agency levels the province's campaigns include")
    public record LevelsView(
            @Schema(example = "24") String provinceCode,
            @Schema(description = "Required by law in every province (deployment configuration)",
                    example = "[\"DEPARTMENT\", \"DISTRICT\", \"MINISTRY_UNIT\", \"PROVINCIAL_PEOPLES_COMMITTEE\", \"SUB_DEPARTMENT\"]")
            List<String> mandatoryLevels,
            @Schema(description = "Encouraged by law: the levels a province may add",
                    example = "[\"COMMUNE\", \"PUBLIC_SERVICE_UNIT\", \"SPECIAL_ZONE\", \"WARD\"]") List<String> encouragedLevels,
            @Schema(description = "The levels this province added", example = "[\"COMMUNE\", \"WARD\"]") List<String> includedLevels,
            @Schema(description = "Campaigns starting on or after this day require no district", example = "2025-07-01")
            LocalDate districtLevelEnded,
            @Schema(description = "What a campaign starting today must include",
                    example = "[\"COMMUNE\", \"DEPARTMENT\", \"MINISTRY_UNIT\", \"PROVINCIAL_PEOPLES_COMMITTEE\", \"SUB_DEPARTMENT\", \"WARD\"]")
            List<String> requiredLevels,
            String updatedBy, OffsetDateTime updatedAt,
            @Schema(description = "0 until the province first chooses") long version) {
    }

    @Schema(name = "InspectionLevelsChoice", description = "The encouraged levels the province adds to the law's (send If-Match: \"0\" the first time)", example = """
            {"includedLevels": ["DEPARTMENT", "DISTRICT", "COMMUNE"]}""")
    public record LevelsInput(@NotNull @Size(max = 20) @Schema(example = "[\"COMMUNE\", \"WARD\"]")
                              List<@NotBlank @Size(max = 50) String> includedLevels) {
    }

    @Schema(name = "InspectionCampaignSummary")
    public record CampaignSummary(UUID id, String provinceCode, int year, String title, CampaignStatus status, String statusLabel,
                                  String decisionNumber, LocalDate decisionDate) {
        static CampaignSummary of(InspectionCampaign c) {
            return new CampaignSummary(c.id, c.provinceCode, c.year, c.title, c.status, c.status.label(), c.decisionNumber, c.decisionDate);
        }
    }
}
