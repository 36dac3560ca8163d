package vn.govqms.audit.finding;

/** A nonconformity closes when all its corrective actions are verified effective; other findings when acknowledged. */
public enum FindingStatus {
    OPEN("Chưa khắc phục xong"),
    CLOSED("Đã đóng");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
