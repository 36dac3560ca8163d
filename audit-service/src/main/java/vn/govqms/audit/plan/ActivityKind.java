package vn.govqms.audit.plan;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** What an item of the yearly ISO activity plan is about. */
public enum ActivityKind implements Labelled {
    @Label("Xây dựng mục tiêu chất lượng") OBJECTIVES_SET,
    @Label("Rà soát quy trình ISO theo TTHC và VBQPPL") PROCEDURE_REVIEW,
    @Label("Đánh giá nội bộ") INTERNAL_AUDIT,
    @Label("Xem xét của lãnh đạo") MANAGEMENT_REVIEW,
    @Label("Đào tạo, tập huấn") TRAINING,
    @Label("Công bố, công bố lại HTQLCL") ANNOUNCEMENT,
    @Label("Kiện toàn Ban chỉ đạo ISO") STEERING_COMMITTEE_UPDATE,
    @Label("Lựa chọn tổ chức tư vấn") CONSULTANT_SELECTION,
    @Label("Hoạt động khác") OTHER;

    /** Required by law every year (Decision 19/2014/QĐ-TTg): a plan cannot go without them. */
    public boolean required() {
        return this == INTERNAL_AUDIT || this == MANAGEMENT_REVIEW || this == PROCEDURE_REVIEW;
    }
}
