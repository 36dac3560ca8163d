package vn.govqms.audit.correctivereport;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

import java.util.List;

/**
 * The corrective-action report an agency owes after an on-site inspection: owed → submitted → accepted, or returned
 * (with a reason) → submitted again.
 */
public enum CorrectiveReportStatus implements Labelled {
    @Label("Chưa nộp báo cáo khắc phục") OWED,
    @Label("Đã nộp, chờ Đoàn kiểm tra xem xét") SUBMITTED,
    @Label("Bị trả lại, cần bổ sung") RETURNED,
    @Label("Đã được Đoàn kiểm tra chấp nhận") ACCEPTED;

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
