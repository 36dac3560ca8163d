package vn.govqms.scoring.assessment;

/** Lifecycle: draft → submitted → finalised (published); a correction reopens a finalised one as a draft. */
public enum AssessmentStatus {
    DRAFT("Đang chấm"),
    SUBMITTED("Đã nộp"),
    FINALISED("Đã công bố");

    private final String label;

    AssessmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
