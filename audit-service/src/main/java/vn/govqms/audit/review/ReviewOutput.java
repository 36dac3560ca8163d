package vn.govqms.audit.review;

/** What a management review decides (ISO 9001:2015, 9.3.3). */
public enum ReviewOutput {
    IMPROVEMENT("Cơ hội cải tiến"),
    QMS_CHANGE("Nhu cầu thay đổi HTQLCL"),
    RESOURCE_NEEDS("Nhu cầu về nguồn lực");

    private final String label;

    ReviewOutput(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
