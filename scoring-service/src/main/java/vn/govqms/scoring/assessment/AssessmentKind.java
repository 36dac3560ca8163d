package vn.govqms.scoring.assessment;

/** Who scores: the agency itself, or the province's steering committee. */
public enum AssessmentKind {
    SELF("Tự đánh giá"),
    OFFICIAL("Đánh giá chính thức");

    private final String label;

    AssessmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
