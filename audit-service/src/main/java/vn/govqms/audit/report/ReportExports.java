package vn.govqms.audit.report;

import vn.govqms.audit.correctivereport.CorrectiveReportStatus;
import vn.govqms.audit.internalaudit.AuditMode;
import vn.govqms.audit.internalaudit.AuditStatus;
import vn.govqms.audit.report.ReportDtos.MinistryReport;
import vn.govqms.audit.report.ReportDtos.MinistryRow;
import vn.govqms.audit.report.ReportDtos.Summary;
import vn.govqms.audit.report.ReportDtos.SummaryRow;
import vn.govqms.audit.report.ReportFiles.Letterhead;
import vn.govqms.audit.report.ReportFiles.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The yearly reports' content as the files give it: columns in Vietnamese, the body of the signed document, its recipients. */
final class ReportExports {

    static final List<String> SUMMARY_HEADERS = List.of("Mã cơ quan", "Tên cơ quan", "Hình thức kiểm tra", "Tình trạng kiểm tra",
            "Điểm không phù hợp nặng", "Điểm không phù hợp nhẹ", "Điểm cần lưu ý", "Cơ hội cải tiến",
            "Hành động khắc phục chưa hoàn thành", "Hành động khắc phục quá hạn", "Báo cáo khắc phục sau kiểm tra",
            "Hạn nộp báo cáo khắc phục");

    static final List<String> MINISTRY_HEADERS = List.of("Mã cơ quan", "Tên cơ quan", "Đã công bố HTQLCL", "Số quyết định công bố",
            "Ngày công bố", "Phiên bản tiêu chuẩn", "Đánh giá nội bộ trong năm", "Xem xét của lãnh đạo trong năm",
            "Cập nhật VBQPPL đúng hạn 3 tháng", "Cập nhật VBQPPL trễ hạn", "Rà soát quy trình đang quá hạn");

    private ReportExports() {
    }

    static Table summary(Summary s) {
        List<List<Object>> rows = new ArrayList<>();
        for (SummaryRow r : s.rows()) {
            rows.add(Arrays.asList(r.agencyCode(), r.agencyName(),
                    r.inspectionMode() == null ? "Chưa kiểm tra" : AuditMode.valueOf(r.inspectionMode()).label(),
                    r.inspectionStatus() == null ? "" : AuditStatus.valueOf(r.inspectionStatus()).label(),
                    r.majorNonconformities(), r.minorNonconformities(), r.observations(), r.improvementOpportunities(), r.actionsOpen(),
                    r.actionsOverdue(), correctiveReport(r), r.correctiveReportDue()));
        }
        List<String> body = List.of(
                "Thực hiện Kế hoạch kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia "
                        + "TCVN ISO 9001 năm " + s.year() + ", Đoàn kiểm tra báo cáo kết quả như sau:",
                "1. Số cơ quan thuộc phạm vi báo cáo: " + s.agencies() + "; đã kiểm tra: " + s.inspected() + " (trực tiếp tại cơ quan: "
                        + s.inspectedOnSite() + "; qua hồ sơ, báo cáo: " + s.inspectedByRecords() + ").",
                "2. Báo cáo kết quả khắc phục sau kiểm tra trực tiếp: phải nộp " + s.correctiveReports().owed() + "; đã nộp chờ xem xét "
                        + s.correctiveReports().submitted() + "; đã được chấp nhận " + s.correctiveReports().accepted() + "; quá hạn chưa nộp "
                        + s.correctiveReports().overdue() + ".",
                "3. Kết quả chi tiết của từng cơ quan (số liệu đến " + ReportFiles.date(s.asOf()) + ") tại bảng dưới đây:");
        return new Table("Tổng hợp kiểm tra " + s.year(), "BÁO CÁO", "Tổng hợp kết quả kiểm tra việc áp dụng, duy trì và cải tiến "
                + "Hệ thống quản lý chất lượng theo TCVN ISO 9001 năm " + s.year(), body, SUMMARY_HEADERS, rows);
    }

    static Table ministry(MinistryReport m) {
        List<List<Object>> rows = new ArrayList<>();
        for (MinistryRow r : m.rows()) {
            rows.add(Arrays.asList(r.agencyCode(), r.agencyName(), yes(r.announced()), r.announcementDecision(), r.announcementDate(),
                    r.standardEdition(), yes(r.internalAuditHeld()), yes(r.managementReviewHeld()), r.legalUpdatesOnTime(),
                    r.legalUpdatesLate(), r.legalUpdatesOverdue()));
        }
        List<String> body = List.of(
                "Thực hiện Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng "
                        + "theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước, "
                        + "báo cáo tình hình năm " + m.year() + " như sau:",
                "1. Số cơ quan thuộc phạm vi báo cáo: " + m.agencies() + "; đã công bố HTQLCL phù hợp TCVN ISO 9001: " + m.announced() + ".",
                "2. Cơ quan đã đánh giá nội bộ trong năm: " + m.internalAuditsHeld() + "; đã xem xét của lãnh đạo trong năm: "
                        + m.managementReviewsHeld() + ".",
                "3. Tình hình của từng cơ quan tại bảng dưới đây:");
        return new Table("Báo cáo năm " + m.year(), "BÁO CÁO", "Tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất "
                + "lượng theo TCVN ISO 9001 năm " + m.year(), body, MINISTRY_HEADERS, rows);
    }

    /**
     * The document's letterhead: issued by the province's Department of Science and Technology (the steering committee's
     * standing body) when the directory names it, under the province's People's Committee.
     */
    static Letterhead letterhead(ReportKind kind, String scienceDepartment, LocalDate today) {
        String place = place(scienceDepartment);
        String superior = place.isEmpty() ? "ỦY BAN NHÂN DÂN TỈNH" : (scienceDepartment.contains(" thành phố ") ? "UBND THÀNH PHỐ " : "UBND TỈNH ")
                + place.toUpperCase();
        List<String> recipients = kind == ReportKind.PROVINCE_SUMMARY
                ? List.of("UBND tỉnh (để báo cáo);", "Bộ Khoa học và Công nghệ (để báo cáo);", "Thành viên Ban Chỉ đạo ISO tỉnh;",
                "Các cơ quan được kiểm tra;", "Lưu: VT.")
                : List.of("Bộ Khoa học và Công nghệ (để báo cáo);", "UBND tỉnh (để báo cáo);", "Thành viên Ban Chỉ đạo ISO tỉnh;", "Lưu: VT.");
        return new Letterhead(superior, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "BC-SKHCN", place, today, "GIÁM ĐỐC", null, recipients);
    }

    /** "Sở Khoa học và Công nghệ tỉnh Ninh Bình" → "Ninh Bình"; none: "". */
    static String place(String name) {
        if (name == null) {
            return "";
        }
        for (String marker : List.of(" thành phố ", " tỉnh ")) {
            int at = name.lastIndexOf(marker);
            if (at >= 0) {
                return name.substring(at + marker.length()).trim();
            }
        }
        return "";
    }

    /** The corrective-action report's state in Vietnamese, "quá hạn" when still owed past its due date. */
    static String correctiveReport(SummaryRow r) {
        if (r.correctiveReportStatus() == null) {
            return "Không phải nộp";
        }
        String label = CorrectiveReportStatus.valueOf(r.correctiveReportStatus()).label();
        return r.correctiveReportOverdue() ? label + " (quá hạn)" : label;
    }

    static String yes(boolean b) {
        return b ? "Có" : "Không";
    }
}
