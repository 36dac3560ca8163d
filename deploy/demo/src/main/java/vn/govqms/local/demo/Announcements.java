package vn.govqms.local.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The head of an agency announces that its QMS conforms to TCVN ISO 9001 and tells the lead agency (Sở KH&CN). The seeds'
 * announcements were made before GovQMS: the four steps before them are recorded as taken outside the system, on paper.
 */
final class Announcements {

    private Announcements() {
    }

    /** Announces unless an announcement with that decision is on record (looked up only when the agency has announced before). */
    static void post(Demo demo, Agencies.Agency agency, String name, String decision, String date, String edition) {
        String url = demo.doc("/api/v1/agencies/" + agency.id() + "/announcements");
        String head = demo.official("agency-head", agency);
        boolean known = false;
        if ("ANNOUNCED".equals(agency.qmsStatus()) || agency.qmsStatus() == null) {
            for (var a : demo.rest.get(url, head)) {
                known |= decision.equals(a.path("decisionNumber").asText());
            }
        }
        if (!known) {
            String standard = edition.equals("ISO_9001_2015") ? "TCVN ISO 9001:2015" : "TCVN ISO 9001:2008";
            demo.rest.post(url, head, Map.of("decisionNumber", decision, "decisionDate", date, "standardEdition", edition,
                    "scope", "Toàn bộ hoạt động giải quyết thủ tục hành chính và hoạt động nội bộ của " + name + " theo " + standard,
                    "notifiedLeadAgencyOn", LocalDate.parse(date).plusDays(5).toString(),
                    "stepsOutsideSystem", outsideSteps(LocalDate.parse(date))), 201);
        }
        demo.count("QMS announcements", !known);
    }

    /** The four steps of Decision 19/2014/QĐ-TTg as kept on paper before the announcement of {@code decided}. */
    private static List<Map<String, String>> outsideSteps(LocalDate decided) {
        return List.of(
                Map.of("step", "FRAMEWORK_DOCUMENTS", "evidence", "Hệ thống tài liệu ban hành trước khi sử dụng GovQMS (bản giấy)"),
                Map.of("step", "INTERNAL_AUDIT", "heldOn", decided.minusDays(30).toString(), "evidence", "Báo cáo đánh giá nội bộ (bản giấy)"),
                Map.of("step", "MANAGEMENT_REVIEW", "heldOn", decided.minusDays(20).toString(), "evidence", "Biên bản họp xem xét của lãnh đạo (bản giấy)"),
                Map.of("step", "EFFECTIVENESS_CONFIRMED", "heldOn", decided.minusDays(5).toString(),
                        "evidence", "Văn bản người đứng đầu xác nhận hiệu lực của HTQLCL (bản giấy)"));
    }
}
