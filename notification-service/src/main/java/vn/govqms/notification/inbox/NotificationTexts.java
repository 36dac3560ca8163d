package vn.govqms.notification.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.notification.contact.ContactRole;
import vn.govqms.notification.event.EventKind;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes a notification in plain Vietnamese (or English): what happened, why it concerns the reader, what to do and by
 * when, from the event's data and the reason the reader was chosen.
 */
public final class NotificationTexts {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, String[]> FINDING_KINDS = Map.of(
            "MAJOR_NONCONFORMITY", new String[] {"điểm không phù hợp nặng", "major nonconformity"},
            "MINOR_NONCONFORMITY", new String[] {"điểm không phù hợp nhẹ", "minor nonconformity"},
            "OBSERVATION", new String[] {"điểm lưu ý", "observation"},
            "OPPORTUNITY_FOR_IMPROVEMENT", new String[] {"cơ hội cải tiến", "opportunity for improvement"});
    private static final Map<String, String[]> AUDIT_KINDS = Map.of(
            "INTERNAL_AUDIT", new String[] {"đánh giá nội bộ", "internal audit"},
            "CROSS_CHECK", new String[] {"kiểm tra chéo", "cross-check"},
            "PROVINCIAL_INSPECTION", new String[] {"kiểm tra của tỉnh", "provincial inspection"});

    private NotificationTexts() {
    }

    public static NotificationText render(String fact, String language, String reason, JsonNode d, String agencyName,
                                          LocalDate dueDate) {
        boolean en = "en".equals(language);
        String agency = agencyName != null ? agencyName : en ? "your agency" : "cơ quan";
        EventKind kind = EventKind.ofFact(fact).orElse(null);
        String[] t = kind == null ? generic(fact, en) : texts(kind, d, en);
        String due = dueDate == null ? null : en ? dueDate.toString() : VI_DATE.format(dueDate);
        return new NotificationText(t[0], t[1], why(reason, agency, d, en), t[2], dueDate, due);
    }

