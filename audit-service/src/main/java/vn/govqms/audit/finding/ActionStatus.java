package vn.govqms.audit.finding;

import java.util.List;

/**
 * The lifecycle of a corrective action: open → in progress → implemented → verified effective →
 * closed; verified not effective sends it back to in progress.
 */
public enum ActionStatus {
    OPEN("Mới mở"),
    IN_PROGRESS("Đang thực hiện"),
    IMPLEMENTED("Đã thực hiện, chờ kiểm tra xác nhận"),
    VERIFIED_EFFECTIVE("Đã xác nhận có hiệu lực"),
    CLOSED("Đã đóng");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public List<String> allowed() {
        return switch (this) {
            case OPEN -> List.of("start", "extend");
            case IN_PROGRESS -> List.of("implement", "extend");
            case IMPLEMENTED -> List.of("verify");
            case VERIFIED_EFFECTIVE -> List.of("close");
            case CLOSED -> List.of();
        };
    }

    /** Still owed by the agency: counts for overdue. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
