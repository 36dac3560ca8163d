package vn.govqms.audit.audit;

/** Who audits whom. */
public enum AuditKind {
    INTERNAL_AUDIT("Đánh giá nội bộ"),
    CROSS_CHECK("Kiểm tra chéo"),
    PROVINCIAL_INSPECTION("Kiểm tra của tỉnh");

    private final String label;

    AuditKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
