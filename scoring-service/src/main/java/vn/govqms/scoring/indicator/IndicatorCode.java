package vn.govqms.scoring.indicator;

/**
 * The live indicators of an agency for a year, kept current from other services' events. FLAG is
 * 0 or 1, PERCENT 0..100 (null while there is nothing to measure), COUNT a whole number.
 */
public enum IndicatorCode {
    QMS_ANNOUNCED("Đã công bố HTQLCL phù hợp TCVN ISO 9001", Unit.FLAG),
    REANNOUNCEMENT_PENDING("Phải công bố lại (phạm vi thay đổi)", Unit.FLAG),
    ACTIVITY_PLAN_APPROVED("Kế hoạch hoạt động ISO năm được phê duyệt", Unit.FLAG),
    ACTIVITY_COMPLETION_RATE("Tỷ lệ nội dung kế hoạch ISO đã thực hiện", Unit.PERCENT),
    ACTIVITIES_OVERDUE("Nội dung kế hoạch ISO quá hạn", Unit.COUNT),
    INTERNAL_AUDITS_HELD("Số cuộc đánh giá nội bộ đã thực hiện", Unit.COUNT),
    MANAGEMENT_REVIEWS_HELD("Số cuộc xem xét của lãnh đạo", Unit.COUNT),
    PROCEDURE_REVIEWS_ON_TIME("Quy trình rà soát đúng hạn", Unit.COUNT),
    PROCEDURE_REVIEWS_LATE("Quy trình rà soát trễ hạn", Unit.COUNT),
    PROCEDURE_REVIEWS_OVERDUE("Quy trình quá hạn rà soát (chưa xong)", Unit.COUNT),
    PROCEDURE_REVIEW_ON_TIME_RATE("Tỷ lệ rà soát quy trình đúng hạn", Unit.PERCENT),
    OPEN_MAJOR_NONCONFORMITIES("Điểm không phù hợp nặng chưa khắc phục", Unit.COUNT),
    OPEN_MINOR_NONCONFORMITIES("Điểm không phù hợp nhẹ chưa khắc phục", Unit.COUNT),
    CORRECTIVE_ACTIONS_OVERDUE("Hành động khắc phục quá hạn", Unit.COUNT),
    DOSSIER_ON_TIME_RATE("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", Unit.PERCENT),
    DOCUMENTS_PUBLISHED("Tài liệu được ban hành", Unit.COUNT),
    /** Procedures in force not yet both posted at the office and published on the portal. */
    PROCEDURES_NOT_POSTED("Quy trình đã ban hành chưa niêm yết, đăng tải đủ (trụ sở và cổng thông tin)", Unit.COUNT);

    /** How the value reads. */
    public enum Unit { FLAG, PERCENT, COUNT }

    private final String label;
    private final Unit unit;

    IndicatorCode(String label, Unit unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }
}
