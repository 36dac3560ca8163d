package vn.govqms.audit.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The two yearly reports of a province. */
public final class ReportDtos {

    private ReportDtos() {
    }

    @Schema(name = "ProvinceSummaryRow")
    public record SummaryRow(UUID agencyId, @Schema(example = "000.00.53.H37") String agencyCode,
                             @Schema(example = "Sở Tư pháp tỉnh Ninh Bình") String agencyName,
                             @Schema(description = "Mode of the year's provincial inspection, null when not inspected", example = "ON_SITE") String inspectionMode,
                             @Schema(example = "CLOSED") String inspectionStatus,
                             long majorNonconformities, long minorNonconformities, long observations, long improvementOpportunities,
                             @Schema(description = "Corrective actions not closed or verified") long actionsOpen, long actionsOverdue) {
    }

    @Schema(name = "ProvinceSummary", description = "Báo cáo tổng hợp tháng 11: per agency, how it was inspected, findings by type, actions open/overdue")
    public record Summary(@Schema(example = "37") String provinceCode, int year, LocalDate asOf, long agencies, long inspected,
                          long inspectedOnSite, long inspectedByRecords, List<SummaryRow> rows) {
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
}
