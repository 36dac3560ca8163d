package vn.govqms.scoring.criteria;

/** How a criterion is scored: by an assessor, or computed from an indicator. */
public enum Method {
    /** Chấm điểm thủ công: an assessor gives the points. */
    MANUAL,
    /** Tự động từ chỉ số: computed from a live indicator with a rule. */
    AUTOMATIC
}
