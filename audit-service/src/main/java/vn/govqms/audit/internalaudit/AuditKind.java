package vn.govqms.audit.internalaudit;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Who audits whom. */
public enum AuditKind implements Labelled {
    @Label("Đánh giá nội bộ") INTERNAL_AUDIT,
    @Label("Kiểm tra chéo") CROSS_CHECK,
    @Label("Kiểm tra của tỉnh") PROVINCIAL_INSPECTION;
}
