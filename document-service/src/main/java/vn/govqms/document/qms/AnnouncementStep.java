package vn.govqms.document.qms;

/** The steps an announcement of conformity rests on (building and applying, Decision 19/2014/QĐ-TTg). */
public enum AnnouncementStep {
    FRAMEWORK_DOCUMENTS("Ban hành hệ thống tài liệu theo mô hình khung"),
    INTERNAL_AUDIT("Đánh giá nội bộ"),
    MANAGEMENT_REVIEW("Xem xét của lãnh đạo"),
    EFFECTIVENESS_CONFIRMED("Người đứng đầu xác nhận hiệu lực của HTQLCL");

    private final String label;

    AnnouncementStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
