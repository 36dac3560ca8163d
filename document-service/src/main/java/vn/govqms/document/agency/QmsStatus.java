package vn.govqms.document.agency;

/** The four steps of an agency's quality management system (Decision 19/2014/QĐ-TTg). */
public enum QmsStatus {
    NOT_STARTED("Chưa xây dựng"),
    BUILDING("Đang xây dựng"),
    APPLYING("Đang áp dụng"),
    ANNOUNCED("Đã công bố");

    private final String label;

    QmsStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
