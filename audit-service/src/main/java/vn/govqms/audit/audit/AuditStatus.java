package vn.govqms.audit.audit;

import java.util.List;

/** planned → in progress → reported → closed (the head of the audited agency confirms the report). */
public enum AuditStatus {
    PLANNED("Đã lập kế hoạch"),
    IN_PROGRESS("Đang thực hiện"),
    REPORTED("Đã báo cáo"),
    CLOSED("Đã kết thúc");

    private final String label;

    AuditStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public List<String> allowed() {
        return switch (this) {
            case PLANNED -> List.of("edit", "start");
            case IN_PROGRESS -> List.of("edit", "answer", "raise-finding", "report");
            case REPORTED -> List.of("confirm");
            case CLOSED -> List.of();
        };
    }
}
