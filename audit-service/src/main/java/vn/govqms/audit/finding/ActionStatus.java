package vn.govqms.audit.finding;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

import java.util.List;

/**
 * The lifecycle of a corrective action: open → in progress → implemented → verified effective →
 * closed; verified not effective sends it back to in progress.
 */
public enum ActionStatus implements Labelled {
    @Label("Mới mở") OPEN,
    @Label("Đang thực hiện") IN_PROGRESS,
    @Label("Đã thực hiện, chờ kiểm tra xác nhận") IMPLEMENTED,
    @Label("Đã xác nhận có hiệu lực") VERIFIED_EFFECTIVE,
    @Label("Đã đóng") CLOSED;

    /** The steps allowed in this status. */
    public List<ActionStep> allowed() {
        return switch (this) {
            case OPEN -> List.of(ActionStep.START, ActionStep.EXTEND);
            case IN_PROGRESS -> List.of(ActionStep.IMPLEMENT, ActionStep.EXTEND);
            case IMPLEMENTED -> List.of(ActionStep.VERIFY);
            case VERIFIED_EFFECTIVE -> List.of(ActionStep.CLOSE);
            case CLOSED -> List.of();
        };
    }

    public List<String> allowedKeys() {
        return allowed().stream().map(ActionStep::key).toList();
    }

    /** Still owed by the agency: counts for overdue. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
