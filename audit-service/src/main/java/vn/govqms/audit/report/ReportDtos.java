package vn.govqms.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The two yearly reports of a province, and the December report's submissions to the Ministry. */
public final class ReportDtos {

    private ReportDtos() {
    }

    @Schema(name = "ProvinceSummaryRow")
    public record SummaryRow(UUID agencyId, @Schema(example = "000.00.53.H37") String agencyCode,
                             @Schema(example = "Sở Tư pháp tỉnh Ninh Bình") String agencyName,
                             @Schema(description = "Mode of the year's provincial inspection, null when not inspected", example = "ON_SITE") String inspectionMode,
                             @Schema(example = "CLOSED") String inspectionStatus,
                             long majorNonconformities, long minorNonconformities, long observations, long improvementOpportunities,
                             @Schema(description = "Corrective actions not closed or verified") long actionsOpen, long actionsOverdue,
                             @Schema(description = "The corrective-action report the year's on-site inspection asked for: null when none is owed",
                                     example = "SUBMITTED") String correctiveReportStatus,
                             @Schema(example = "2027-01-12") LocalDate correctiveReportDue,
                             @Schema(description = "Still owed past its due date") boolean correctiveReportOverdue) {
    }

    @Schema(name = "ProvinceSummaryCorrectiveReports", description = "Corrective-action reports owed after the year's on-site inspections")
    public record CorrectiveReports(@Schema(description = "Owed in all (whatever their state)") long owed,
                                    @Schema(description = "Submitted, awaiting the team") long submitted, long accepted,
                                    @Schema(description = "Still owed (not submitted, or returned) past their due date") long overdue) {
    }

    @Schema(name = "ProvinceSummary", description = "Báo cáo tổng hợp tháng 11: per agency, how it was inspected, findings by type, actions open/overdue, "
            + "the corrective-action report owed after an on-site inspection")
    public record Summary(@Schema(example = "37") String provinceCode, int year, LocalDate asOf, long agencies, long inspected,
                          long inspectedOnSite, long inspectedByRecords, CorrectiveReports correctiveReports, List<SummaryRow> rows) {
    }

    @Schema(name = "MinistryReportRow")
    public record MinistryRow(UUID agencyId, String agencyCode, String agencyName, boolean announced,
                              @Schema(example = "45/QĐ-SKHCN") String announcementDecision, LocalDate announcementDate,
                              @Schema(example = "ISO_9001_2015") String standardEdition,
                              @Schema(description = "An internal audit reported or closed this year") boolean internalAuditHeld,
                              boolean managementReviewHeld,
                              @Schema(description = "Procedure reviews after legal changes completed this year within 3 months") long legalUpdatesOnTime,
                              long legalUpdatesLate,
                              @Schema(description = "Procedure reviews past their due date, not yet done") long legalUpdatesOverdue) {
    }

    @Schema(name = "MinistryReport", description = "Báo cáo tháng 12 gửi Bộ Khoa học và Công nghệ: per agency, the state of its QMS")
    public record MinistryReport(String provinceCode, int year, LocalDate asOf, long agencies, long announced, long internalAuditsHeld,
                                 long managementReviewsHeld, List<MinistryRow> rows) {
    }

    @Schema(name = "NewMinistryReportSubmission", description = "Submits the province's December report of a year as it reads now", example = """
            {"year": 2026, "note": "Báo cáo tình hình áp dụng HTQLCL năm 2026 của tỉnh Ninh Bình"}""")
    public record NewSubmission(
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
            @Size(max = 2000) @Schema(example = "Báo cáo tình hình áp dụng, duy trì HTQLCL năm 2026 của tỉnh Bắc Ninh") String note) {
    }

    @Schema(name = "MinistryReportSubmissionSummary", description = "A submission without the report it stored")
    public record SubmissionSummary(UUID id, @Schema(example = "24") String provinceCode, int year,
                                    @Schema(description = "1 for the first submission of the year, higher for each correction", example = "1") int number,
                                    String note, @Schema(example = "admin-24") String submittedBy, OffsetDateTime submittedAt,
                                    @Schema(description = "Agencies in the report as submitted") long agencies) {
    }

    @Schema(name = "MinistryReportSubmission", description = "A submission with the report exactly as it read when submitted")
    public record Submission(UUID id, @Schema(example = "24") String provinceCode, int year, @Schema(example = "2") int number,
                             String note, String submittedBy, OffsetDateTime submittedAt,
                             @Schema(implementation = MinistryReport.class) JsonNode report) {
    }

    @Schema(name = "MissingMinistryReport")
    public record MissingProvince(@Schema(example = "31") String provinceCode,
                                  @Schema(description = "Agencies of the province in the directory on the deadline", example = "96") long agencies,
                                  @Schema(description = "The first submission after the deadline, if one came late") OffsetDateTime submittedLateAt) {
    }

    @Schema(name = "MissingMinistryReports", description = "Provinces expected to report for a year (agencies in the directory on the deadline, "
            + "not merged into another by then) without a submission on or before the deadline")
    public record MissingReports(int year, @Schema(example = "2026-12-15") LocalDate deadline, long expected, long submitted,
                                 List<MissingProvince> missing) {
    }
}
