package vn.govqms.audit.report;

import vn.govqms.audit.AuditConfig;

import java.time.LocalDate;

/** The two yearly reports a province submits, each with its deadline. */
public enum ReportKind {
    /** The November summary of the year's inspections, to the province's People's Committee. */
    PROVINCE_SUMMARY("province-summary", "Báo cáo tổng hợp kết quả kiểm tra (tháng 11)"),
    /** The December report to the Ministry of Science and Technology. */
    MINISTRY_REPORT("ministry-report", "Báo cáo tình hình áp dụng HTQLCL gửi Bộ KH&CN (tháng 12)");

    private final String path;
    private final String label;

    ReportKind(String path, String label) {
        this.path = path;
        this.label = label;
    }

    /** The path segment under {@code /api/v1/reports/}. */
    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public LocalDate deadline(AuditConfig config, int year) {
        return (this == PROVINCE_SUMMARY ? config.provinceSummary().deadline() : config.ministryReport().deadline()).atYear(year);
    }
}
