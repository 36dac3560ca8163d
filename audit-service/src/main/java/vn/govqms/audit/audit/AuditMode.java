package vn.govqms.audit.audit;

/** How an audit is done. */
public enum AuditMode {
    ON_SITE("Kiểm tra trực tiếp tại cơ quan"),
    RECORDS("Kiểm tra qua hồ sơ, báo cáo");

    private final String label;

    AuditMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