    private static String[] texts(EventKind kind, JsonNode d, boolean en) {
        JsonNode notice = d.path("notice");
        // an agency's notice of a change (event.AgencyChangeNotices) with more than one procedure: the change and the count
        if (notice.path("taskCount").asInt(1) > 1) {
            return notice(notice, en);
        }
        return switch (kind) {
            case PROCEDURE_REVIEW_REQUIRED -> en
                    ? new String[] {"Procedure " + s(d, "documentCode") + " must be reviewed",
                            s(d, "causeSummary") + ". Procedure " + s(d, "documentCode") + " \"" + s(d, "documentTitle") + "\" relies on it.",
                            "Review the procedure; revise and reissue it, or abolish it, then record the outcome of the review."}
                    : new String[] {"Cần rà soát quy trình " + s(d, "documentCode"),
                            s(d, "causeSummary") + ". Quy trình " + s(d, "documentCode") + " «" + s(d, "documentTitle") + "» dựa trên văn bản này.",
                            "Rà soát quy trình; sửa đổi, ban hành lại hoặc bãi bỏ, rồi ghi nhận kết quả rà soát."};
            case PROCEDURE_REVIEW_OVERDUE -> en
                    ? new String[] {"Review of procedure " + s(d, "documentCode") + " is overdue",
                            "The review of procedure " + s(d, "documentCode") + " was due on " + s(d, "dueDate") + " and is "
                                    + s(d, "daysOverdue") + " day(s) late.",
                            "Finish the review now and record its outcome."}
                    : new String[] {"Quá hạn rà soát quy trình " + s(d, "documentCode"),
                            "Việc rà soát quy trình " + s(d, "documentCode") + " hết hạn ngày " + viDate(d, "dueDate") + ", đã quá hạn "
                                    + s(d, "daysOverdue") + " ngày.",
                            "Hoàn thành ngay việc rà soát và ghi nhận kết quả."};
            case PROCEDURE_REVIEW_RESCHEDULED -> {
                boolean open = "OPEN".equals(s(d, "status"));
                yield en ? new String[] {"The review deadline of procedure " + s(d, "documentCode") + " changed",
                        s(d, "causeSummary") + ". The review of procedure " + s(d, "documentCode") + " is now due on " + s(d, "dueDate")
                                + " instead of " + s(d, "previousDueDate") + (open ? "." : "; it is still overdue."),
                        open ? "Finish the review by the new due date and record its outcome." : "Finish the review now and record its outcome."}
                        : new String[] {"Hạn rà soát quy trình đã thay đổi: " + s(d, "documentCode"),
                        s(d, "causeSummary") + ". Hạn rà soát quy trình " + s(d, "documentCode") + " chuyển từ ngày " + viDate(d, "previousDueDate")
                                + " sang ngày " + viDate(d, "dueDate") + (open ? "." : "; việc rà soát vẫn quá hạn."),
                        open ? "Hoàn thành rà soát trước hạn mới và ghi nhận kết quả." : "Hoàn thành ngay việc rà soát và ghi nhận kết quả."};
            }
            case TTHC_LIST_UPDATE_REQUIRED -> en
                    ? new String[] {"Update the TTHC list: decision " + s(d, "decisionNumber"),
                            "The province's decision " + s(d, "decisionNumber") + " of " + s(d, "decisionDate") + " changed "
                                    + d.path("procedureIds").size() + " administrative procedure(s) your agency handles. Its list must be updated by "
                                    + s(d, "dueDate") + " (5 working days).",
                            "Update the agency's list of administrative procedures handled and the internal procedures that implement them."}
                    : new String[] {"Cập nhật danh mục TTHC theo Quyết định " + s(d, "decisionNumber"),
                            "Tỉnh đã ban hành Quyết định số " + s(d, "decisionNumber") + " ngày " + viDate(d, "decisionDate") + " công bố thay đổi "
                                    + d.path("procedureIds").size() + " thủ tục hành chính cơ quan giải quyết. Danh mục TTHC của cơ quan phải được cập nhật "
                                    + "trước ngày " + viDate(d, "dueDate") + " (5 ngày làm việc).",
                            "Cập nhật danh mục thủ tục hành chính cơ quan giải quyết và quy trình nội bộ giải quyết tương ứng."};
            case TTHC_LIST_UPDATE_OVERDUE -> en
                    ? new String[] {"TTHC list update overdue: decision " + s(d, "decisionNumber"),
                            "The agency's list of administrative procedures was due to be updated after decision " + s(d, "decisionNumber")
                                    + " by " + s(d, "dueDate") + " and is " + s(d, "daysOverdue") + " day(s) late.",
                            "Update the agency's list of administrative procedures now."}
                    : new String[] {"Quá hạn cập nhật danh mục TTHC theo Quyết định " + s(d, "decisionNumber"),
                            "Danh mục TTHC của cơ quan phải được cập nhật theo Quyết định số " + s(d, "decisionNumber") + " trước ngày "
                                    + viDate(d, "dueDate") + ", đã quá hạn " + s(d, "daysOverdue") + " ngày.",
                            "Cập nhật ngay danh mục thủ tục hành chính cơ quan giải quyết."};
            case TTHC_LIST_UPDATE_CLEARED -> {
                boolean late = d.path("late").asBoolean(false);
                yield en ? new String[] {"TTHC list updated: decision " + s(d, "decisionNumber"),
                        "The agency's list of administrative procedures was updated on " + s(d, "clearedOn") + (late ? ", after" : ", by")
                                + " the due date " + s(d, "dueDate") + ".", "No action is required."}
                        : new String[] {"Đã cập nhật danh mục TTHC theo Quyết định " + s(d, "decisionNumber"),
                        "Danh mục TTHC của cơ quan đã được cập nhật ngày " + viDate(d, "clearedOn") + (late ? ", sau" : ", trong")
                                + " thời hạn " + viDate(d, "dueDate") + ".", "Không cần thao tác."};
            }
            case DOCUMENT_ISSUED -> en
                    ? new String[] {"Document " + s(d, "code") + " issued",
                            "Revision " + s(d, "revision") + " of " + s(d, "code") + " \"" + s(d, "title") + "\" has been issued.",
                            "Read it and acknowledge receipt."}
                    : new String[] {"Ban hành văn bản " + s(d, "code"),
                            "Văn bản " + s(d, "code") + " «" + s(d, "title") + "» lần ban hành " + s(d, "revision") + " đã được ban hành.",
                            "Đọc văn bản và ký xác nhận đã nhận."};
            case QMS_REANNOUNCEMENT_REQUIRED -> en
                    ? new String[] {"The QMS must be re-announced", "The scope of the quality management system changed: " + s(d, "reason") + ".",
                            "Re-announce the conformity of the QMS with TCVN ISO 9001:2015 and notify the Department of Science and Technology."}
                    : new String[] {"Cần công bố lại HTQLCL", "Phạm vi áp dụng hệ thống quản lý chất lượng đã thay đổi: " + s(d, "reason") + ".",
                            "Công bố lại sự phù hợp của HTQLCL với TCVN ISO 9001:2015 và thông báo cho Sở Khoa học và Công nghệ."};
            case QMS_REANNOUNCEMENT_OVERDUE -> en
                    ? new String[] {"The QMS re-announcement is overdue", "The QMS had to be re-announced by " + s(d, "dueDate") + " ("
                            + s(d, "reason") + ") and is " + s(d, "daysOverdue") + " day(s) late.",
                            "Announce the QMS again now and notify the Department of Science and Technology."}
                    : new String[] {"Quá hạn công bố lại HTQLCL", "HTQLCL phải được công bố lại trước ngày " + viDate(d, "dueDate") + " ("
                            + s(d, "reason") + "), đã quá hạn " + s(d, "daysOverdue") + " ngày.",
                            "Công bố lại HTQLCL ngay và thông báo cho Sở Khoa học và Công nghệ."};
            case QMS_ANNOUNCED -> en
                    ? new String[] {"QMS announced: " + s(d, "decisionNumber"), "The agency announced its QMS conformant with "
                            + edition(s(d, "standardEdition")) + " by decision " + s(d, "decisionNumber") + " of " + s(d, "decisionDate") + ".",
                            "Record the announcement in the province's follow-up of the ISO programme."}
                    : new String[] {"Công bố HTQLCL: " + s(d, "decisionNumber"), "Cơ quan đã công bố HTQLCL phù hợp "
                            + edition(s(d, "standardEdition")) + " theo Quyết định số " + s(d, "decisionNumber") + " ngày "
                            + viDate(d, "decisionDate") + ".",
                            "Cập nhật việc công bố vào theo dõi triển khai ISO của tỉnh."};
            case FINDING_RAISED -> {
                String[] k = FINDING_KINDS.getOrDefault(s(d, "kind"), new String[] {s(d, "kind"), s(d, "kind")});
                yield en ? new String[] {"Audit finding: " + k[1] + " (clause " + s(d, "clause") + ")",
                        "An audit raised a " + k[1] + " against clause " + s(d, "clause") + ": " + s(d, "description"),
                        "Analyse the root cause and plan a corrective action."}
                        : new String[] {"Phát hiện " + k[0] + " (điều khoản " + s(d, "clause") + ")",
                        "Cuộc đánh giá đã phát hiện " + k[0] + " theo điều khoản " + s(d, "clause") + ": " + s(d, "description"),
                        "Phân tích nguyên nhân và lập kế hoạch hành động khắc phục."};
            }
            case CORRECTIVE_ACTION_OPENED -> en
                    ? new String[] {"Corrective action assigned: " + s(d, "title"), "A corrective action was opened for a finding: " + s(d, "title") + ".",
                            "Carry out the action and report its result before the due date."}
                    : new String[] {"Được giao hành động khắc phục: " + s(d, "title"),
                            "Hành động khắc phục đã được mở cho một điểm không phù hợp: " + s(d, "title") + ".",
                            "Thực hiện hành động khắc phục và báo cáo kết quả trước hạn."};
            case CORRECTIVE_ACTION_OVERDUE -> en
                    ? new String[] {"Corrective action overdue: " + s(d, "title"),
                            "The corrective action \"" + s(d, "title") + "\" was due on " + s(d, "dueDate") + " and is " + s(d, "daysOverdue") + " day(s) late.",
                            "Complete the action now, or agree a new date with the head of the agency."}
                    : new String[] {"Hành động khắc phục quá hạn: " + s(d, "title"),
                            "Hành động khắc phục «" + s(d, "title") + "» hết hạn ngày " + viDate(d, "dueDate") + ", đã quá hạn " + s(d, "daysOverdue") + " ngày.",
                            "Hoàn thành ngay hành động khắc phục, hoặc thống nhất thời hạn mới với người đứng đầu cơ quan."};
            case ACTIVITY_OVERDUE -> en
                    ? new String[] {"ISO activity overdue: " + s(d, "title"),
                            "The planned activity \"" + s(d, "title") + "\" (" + s(d, "plannedDate") + ") is " + s(d, "daysOverdue") + " day(s) late.",
                            "Carry out the activity and record it as done."}
                    : new String[] {"Hoạt động ISO quá hạn: " + s(d, "title"),
                            "Hoạt động «" + s(d, "title") + "» theo kế hoạch ngày " + viDate(d, "plannedDate") + " đã quá hạn " + s(d, "daysOverdue") + " ngày.",
                            "Thực hiện hoạt động và cập nhật kết quả."};
            case ACTIVITY_PLAN_APPROVED -> en
                    ? new String[] {"ISO activity plan " + s(d, "year") + " approved",
                            "The ISO activity plan for " + s(d, "year") + " was approved with " + d.path("items").size() + " activities.",
                            "Carry out the activities as planned; you will be reminded before each date."}
                    : new String[] {"Kế hoạch hoạt động ISO năm " + s(d, "year") + " đã được phê duyệt",
                            "Kế hoạch hoạt động ISO năm " + s(d, "year") + " đã được phê duyệt với " + d.path("items").size() + " hoạt động.",
                            "Thực hiện các hoạt động theo kế hoạch; hệ thống sẽ nhắc trước mỗi thời hạn."};
            case AUDIT_PLANNED -> {
                String[] k = AUDIT_KINDS.getOrDefault(s(d, "kind"), new String[] {s(d, "kind"), s(d, "kind")});
                yield en ? new String[] {"Planned: " + k[1] + " " + s(d, "plannedStart") + " to " + s(d, "plannedEnd"),
                        "A " + k[1] + " of your agency is planned from " + s(d, "plannedStart") + " to " + s(d, "plannedEnd") + ".",
                        "Prepare the records and documents the auditors will ask for."}
                        : new String[] {"Kế hoạch " + k[0] + " từ " + viDate(d, "plannedStart") + " đến " + viDate(d, "plannedEnd"),
                        "Cơ quan có lịch " + k[0] + " từ " + viDate(d, "plannedStart") + " đến " + viDate(d, "plannedEnd") + ".",
                        "Chuẩn bị hồ sơ, tài liệu phục vụ đoàn đánh giá, kiểm tra."};
            }
            case ASSESSMENT_PUBLISHED -> en
                    ? new String[] {"Assessment " + s(d, "year") + ": " + s(d, "totalPoints") + " points, " + s(d, "bandLabel"),
                            "The " + s(d, "year") + " assessment of your QMS was published: " + s(d, "totalPoints") + " points, band " + s(d, "bandLabel") + ".",
                            "Read the detailed results and plan improvements for the weakest criteria."}
                    : new String[] {"Kết quả đánh giá năm " + s(d, "year") + ": " + s(d, "totalPoints") + " điểm, xếp loại " + s(d, "bandLabel"),
                            "Kết quả đánh giá việc xây dựng, áp dụng HTQLCL năm " + s(d, "year") + " đã được công bố: " + s(d, "totalPoints")
                                    + " điểm, xếp loại " + s(d, "bandLabel") + ".",
                            "Xem chi tiết kết quả và lập kế hoạch cải tiến các tiêu chí còn yếu."};
            case SCORE_CHANGED -> en
                    ? new String[] {"Band changed to " + s(d, "bandLabel"),
                            "The agency's score moved from " + s(d, "previousScore") + " to " + s(d, "score") + " (band " + s(d, "bandLabel") + ").",
                            "Look at the indicators that moved the score."}
                    : new String[] {"Xếp loại thay đổi: " + s(d, "bandLabel"),
                            "Điểm của cơ quan thay đổi từ " + s(d, "previousScore") + " lên/xuống " + s(d, "score") + " (xếp loại " + s(d, "bandLabel") + ").",
                            "Xem các chỉ số làm thay đổi điểm."};
            case OBJECTIVE_AT_RISK, OBJECTIVE_MISSED -> {
                boolean missed = kind == EventKind.OBJECTIVE_MISSED;
                yield en ? new String[] {(missed ? "Quality objective missed: " : "Quality objective at risk: ") + s(d, "title"),
                        "Objective \"" + s(d, "title") + "\" (" + s(d, "kpi") + "): target " + s(d, "target") + ", actual " + s(d, "actual") + ".",
                        "Review the causes and decide on measures."}
                        : new String[] {(missed ? "Mục tiêu chất lượng không đạt: " : "Mục tiêu chất lượng có nguy cơ không đạt: ") + s(d, "title"),
                        "Mục tiêu «" + s(d, "title") + "» (" + s(d, "kpi") + "): chỉ tiêu " + s(d, "target") + ", thực tế " + s(d, "actual") + ".",
                        "Xem xét nguyên nhân và có biện pháp khắc phục."};
            }
            case CORRECTIVE_REPORT_OWED -> en
                    ? new String[] {"Corrective-action report due " + s(d, "dueDate"),
                            "After the on-site inspection (minutes of " + s(d, "minutesDate") + ") the agency owes its corrective-action report by "
                                    + s(d, "dueDate") + ".", "Carry out the corrective actions and submit the report to the inspecting team."}
                    : new String[] {"Nộp báo cáo kết quả khắc phục trước ngày " + viDate(d, "dueDate"),
                            "Sau kiểm tra trực tiếp (biên bản ngày " + viDate(d, "minutesDate") + "), cơ quan phải nộp báo cáo kết quả khắc phục trước ngày "
                                    + viDate(d, "dueDate") + ".", "Thực hiện các hành động khắc phục và nộp báo cáo cho Đoàn kiểm tra."};
            case CORRECTIVE_REPORT_RETURNED -> en
                    ? new String[] {"Corrective-action report returned", "The inspecting team returned the report: " + s(d, "reason"),
                            "Complete it and submit it again by " + s(d, "dueDate") + "."}
                    : new String[] {"Báo cáo kết quả khắc phục bị trả lại", "Đoàn kiểm tra trả lại báo cáo: " + s(d, "reason"),
                            "Bổ sung và nộp lại trước ngày " + viDate(d, "dueDate") + "."};
            case CORRECTIVE_REPORT_OVERDUE -> en
                    ? new String[] {"Corrective-action report overdue", "The corrective-action report was due on " + s(d, "dueDate") + " and is "
                            + s(d, "daysOverdue") + " day(s) late.", "Submit it to the inspecting team now."}
                    : new String[] {"Báo cáo kết quả khắc phục quá hạn", "Báo cáo kết quả khắc phục hết hạn ngày " + viDate(d, "dueDate")
                            + ", đã quá hạn " + s(d, "daysOverdue") + " ngày.", "Nộp ngay báo cáo cho Đoàn kiểm tra."};
            case REPORT_DEADLINE_APPROACHING -> en
                    ? new String[] {"Report due in " + s(d, "daysLeft") + " day(s): " + s(d, "reportLabel"),
                            "The province's " + s(d, "reportLabel") + " for " + s(d, "year") + " is due on " + s(d, "deadline") + " and not submitted yet.",
                            "Review the report and submit it before the deadline."}
                    : new String[] {"Còn " + s(d, "daysLeft") + " ngày đến hạn nộp " + s(d, "reportLabel"),
                            s(d, "reportLabel") + " năm " + s(d, "year") + " của tỉnh phải nộp trước ngày " + viDate(d, "deadline") + " và chưa được nộp.",
                            "Rà soát báo cáo và nộp trước thời hạn."};
            case REPORT_DEADLINE_MISSED -> en
                    ? new String[] {"Report deadline missed: " + s(d, "reportLabel"),
                            "The province's " + s(d, "reportLabel") + " for " + s(d, "year") + " was due on " + s(d, "deadline") + " and was not submitted.",
                            "Submit it now."}
                    : new String[] {"Quá hạn nộp " + s(d, "reportLabel"),
                            s(d, "reportLabel") + " năm " + s(d, "year") + " của tỉnh hết hạn ngày " + viDate(d, "deadline") + " nhưng chưa được nộp.",
                            "Nộp báo cáo ngay."};
            case REMINDER -> en
                    ? new String[] {"Reminder: " + s(d, "daysLeft") + " day(s) left – " + s(d, "title"),
                            "\"" + s(d, "title") + "\" is due on " + s(d, "dueDate") + ".", "Finish it before the due date."}
                    : new String[] {"Nhắc việc: còn " + s(d, "daysLeft") + " ngày – " + s(d, "title"),
                            "Việc «" + s(d, "title") + "» đến hạn ngày " + viDate(d, "dueDate") + ".", "Hoàn thành trước thời hạn."};
            case ESCALATION -> en
                    ? new String[] {"Escalation: " + s(d, "title") + " is " + s(d, "daysOverdue") + " days overdue",
                            "\"" + s(d, "title") + "\" was due on " + s(d, "dueDate") + " and is still not done after " + s(d, "daysOverdue") + " days.",
                            "Direct that it is finished, and follow it up."}
                    : new String[] {"Báo cáo quá hạn: «" + s(d, "title") + "» quá hạn " + s(d, "daysOverdue") + " ngày",
                            "Việc «" + s(d, "title") + "» hết hạn ngày " + viDate(d, "dueDate") + " nhưng sau " + s(d, "daysOverdue")
                                    + " ngày vẫn chưa hoàn thành.",
                            "Chỉ đạo xử lý dứt điểm và theo dõi kết quả."};
            case TRAINING_REQUIRED -> en
                    ? new String[] {"ISO officer not yet trained: " + s(d, "officerName"),
                            s(d, "officerName") + " has been the ISO officer since " + s(d, "officerSince") + " and no training was recorded by "
                                    + s(d, "trainingDueDate") + " (a period of " + s(d, "periodTextEn") + ").",
                            "Send the officer to a training on TCVN ISO 9001:2015 and record it on the contact."}
                    : new String[] {"Cán bộ ISO chưa được đào tạo: " + s(d, "officerName"),
                            s(d, "officerName") + " làm cán bộ ISO từ ngày " + viDate(d, "officerSince") + " nhưng đến ngày "
                                    + viDate(d, "trainingDueDate") + " (thời hạn " + s(d, "periodText") + ") vẫn chưa có khóa đào tạo nào được ghi nhận.",
                            "Cử cán bộ tham gia đào tạo về TCVN ISO 9001:2015 và cập nhật kết quả đào tạo vào hồ sơ liên hệ."};
            default -> generic(kind.fact(), en);
        };
    }

