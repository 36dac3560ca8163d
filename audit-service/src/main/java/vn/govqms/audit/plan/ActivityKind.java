package vn.govqms.audit.plan;

/** What an item of the yearly ISO activity plan is about. */
public enum ActivityKind {
    OBJECTIVES_SET("Xây dựng mục tiêu chất lượng"),
    PROCEDURE_REVIEW("Rà soát quy trình ISO theo TTHC và VBQPPL"),
    INTERNAL_AUDIT("Đánh giá nội bộ"),
    MANAGEMENT_REVIEW("Xem xét của lãnh đạo"),
    TRAINING("Đào tạo, tập huấn"),
    ANNOUNCEMENT("Công bố, công bố lại HTQLCL"),
    STEERING_COMMITTEE_UPDATE("Kiện toàn Ban chỉ đạo ISO"),
    CONSULTANT_SELECTION("Lựa chọn tổ chức tư vấn"),
    OTHER("Hoạt động khác");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Required by law every year (Decision 19/2014/QĐ-TTg): a plan cannot go without them. */
    public boolean required() {
        return this == INTERNAL_AUDIT || this == MANAGEMENT_REVIEW || this == PROCEDURE_REVIEW;
    }
}
