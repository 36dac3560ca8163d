package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Criteria sets (bộ tiêu chí) in scoring-service: Bắc Giang's of 2014, scored by hand by the steering
 * committee, and the one the merged Bắc Ninh uses from 2025, mostly computed from live indicators.
 */
final class Criteria {

    /** A criterion: code, text, points, and for automatic ones the indicator and the rule. */
    record Criterion(String code, String text, int max, String indicator, String rule, Map<String, Object> extra) {
        static Criterion manual(String code, String text, int max) {
            return new Criterion(code, text, max, null, null, Map.of());
        }

        static Criterion automatic(String code, String text, int max, String indicator, String rule, Map<String, Object> extra) {
            return new Criterion(code, text, max, indicator, rule, extra);
        }
    }

    record Group(String code, String name, List<Criterion> criteria) {
    }

    /** A set's content: groups and, when not the default table, bands. */
    record Definition(List<Group> groups, List<Map<String, Object>> bands) {
    }

    private Criteria() {
    }

    /** Bắc Giang 2014: scored by the steering committee, "above 90 very good, above 80 good, above 70 fair, above 50 average". */
    static Definition bacGiang2014() {
        return new Definition(List.of(
                new Group("1", "Xây dựng HTQLCL", List.of(
                        Criterion.manual("1.1", "Ban hành chính sách chất lượng, mục tiêu chất lượng và sổ tay chất lượng phù hợp", 10),
                        Criterion.manual("1.2", "Xây dựng đủ 06 quy trình bắt buộc theo TCVN ISO 9001:2008", 5),
                        Criterion.manual("1.3", "Phạm vi áp dụng bao quát toàn bộ thủ tục hành chính và hoạt động nội bộ", 10))),
                new Group("2", "Áp dụng HTQLCL", List.of(
                        Criterion.manual("2.1", "Phổ biến, đào tạo cho cán bộ, công chức về HTQLCL", 5),
                        Criterion.manual("2.2", "Thực hiện đúng các quy trình, lưu giữ hồ sơ đầy đủ", 15),
                        Criterion.manual("2.3", "Đánh giá nội bộ ít nhất 01 lần trong năm", 10),
                        Criterion.manual("2.4", "Xem xét của lãnh đạo ít nhất 01 lần trong năm", 5))),
                new Group("3", "Duy trì, cải tiến HTQLCL", List.of(
                        Criterion.manual("3.1", "Cập nhật kịp thời văn bản quy phạm pháp luật vào các quy trình", 10),
                        Criterion.manual("3.2", "Thực hiện hành động khắc phục, phòng ngừa", 10),
                        Criterion.manual("3.3", "Đo lường sự hài lòng của tổ chức, cá nhân", 5))),
                new Group("4", "Công bố HTQLCL", List.of(
                        Criterion.manual("4.1", "Công bố HTQLCL phù hợp tiêu chuẩn, thông báo cơ quan chủ trì", 10),
                        Criterion.manual("4.2", "Niêm yết tại trụ sở, đăng tải trên cổng thông tin điện tử", 5)))),
                List.of(band("VERY_GOOD", "Rất tốt", "Very good", 90), band("GOOD", "Tốt", "Good", 80),
                        band("FAIR", "Khá", "Fair", 70), band("AVERAGE", "Trung bình", "Average", 50),
                        Map.of("code", "WEAK", "label", "Yếu", "labelEn", "Weak")));
    }

