package vn.govqms.document.review;

/** Where a procedure review stands. */
public enum ReviewStatus {
    OPEN("Cần rà soát"),
    OVERDUE("Quá hạn rà soát"),
    COMPLETED("Đã rà soát");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
