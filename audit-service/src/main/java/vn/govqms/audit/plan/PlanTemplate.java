package vn.govqms.audit.plan;

import vn.govqms.audit.AuditConfig;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The items every new plan starts with: what Decision 19/2014/QĐ-TTg requires each year (procedure
 * review, internal audit, management review) and the quality objectives of the year, on the days of
 * the year the deployment configures ({@code govqms.audit.plan-template.*}).
 */
public final class PlanTemplate {

    public record Entry(ActivityKind kind, String title, LocalDate plannedDate) {
    }

    private PlanTemplate() {
    }

    public static List<Entry> forYear(int year, AuditConfig.PlanTemplate dates) {
        return List.of(
                new Entry(ActivityKind.OBJECTIVES_SET, "Xây dựng và ban hành mục tiêu chất lượng năm " + year, on(dates.objectivesSet(), year)),
                new Entry(ActivityKind.PROCEDURE_REVIEW, "Rà soát quy trình ISO theo TTHC và VBQPPL năm " + year, on(dates.procedureReview(), year)),
                new Entry(ActivityKind.INTERNAL_AUDIT, "Đánh giá nội bộ HTQLCL năm " + year, on(dates.internalAudit(), year)),
                new Entry(ActivityKind.MANAGEMENT_REVIEW, "Họp xem xét của lãnh đạo năm " + year, on(dates.managementReview(), year)));
    }

    private static LocalDate on(MonthDay day, int year) {
        return day.atYear(year);
    }
}
