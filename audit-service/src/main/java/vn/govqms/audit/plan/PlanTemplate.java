package vn.govqms.audit.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * The items every new plan starts with: what Decision 19/2014/QĐ-TTg requires each year (procedure
 * review, internal audit, management review) and the quality objectives of the year.
 */
final class PlanTemplate {

    record Entry(ActivityKind kind, String title, LocalDate plannedDate) {
    }

    private PlanTemplate() {
    }

    static List<Entry> forYear(int year) {
        return List.of(
                new Entry(ActivityKind.OBJECTIVES_SET, "Xây dựng và ban hành mục tiêu chất lượng năm " + year, LocalDate.of(year, 1, 31)),
                new Entry(ActivityKind.PROCEDURE_REVIEW, "Rà soát quy trình ISO theo TTHC và VBQPPL năm " + year, LocalDate.of(year, 6, 30)),
                new Entry(ActivityKind.INTERNAL_AUDIT, "Đánh giá nội bộ HTQLCL năm " + year, LocalDate.of(year, 9, 30)),
                new Entry(ActivityKind.MANAGEMENT_REVIEW, "Họp xem xét của lãnh đạo năm " + year, LocalDate.of(year, 11, 30)));
    }
}