    /** The notice of a change reaching several procedures of the agency: required reviews, or the change's overdue ones. */
    private static String[] notice(JsonNode n, boolean en) {
        boolean overdue = "procedure-review.overdue".equals(s(n, "kind"));
        String cause = s(n, "causeSummary").replaceAll("[.\\s]+$", "");
        int open = n.path("openCount").asInt();
        int resolved = n.path("resolvedCount").asInt();
        StringBuilder codes = new StringBuilder();
        for (JsonNode t : n.path("tasks")) {
            codes.append(codes.isEmpty() ? "" : ", ").append(s(t, "documentCode"));
        }
        int count = n.path("taskCount").asInt();
        if (overdue) {
            return en ? new String[] {cause + ": " + open + " procedure review(s) overdue",
                    "The reviews of " + count + " procedure(s) of your agency that rely on it passed their due date: " + codes + " ("
                            + resolved + " resolved since).",
                    "Finish each review in the list now and record its outcome."}
                    : new String[] {cause + ": " + open + " quy trình quá hạn rà soát",
                    "Việc rà soát " + count + " quy trình của cơ quan dựa trên văn bản này đã quá hạn: " + codes + " (" + resolved
                            + " đã rà soát xong sau đó).",
                    "Hoàn thành ngay việc rà soát từng quy trình trong danh sách và ghi nhận kết quả."};
        }
        if (open == 0) {
            return en ? new String[] {cause + ": all " + count + " procedures reviewed", cause + ". Procedures reviewed: " + codes + ".",
                    "No action is required."}
                    : new String[] {cause + ": đã rà soát xong " + count + " quy trình", cause + ". Các quy trình đã rà soát: " + codes + ".",
                    "Không cần thao tác."};
        }
        return en ? new String[] {cause + ": " + open + " procedures to review by " + s(n, "dueDate"),
                cause + ". " + count + " procedures of your agency rely on it: " + codes + " (" + resolved + " reviewed).",
                "Review each procedure in the list; revise and reissue it, or abolish it, then record the outcome of its review."}
                : new String[] {cause + ": " + open + " quy trình cần rà soát trước " + viDate(n, "dueDate"),
                cause + ". " + count + " quy trình của cơ quan dựa trên văn bản này: " + codes + " (" + resolved + " đã rà soát xong).",
                "Rà soát từng quy trình trong danh sách; sửa đổi, ban hành lại hoặc bãi bỏ, rồi ghi nhận kết quả rà soát."};
    }

