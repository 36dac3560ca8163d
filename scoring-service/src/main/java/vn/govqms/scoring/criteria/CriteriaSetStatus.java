package vn.govqms.scoring.criteria;

/** Where a criteria set stands: drafted, in force, or replaced. */
public enum CriteriaSetStatus {
    DRAFT("Dự thảo"),
    ACTIVE("Đang áp dụng"),
    RETIRED("Hết hiệu lực");

    private final String label;

    CriteriaSetStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
