package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.local.demo.Agencies.Agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 003: the Ministry of Information and Communications (province code 00: a central body, the root of
 * its own tree, registered by national-admin) and the 11 units of its headquarters (registered by the
 * ministry's own ministry-admin). In 2017 they revised 5 system documents and 25 business procedures; by
 * 25 December 2017 two system documents and the 11 procedures of the Ministry's Office were submitted
 * for approval, and 10 procedures were new (2 personnel, 2 postal affairs, 6 IT). The ISO steering
 * committee chaired by Deputy Minister Phan Tâm reviewed the system on 26 December 2017.
 */
final class Ministry {

    static final String PROVINCE = Demo.CENTRAL;
    static final String CODE = "000.00.00.G12";
    static final String NAME = "Bộ Thông tin và Truyền thông";
    private static final List<String> BASES = List.of("19/2014/QĐ-TTg", "26/2014/TT-BKHCN");
    private static final String CROSS_CHECK_OWNER = "vu.khcn@mic.gov.vn";
    private static final String CHAIR = "phantam@mic.gov.vn";

    static final List<String> UNITS = List.of("Văn phòng Bộ", "Vụ Khoa học và Công nghệ", "Vụ Tổ chức cán bộ", "Vụ Bưu chính",
            "Vụ Công nghệ thông tin", "Vụ Kế hoạch - Tài chính", "Vụ Pháp chế", "Vụ Hợp tác quốc tế", "Vụ Thi đua - Khen thưởng",
            "Vụ Quản lý doanh nghiệp", "Thanh tra Bộ");

    private Ministry() {
    }

    static List<Documents.Spec> documents() {
        List<Documents.Spec> d = new ArrayList<>();
        String[] system = {"Quy trình kiểm soát tài liệu", "Quy trình kiểm soát hồ sơ", "Quy trình đánh giá nội bộ",
                "Quy trình kiểm soát sự không phù hợp và hành động khắc phục", "Quy trình xem xét của lãnh đạo"};
        for (int i = 0; i < system.length; i++) {
            Documents.Spec s = Documents.procedure(String.format("QT-HT-%02d", i + 1), system[i], "SYSTEM_PROCEDURE",
                    "Vụ Khoa học và Công nghệ", BASES, 5, "2016-07-01");
            d.add(i < 2 ? s.withNextRevisionInReview() : s);
        }
        String[][] business = {
                {"VP", "Văn phòng Bộ", "Quy trình quản lý văn bản đến", "Quy trình quản lý văn bản đi",
                        "Quy trình lập hồ sơ và nộp lưu hồ sơ vào lưu trữ cơ quan", "Quy trình xây dựng chương trình công tác của Bộ",
                        "Quy trình tổ chức họp, hội nghị", "Quy trình quản lý, sử dụng con dấu",
                        "Quy trình tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân", "Quy trình quản lý tài sản, trang thiết bị",
                        "Quy trình mua sắm tài sản, hàng hóa", "Quy trình đón tiếp khách quốc tế", "Quy trình kiểm soát thủ tục hành chính"},
                {"TCCB", "Vụ Tổ chức cán bộ", "Quy trình tuyển dụng công chức", "Quy trình nâng bậc lương thường xuyên"},
                {"BC", "Vụ Bưu chính", "Quy trình cấp giấy phép bưu chính", "Quy trình xác nhận thông báo hoạt động bưu chính"},
                {"CNTT", "Vụ Công nghệ thông tin", "Quy trình thẩm định kế hoạch ứng dụng công nghệ thông tin",
                        "Quy trình thẩm định thiết kế cơ sở dự án công nghệ thông tin", "Quy trình đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin",
                        "Quy trình xây dựng chuẩn, quy chuẩn kỹ thuật công nghệ thông tin", "Quy trình quản lý cơ sở dữ liệu chuyên ngành",
                        "Quy trình thẩm định phần mềm nội bộ dùng chung"},
                {"KHCN", "Vụ Khoa học và Công nghệ", "Quy trình quản lý nhiệm vụ khoa học và công nghệ",
                        "Quy trình xây dựng tiêu chuẩn, quy chuẩn kỹ thuật"},
                {"PC", "Vụ Pháp chế", "Quy trình thẩm định dự thảo văn bản quy phạm pháp luật"},
                {"KHTC", "Vụ Kế hoạch - Tài chính", "Quy trình lập dự toán ngân sách hằng năm"}};
        Set<String> newIn2017 = Set.of("TCCB", "BC", "CNTT");
        for (String[] unit : business) {
            for (int i = 2; i < unit.length; i++) {
                Documents.Spec s = Documents.procedure(String.format("QT-%s-%02d", unit[0], i - 1), unit[i], "OPERATIONAL_PROCEDURE",
                        unit[1], BASES, 10, newIn2017.contains(unit[0]) ? "2017-12-15" : "2016-07-01");
                d.add(unit[0].equals("VP") ? s.withNextRevisionInReview() : s);
            }
        }
        return d;
    }

    static void load(Demo demo, Map<String, String> laws) {
        List<Agencies.Spec> specs = new ArrayList<>();
        specs.add(new Agencies.Spec(CODE, NAME, "MINISTRY"));
        for (int i = 0; i < UNITS.size(); i++) {
            specs.add(new Agencies.Spec(String.format("000.00.%02d.G12", i + 1), UNITS.get(i), "MINISTRY_UNIT").under(CODE));
        }
        List<String> registered = new ArrayList<>();
        Map<String, Agency> agencies = Agencies.ensure(demo, PROVINCE, specs, registered);
        Agencies.awaitKnown(demo, PROVINCE, registered);
        Agency ministry = agencies.get(CODE);
        String admin = demo.ministryAdmin(ministry.id());
        Contacts.forAgencies(demo, admin, PROVINCE, agencies.values());
        steeringCommittee(demo, admin, ministry);
        // one QMS for the ministry's headquarters: its documents belong to the ministry, each owned by a unit
        Documents.ensure(demo, ministry, "Khối cơ quan " + NAME, documents(), laws);
        if (!"ANNOUNCED".equals(ministry.qmsStatus())) {
            Announcements.post(demo, ministry, "Khối cơ quan " + NAME, "1876/QĐ-BTTTT", "2016-11-10", "ISO_9001_2008");
        } else {
            demo.count("QMS announcements", false);
        }
        demo.note("Bộ TT&TT 2017", ministry);
        review(demo, ministry);
    }

    /**
     * The ISO steering committee of the ministry's headquarters (Ban chỉ đạo ISO Khối cơ quan Bộ), chaired by
     * Deputy Minister Phan Tâm: the ministry's own, so a person of the ministry, not of a province's committee.
     */
    private static void steeringCommittee(Demo demo, String admin, Agency ministry) {
        Rest.Answer a = demo.rest.post(demo.notify("/api/v1/contacts"), admin,
                Contacts.contact(ministry.id(), null, new People.Person("Phan Tâm", CHAIR, CHAIR), null), 201, 409);
        demo.count("contacts", a.status() == 201);
    }

    private static void review(Demo demo, Agency ministry) {
        String head = demo.official("agency-head", ministry);
        JsonNode held = demo.rest.get(demo.audit("/api/v1/management-reviews" + Rest.query("agencyId", ministry.id(), "year", 2017)), head);
        if (held.path("total").asLong() > 0) {
            demo.count("management reviews", false);
            return;
        }
        // the output naming an owner and a due date (the 2018 cross-checks) opens an action
        JsonNode review = demo.rest.post(demo.audit("/api/v1/management-reviews"), head, Map.of(
                "agencyId", ministry.id(),
                "heldOn", "2017-12-26",
                "chair", "Thứ trưởng Phan Tâm - Trưởng Ban chỉ đạo ISO Khối cơ quan Bộ",
                "attendees", List.of("Vụ Khoa học và Công nghệ", "Văn phòng Bộ", "Vụ Tổ chức cán bộ", "Vụ Bưu chính", "Vụ Công nghệ thông tin"),
                "inputs", List.of(
                        Map.of("topic", "AUDIT_RESULTS", "summary", "Đánh giá nội bộ ngày 07/11/2017 các quy trình hệ thống và quy trình nghiệp vụ "
                                + "tại 11 đơn vị Khối cơ quan Bộ: HTQLCL được duy trì, cán bộ tuân thủ đúng quy trình"),
                        Map.of("topic", "PROCESS_PERFORMANCE", "summary", "Hoàn thành cải tiến 5 tài liệu, quy trình hệ thống và 25 quy trình nghiệp vụ; "
                                + "xây dựng mới 10 quy trình (2 của Vụ Tổ chức cán bộ, 2 của Vụ Bưu chính, 6 của Vụ Công nghệ thông tin)"),
                        Map.of("topic", "OBJECTIVES_ACHIEVEMENT", "summary", "Mục tiêu chất lượng của các đơn vị được kiểm soát và duy trì"),
                        Map.of("topic", "NONCONFORMITIES_AND_ACTIONS", "summary",
                                "Phần lớn cán bộ chưa lập danh mục hồ sơ ngay từ khi bắt đầu công việc"),
                        Map.of("topic", "CONTEXT_CHANGES", "summary",
                                "Các đơn vị cập nhật quy trình khi chức năng, nhiệm vụ, cơ cấu tổ chức và văn bản QPPL liên quan thay đổi")),
                "outputs", List.of(
                        Map.of("kind", "IMPROVEMENT", "decision", "Thực hiện kiểm tra chéo và đánh giá nội bộ công tác triển khai HTQLCL giữa "
                                + "các đơn vị trong năm 2018", "owner", CROSS_CHECK_OWNER, "dueDate", "2018-06-30"),
                        Map.of("kind", "QMS_CHANGE", "decision", "Công khai các mục tiêu chất lượng; nghiêm túc, nhất quán thực hiện các quy "
                                + "trình xử lý công việc đã ban hành"))),
                201).body();
        // the cross-checks were held in 2018: the action the review opened is done
        for (JsonNode action : review.path("actions")) {
            if (action.path("status").asText().equals("OPEN")) {
                demo.rest.post(demo.audit("/api/v1/management-reviews/" + review.path("id").asText() + "/actions/" + action.path("id").asText()
                        + "/completion"), head, Map.of("doneOn", "2018-06-22", "note", "Đã kiểm tra chéo HTQLCL tại 11 đơn vị Khối cơ quan Bộ"), 200);
            }
        }
        demo.count("management reviews", true);
    }
}