    /** Bắc Ninh from 2025: what the events tell (announcement, plans, overdue items, dossiers) and two manual criteria. */
    static Definition bacNinh2025() {
        return new Definition(List.of(
                new Group("1", "Xây dựng, công bố HTQLCL", List.of(
                        Criterion.automatic("1.1", "Công bố HTQLCL phù hợp TCVN ISO 9001:2015", 15, "QMS_ANNOUNCED", "ALL_OR_NOTHING", Map.of()),
                        Criterion.automatic("1.2", "Công bố lại khi phạm vi áp dụng thay đổi", 10, "REANNOUNCEMENT_PENDING", "ALL_OR_NOTHING",
                                Map.of("comparison", "AT_MOST", "threshold", 0)),
                        Criterion.manual("1.3", "Hệ thống tài liệu phù hợp mô hình khung (Quyết định 101/2019/QĐ-BKHCN)", 5))),
                new Group("2", "Duy trì, cải tiến HTQLCL", List.of(
                        Criterion.automatic("2.1", "Kế hoạch hoạt động ISO năm được phê duyệt", 10, "ACTIVITY_PLAN_APPROVED", "ALL_OR_NOTHING", Map.of()),
                        Criterion.automatic("2.2", "Rà soát quy trình ISO trong 3 tháng khi VBQPPL, TTHC thay đổi", 15, "PROCEDURE_REVIEWS_OVERDUE",
                                "DEDUCTION_PER_ITEM", Map.of("pointsPerItem", 5)),
                        Criterion.automatic("2.3", "Khắc phục điểm không phù hợp đúng hạn", 10, "CORRECTIVE_ACTIONS_OVERDUE", "DEDUCTION_PER_ITEM",
                                Map.of("pointsPerItem", 5)),
                        Criterion.manual("2.4", "Đánh giá nội bộ và xem xét của lãnh đạo", 5))),
                new Group("3", "Kết quả giải quyết thủ tục hành chính", List.of(
                        Criterion.automatic("3.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 30, "DOSSIER_ON_TIME_RATE", "PROPORTIONAL",
                                Map.of("target", 100))))),
                null);
    }

    /** "trên 90 điểm": the edge value itself belongs to the band below. */
    private static Map<String, Object> band(String code, String label, String labelEn, int above) {
        return Map.of("code", code, "label", label, "labelEn", labelEn, "minScore", above, "minInclusive", false);
    }

    /** The set's id: found by province, name and first year, or created; activated either way. */
    static String ensure(Demo demo, String province, String name, int fromYear, Definition d) {
        String admin = demo.admin(province);
        JsonNode page = demo.rest.get(demo.scoring("/api/v1/criteria-sets" + Rest.query("provinceCode", province, "size", 200)), admin);
        for (JsonNode n : page.path("items")) {
            if (name.equals(n.path("name").asText()) && n.path("appliesFromYear").asInt() == fromYear) {
                if (n.path("status").asText().equals("DRAFT")) {
                    demo.rest.post(demo.scoring("/api/v1/criteria-sets/" + n.path("id").asText() + "/activation"), admin, null, 200);
                }
                demo.count("criteria sets", false);
                return n.path("id").asText();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provinceCode", province);
        body.put("name", name);
        body.put("appliesFromYear", fromYear);
        body.put("groups", d.groups().stream().map(g -> Map.of("code", g.code(), "name", g.name(),
                "criteria", g.criteria().stream().map(Criteria::criterion).toList())).toList());
        if (d.bands() != null) {
            body.put("bands", d.bands());
        }
        String id = demo.rest.post(demo.scoring("/api/v1/criteria-sets"), admin, body, 201).body().path("id").asText();
        demo.rest.post(demo.scoring("/api/v1/criteria-sets/" + id + "/activation"), admin, null, 200);
        demo.count("criteria sets", true);
        return id;
    }

    private static Map<String, Object> criterion(Criterion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("text", c.text());
        m.put("maxPoints", c.max());
        m.put("method", c.indicator() == null ? "MANUAL" : "AUTOMATIC");
        if (c.indicator() != null) {
            m.put("indicator", c.indicator());
            m.put("rule", c.rule());
            m.putAll(c.extra());
        }
        return m;
    }

    /** Points per criterion of the 2014 set adding up to {@code total}, in half points, spread by weight. */
    static Map<String, Object> scores2014(int total, String agencyName) {
        List<Criterion> all = bacGiang2014().groups().stream().flatMap(g -> g.criteria().stream()).toList();
        List<BigDecimal> points = new ArrayList<>();
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : all) {
            // max × total / 100, rounded down to a half point
            BigDecimal p = BigDecimal.valueOf(c.max() * total * 2L / 100).multiply(half);
            points.add(p);
            sum = sum.add(p);
        }
        BigDecimal left = BigDecimal.valueOf(total).subtract(sum);
        for (int i = 0; left.signum() > 0; i = (i + 1) % all.size()) {
            if (points.get(i).add(half).compareTo(BigDecimal.valueOf(all.get(i).max())) <= 0) {
                points.set(i, points.get(i).add(half));
                left = left.subtract(half);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            items.add(Map.of("criterionCode", all.get(i).code(), "points", points.get(i)));
        }
        return Map.of("items", items, "comment", "Kết quả chấm điểm năm 2014 của Ban chỉ đạo ISO tỉnh Bắc Giang đối với " + agencyName
                + ": " + total + " điểm.");
    }
}
