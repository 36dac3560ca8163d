package vn.govqms.audit.correctivereport;

import java.util.List;

/**
 * The corrective-action report an agency owes after an on-site inspection: owed → submitted → accepted, or returned
 * (with a reason) → submitted again.
 */
public enum CorrectiveReportStatus {
    OWED("Chưa nộp báo cáo khắc phục"),
    SUBMITTED("Đã nộp, chờ Đoàn kiểm tra xem xét"),
    RETURNED("Bị trả lại, cần bổ sung"),
    ACCEPTED("Đã được Đoàn kiểm tra chấp nhận");

    private final String label;

    CorrectiveReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public List<String> allowed() {
        return switch (this) {
            case OWED, RETURNED -> List.of("submit");
            case SUBMITTED -> List.of("accept", "return");
            case ACCEPTED -> List.of();
        };
    }

    /** Still owed by the agency: counts for overdue. */
    public boolean owed() {
        return this == OWED || this == RETURNED;
    }
}
