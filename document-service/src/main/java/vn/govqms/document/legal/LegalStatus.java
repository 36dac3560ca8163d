package vn.govqms.document.legal;

/** Where a legal document stands on a given date; follows from its dates and the relations to it. */
public enum LegalStatus {
    NOT_YET_EFFECTIVE("Chưa có hiệu lực"),
    IN_FORCE("Còn hiệu lực"),
    PARTLY_AMENDED("Còn hiệu lực, đã được sửa đổi một phần"),
    EXPIRED("Hết hiệu lực"),
    REPLACED("Hết hiệu lực, bị thay thế"),
    REPEALED("Hết hiệu lực, bị bãi bỏ");

    private final String label;

    LegalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
