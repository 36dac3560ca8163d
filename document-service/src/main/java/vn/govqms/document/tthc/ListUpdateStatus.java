package vn.govqms.document.tthc;

/** Where an agency stands with updating its handled-TTHC list after a province's decision. */
public enum ListUpdateStatus {
    OPEN("Chờ cập nhật danh mục"),
    OVERDUE("Quá hạn cập nhật"),
    CLEARED("Đã cập nhật danh mục");

    private final String label;

    ListUpdateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
