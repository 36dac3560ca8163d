package vn.govqms.audit.internalaudit;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

import java.util.List;

/** planned → in progress → reported → closed (the head of the audited agency confirms the report). */
public enum AuditStatus implements Labelled {
    @Label("Đã lập kế hoạch") PLANNED,
    @Label("Đang thực hiện") IN_PROGRESS,
    @Label("Đã báo cáo") REPORTED,
    @Label("Đã kết thúc") CLOSED;

    public List<String> allowed() {
        return switch (this) {
            case PLANNED -> List.of("edit", "start");
            case IN_PROGRESS -> List.of("edit", "answer", "raise-finding", "report");
            case REPORTED -> List.of("confirm");
            case CLOSED -> List.of();
        };
    }
}