    private static String edition(String code) {
        return "ISO_9001_2008".equals(code) ? "TCVN ISO 9001:2008" : "TCVN ISO 9001:2015";
    }

    private static String[] generic(String fact, boolean en) {
        return en ? new String[] {"Event: " + fact, "The event " + fact + " occurred.", "No action is required."}
                : new String[] {"Sự kiện: " + fact, "Đã có sự kiện " + fact + ".", "Không cần thao tác."};
    }

    private static String why(String reason, String agency, JsonNode d, boolean en) {
        if (reason.startsWith("ROLE:")) {
            ContactRole role = ContactRole.valueOf(reason.substring(5));
            return en ? "You are the " + role.label("en") + " of " + agency + "." : "Bạn là " + role.label("vi") + " của " + agency + ".";
        }
        if (reason.startsWith("ESCALATION:")) {
            String days = reason.substring(11);
            boolean committee = "STEERING_COMMITTEE".equals(s(d, "escalatedTo"));
            return en ? "It is still overdue after " + days + " days, so it is escalated to " + (committee
                    ? "the province's ISO steering committee (" + agency + ")." : "the head of " + agency + ".")
                    : "Việc đã quá hạn từ " + days + " ngày trở lên nên được báo cáo lên " + (committee
                    ? "Ban chỉ đạo ISO tỉnh (" + agency + ")." : "người đứng đầu " + agency + ".");
        }
        return switch (reason) {
            case "OWNER" -> en ? "You are in charge of this at " + agency + "." : "Bạn được giao phụ trách việc này tại " + agency + ".";
            case "STEERING_COMMITTEE" -> en ? "You are a member of the province's ISO steering committee (" + agency + ")."
                    : "Bạn là thành viên Ban chỉ đạo ISO tỉnh (" + agency + ").";
            default -> en ? "The province's notification rules name you for this." : "Quy tắc thông báo của tỉnh chỉ định bạn nhận thông báo này.";
        };
    }

    private static String s(JsonNode d, String field) {
        JsonNode n = d.get(field);
        return n == null || n.isNull() ? "—" : n.asText();
    }

    private static String viDate(JsonNode d, String field) {
        String v = s(d, field);
        try {
            return VI_DATE.format(LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v));
        } catch (RuntimeException e) {
            return v;
        }
    }
}
