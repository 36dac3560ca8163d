package vn.govqms.local.demo;

import vn.govqms.local.demo.Agencies.Agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seed 000: the Ethnic Minorities Board of Thái Nguyên built its QMS in 2013 and announced it by Decision
 * 537/QĐ-BDT of 30 December 2016 with a quality manual, quality objectives, a quality policy and 14
 * operational procedures of its divisions; following letter 684/UBND-KSTTHC (7 March 2018) its 2018 plan
 * converted the system to TCVN ISO 9001:2015 by the end of the year.
 */
final class ThaiNguyen {

    static final String PROVINCE = "19";
    static final String CODE = "000.00.18.H19";
    static final String NAME = "Ban Dân tộc tỉnh Thái Nguyên";
    private static final String ISSUED = "2016-12-30";
    private static final List<String> BASES = List.of("19/2014/QĐ-TTg", "26/2014/TT-BKHCN");

    private ThaiNguyen() {
    }

    /** The manual, the policy, the objectives and the 14 procedures of the decision's list. */
    static List<Documents.Spec> documents() {
        List<Documents.Spec> d = new ArrayList<>();
        d.add(Documents.plain("STCL", "Sổ tay chất lượng", "QUALITY_MANUAL", "Văn phòng",
                "Mô tả HTQLCL của Ban Dân tộc tỉnh: phạm vi áp dụng, các quá trình và sự tương tác giữa chúng.", BASES, ISSUED));
        d.add(Documents.plain("CSCL", "Chính sách chất lượng", "QUALITY_POLICY", "Văn phòng",
                "Cam kết của Lãnh đạo Ban: giải quyết công việc khoa học, đúng quy định, phục vụ đồng bào các dân tộc ngày càng tốt hơn.",
                BASES, ISSUED));
        d.add(Documents.plain("MTCL-2017", "Mục tiêu chất lượng năm 2017", "QUALITY_OBJECTIVES", "Văn phòng",
                "100% hồ sơ, công việc được giải quyết đúng hạn; 100% công chức được phổ biến các quy trình ISO.", BASES, ISSUED));
        String[][] procedures = {
                {"QT-VP-01", "Quy trình quản lý văn bản đến", "Văn phòng"},
                {"QT-VP-02", "Quy trình quản lý văn bản đi", "Văn phòng"},
                {"QT-VP-03", "Quy trình quản lý, sử dụng tài sản công", "Văn phòng"},
                {"QT-VP-04", "Quy trình xét thi đua, khen thưởng", "Văn phòng"},
                {"QT-TTR-01", "Quy trình tiếp công dân", "Thanh tra"},
                {"QT-TTR-02", "Quy trình giải quyết khiếu nại", "Thanh tra"},
                {"QT-TTR-03", "Quy trình giải quyết tố cáo", "Thanh tra"},
                {"QT-CS-01", "Quy trình thực hiện chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số", "Phòng Chính sách dân tộc"},
                {"QT-CS-02", "Quy trình thẩm định danh sách thôn, xã đặc biệt khó khăn vùng dân tộc thiểu số", "Phòng Chính sách dân tộc"},
                {"QT-CS-03", "Quy trình hỗ trợ học sinh dân tộc thiểu số học tập tại các cơ sở giáo dục", "Phòng Chính sách dân tộc"},
                {"QT-TTĐB-01", "Quy trình tuyên truyền, phổ biến, giáo dục pháp luật vùng đồng bào dân tộc thiểu số",
                        "Phòng Tuyên truyền và Địa bàn"},
                {"QT-TTĐB-02", "Quy trình cấp phát báo, tạp chí cho vùng dân tộc thiểu số và miền núi", "Phòng Tuyên truyền và Địa bàn"},
                {"QT-KH-01", "Quy trình xây dựng kế hoạch phân bổ vốn Chương trình 135", "Phòng Kế hoạch - Tổng hợp"},
                {"QT-KH-02", "Quy trình tổng hợp, báo cáo tình hình thực hiện các chương trình, dự án", "Phòng Kế hoạch - Tổng hợp"}};
        for (String[] p : procedures) {
            d.add(Documents.procedure(p[0], p[1], "OPERATIONAL_PROCEDURE", p[2], BASES, 7, ISSUED));
        }
        return d;
    }

    static void load(Demo demo, Map<String, String> laws) {
        List<String> registered = new ArrayList<>();
        Agency board = Agencies.ensure(demo, PROVINCE, List.of(new Agencies.Spec(CODE, NAME, "DEPARTMENT")), registered).get(CODE);
        Agencies.awaitKnown(demo, PROVINCE, registered);
        Contacts.forAgencies(demo, demo.admin(PROVINCE), PROVINCE, List.of(board));
        Documents.ensure(demo, board, NAME, documents(), laws);
        Announcements.post(demo, board, NAME, "537/QĐ-BDT", ISSUED, "ISO_9001_2008");
        demo.note("Thái Nguyên 2016", board);
        String letter = "Công văn số 684/UBND-KSTTHC ngày 07/3/2018 của UBND tỉnh Thái Nguyên";
        Plans.ensure(demo, board, 2018, List.of(
                new Plans.Item("TRAINING", "Đào tạo chuyển đổi HTQLCL sang TCVN ISO 9001:2015 cho công chức của Ban", "2018-09-28", "2018-09-27",
                        letter + "; danh sách công chức tham gia đào tạo"),
                new Plans.Item("OTHER", "Chuyển đổi hệ thống tài liệu theo TCVN ISO 9001:2015", "2018-11-30", "2018-11-29",
                        "Bộ tài liệu HTQLCL theo TCVN ISO 9001:2015 được Trưởng Ban phê duyệt"),
                new Plans.Item("ANNOUNCEMENT", "Công bố HTQLCL phù hợp TCVN ISO 9001:2015", "2018-12-28", "2018-12-28",
                        "Quyết định số 168/QĐ-BDT ngày 28/12/2018 công bố HTQLCL phù hợp TCVN ISO 9001:2015")),
                Map.of("OBJECTIVES_SET", new Plans.Done("2018-01-26", "Mục tiêu chất lượng năm 2018 của Ban Dân tộc tỉnh"),
                        "PROCEDURE_REVIEW", new Plans.Done("2018-06-29", "Rà soát 14 quy trình tác nghiệp theo văn bản pháp luật mới"),
                        "INTERNAL_AUDIT", new Plans.Done("2018-10-12", "Báo cáo đánh giá nội bộ năm 2018, được Lãnh đạo Ban phê duyệt"),
                        "MANAGEMENT_REVIEW", new Plans.Done("2018-12-20", "Biên bản họp xem xét của lãnh đạo năm 2018")));
        Announcements.post(demo, board, NAME, "168/QĐ-BDT", "2018-12-28", "ISO_9001_2015");
    }
}
