package vn.govqms.document.qms;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** The steps an announcement of conformity rests on (building and applying, Decision 19/2014/QĐ-TTg). */
public enum AnnouncementStep implements Labelled {
    @Label("Ban hành hệ thống tài liệu theo mô hình khung") FRAMEWORK_DOCUMENTS,
    @Label("Đánh giá nội bộ") INTERNAL_AUDIT,
    @Label("Xem xét của lãnh đạo") MANAGEMENT_REVIEW,
    @Label("Người đứng đầu xác nhận hiệu lực của HTQLCL") EFFECTIVENESS_CONFIRMED;
}
