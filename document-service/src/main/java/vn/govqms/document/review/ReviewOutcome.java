package vn.govqms.document.review;

/** How the agency resolved a review (rà soát): nothing to change, revised and re-issued, or abolished. */
public enum ReviewOutcome {
    NO_CHANGE("Không cần sửa đổi"),
    REVISED("Đã sửa đổi, ban hành lại"),
    PROCEDURE_ABOLISHED("Đã bãi bỏ quy trình");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
