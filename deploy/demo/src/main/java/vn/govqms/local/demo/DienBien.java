package vn.govqms.local.demo;

import vn.govqms.local.demo.Agencies.Agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seed 002: huyện Điện Biên (a district, until the district level ended on 1 July 2025), whose Plan
 * 349/KH-UBND of 16 March 2018 rolled the QMS out to 15 communes: study and build from April 2018, in
 * operation from October 2018. Each commune's 2018 ISO activity plan carries that timetable.
 */
final class DienBien {

    static final String PROVINCE = "11";
    static final List<String> COMMUNES = List.of("Thanh Nưa", "Thanh Hưng", "Thanh Luông", "Thanh Xương", "Thanh Chăn", "Thanh An",
            "Thanh Yên", "Hua Thanh", "Noong Luống", "Noong Hẹt", "Sam Mứn", "Pom Lót", "Nà Nhạn", "Mường Phăng", "Núa Ngam");
    private static final String DISTRICT_CODE = "000.00.31.H11";
    /** The district level ended with the two-tier local government of 1 July 2025. */
    private static final String LAST_DAY_OF_DISTRICTS = "2025-06-30";
    private static final String PLAN = "Kế hoạch số 349/KH-UBND ngày 16/3/2018 của UBND huyện Điện Biên";

    private DienBien() {
    }

    static void load(Demo demo) {
        List<Agencies.Spec> specs = new ArrayList<>();
        // registered open, its history recorded, then ended with the district level (its own people cannot write after that)
        specs.add(new Agencies.Spec(DISTRICT_CODE, "UBND huyện Điện Biên", "DISTRICT"));
        for (int i = 0; i < COMMUNES.size(); i++) {
            specs.add(new Agencies.Spec(String.format("%03d.00.31.H11", i + 1), "UBND xã " + COMMUNES.get(i), "COMMUNE").under(DISTRICT_CODE));
        }
        List<String> registered = new ArrayList<>();
        var agencies = Agencies.ensure(demo, PROVINCE, specs, registered);
        Agencies.awaitKnown(demo, PROVINCE, registered);
        Contacts.forAgencies(demo, demo.admin(PROVINCE), PROVINCE, agencies.values());
        Agency district = agencies.get(DISTRICT_CODE);
        if (district.ended() || "ANNOUNCED".equals(district.qmsStatus())) {
            demo.count("QMS announcements", false);
        } else {
            Announcements.post(demo, district, district.name(), "1256/QĐ-UBND", "2017-06-15", "ISO_9001_2008");
        }
        Agencies.end(demo, demo.admin(PROVINCE), district, LAST_DAY_OF_DISTRICTS);
        List<Agency> communes = agencies.values().stream().filter(a -> a.level().equals("COMMUNE")).toList();
        demo.note("Điện Biên 2018", communes.get(0));
        demo.each(communes, a -> {
            int i = communes.indexOf(a);
            String announced = LocalDate.of(2018, 10, 15).plusDays(3L * i).toString();
            Plans.ensure(demo, a, 2018, rollout(announced), Map.of(
                    "OBJECTIVES_SET", new Plans.Done("2018-05-15", "Quyết định ban hành chính sách và mục tiêu chất lượng năm 2018 của " + a.name()),
                    "PROCEDURE_REVIEW", new Plans.Done("2018-09-28", "Rà soát quy trình giải quyết TTHC cấp xã theo danh mục TTHC tỉnh công bố"),
                    "INTERNAL_AUDIT", new Plans.Done("2018-11-20", "Báo cáo đánh giá nội bộ HTQLCL lần thứ nhất"),
                    "MANAGEMENT_REVIEW", new Plans.Done("2018-12-14", "Biên bản họp xem xét của lãnh đạo năm 2018")));
            if ("ANNOUNCED".equals(a.qmsStatus())) {
                demo.count("QMS announcements", false);
            } else {
                Announcements.post(demo, a, a.name(), (20 + i) + "/QĐ-UBND", announced, "ISO_9001_2015");
            }
        });
    }

    /** The rollout timetable of the plan, as activities of the commune's 2018 plan. */
    private static List<Plans.Item> rollout(String announced) {
        return List.of(
                new Plans.Item("TRAINING", "Tập huấn nhận thức về TCVN ISO 9001:2015 cho cán bộ, công chức xã", "2018-04-20", "2018-04-19",
                        PLAN + "; danh sách học viên tập huấn"),
                new Plans.Item("CONSULTANT_SELECTION", "Lựa chọn tổ chức tư vấn xây dựng HTQLCL", "2018-04-30", "2018-04-27",
                        "Hợp đồng tư vấn xây dựng HTQLCL theo " + PLAN),
                new Plans.Item("OTHER", "Xây dựng hệ thống tài liệu: sổ tay, chính sách, mục tiêu chất lượng và quy trình giải quyết TTHC",
                        "2018-08-31", "2018-08-30", "Bộ tài liệu HTQLCL được Chủ tịch UBND xã phê duyệt"),
                new Plans.Item("ANNOUNCEMENT", "Công bố HTQLCL phù hợp TCVN ISO 9001:2015, đưa vào hoạt động", "2018-10-31", announced,
                        "Quyết định công bố HTQLCL phù hợp TCVN ISO 9001:2015"));
    }
}
