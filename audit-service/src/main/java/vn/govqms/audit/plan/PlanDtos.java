package vn.govqms.audit.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the activity-plan API reads and writes. */
public final class PlanDtos {

    private PlanDtos() {
    }

    @Schema(name = "NewActivityPlan", description = "Starts the plan of an agency for a year from the template of legally required items", example = """
            {"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "year": 2026}""")
    public record NewPlan(
            @NotNull UUID agencyId,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year) {
    }

    @Schema(name = "ActivityItemInput", example = """
            {"kind": "INTERNAL_AUDIT", "title": "Đánh giá nội bộ HTQLCL năm 2026", "plannedDate": "2026-10-15", "owner": "nguyen.van.an"}""")
    public record ItemInput(
            @NotNull @Schema(example = "TRAINING") ActivityKind kind,
            @NotBlank @Size(max = 500) @Schema(example = "Tập huấn TCVN ISO 9001:2015 cho công chức mới") String title,
            @NotNull @Schema(example = "2026-04-15") LocalDate plannedDate,
            @Size(max = 200) @Schema(description = "Token subject of the person responsible", example = "nguyen.van.an") String owner) {
    }

    @Schema(name = "ActivityCompletion", example = """
            {"doneDate": "2026-10-20", "evidence": "Báo cáo đánh giá nội bộ số 45/BC-STP ngày 20/10/2026"}""")
    public record Completion(
            @NotNull @Schema(example = "2026-04-14") LocalDate doneDate,
            @NotBlank @Size(max = 2000) @Schema(example = "Quyết định số 15/QĐ-SKHCN ngày 14/4/2026; danh sách 32 học viên") String evidence) {
    }

    @Schema(name = "ActivityItem")
    public record ItemView(UUID id, UUID planId, ActivityKind kind, @Schema(example = "Đánh giá nội bộ") String kindLabel,
                           String title, LocalDate plannedDate, String owner, LocalDate doneDate, String evidence,
                           @Schema(example = "PLANNED", enumeration = {"PLANNED", "OVERDUE", "DONE"}) String state,
                           boolean required, long version) {
        static ItemView of(ActivityItem i) {
            return new ItemView(i.id, i.planId, i.kind, i.kind.label(), i.title, i.plannedDate, i.owner, i.doneDate,
                    i.evidence, i.state(), i.kind.required(), i.version);
        }
    }

    @Schema(name = "ActivityPlan")
    public record PlanView(UUID id, UUID agencyId, @Schema(example = "UBND xã Thanh Minh") String agencyName, int year,
                           PlanStatus status, @Schema(example = "Dự thảo") String statusLabel, String approvedBy,
                           OffsetDateTime approvedAt, String createdBy, long version, List<ItemView> items) {
    }

    @Schema(name = "ActivityPlanSummary")
    public record PlanSummary(UUID id, UUID agencyId, int year, PlanStatus status, String statusLabel, OffsetDateTime approvedAt) {
        static PlanSummary of(ActivityPlan p) {
            return new PlanSummary(p.id, p.agencyId, p.year, p.status, p.status.label(), p.approvedAt);
        }
    }

    @Schema(name = "AgencyPlanProgress")
    public record AgencyProgress(UUID agencyId, @Schema(example = "000.00.53.H24") String agencyCode, String agencyName,
                                 UUID planId, PlanStatus planStatus, long items, long done, long overdue) {
    }

    @Schema(name = "PlanProgress", description = "How far the agencies in scope are with their plans of a year")
    public record Progress(int year, @Schema(example = "24") String provinceCode, long agencies,
                           @Schema(description = "Agencies whose plan of the year is approved") long approvedPlans,
                           long items, long done, long overdue,
                           @Schema(description = "Per agency, one page of them") List<AgencyProgress> perAgency,
                           int page, int size) {
    }
}
