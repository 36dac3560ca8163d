package vn.govqms.audit.finding;

/** What an audit found. Nonconformities need corrective actions. */
public enum FindingKind {
    MAJOR_NONCONFORMITY("Điểm không phù hợp nặng"),
    MINOR_NONCONFORMITY("Điểm không phù hợp nhẹ"),
    OBSERVATION("Điểm cần lưu ý"),
    OPPORTUNITY_FOR_IMPROVEMENT("Cơ hội cải tiến");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean nonconformity() {
        return this == MAJOR_NONCONFORMITY || this == MINOR_NONCONFORMITY;
    }
}
