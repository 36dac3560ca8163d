package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The legal documents the seeds cite, with their dates, the laws and decrees behind the demo's TTHCs,
 * and those TTHCs with their legal processing times: found by number or code within their issuing
 * authority, registered when missing by the register's owner (national-admin for national documents, a
 * province's steering committee for the province's own).
 */
final class LegalRegister {

    /**
     * A legal document; {@code province} null for national ones; {@code guides} the number it guides (in the
     * same register).
     */
    record Law(String number, String type, String issuer, String title, String issued, String effective, String province,
               String guides) {

        /** Numbers are unique within an issuing authority: the number for national documents, province and number otherwise. */
        String key() {
            return key(province, number);
        }

        static String key(String province, String number) {
            return province == null ? number : province + ":" + number;
        }
    }

    /** A TTHC of the catalogue as a province publishes it. */
    record Tthc(String code, String name, String field, String level, int days, String basis, String province) {
    }

    /** A registered TTHC. */
    record Procedure(String id, String code, String name, int days) {
    }

    static final List<Law> LAWS = List.of(
            new Law("19/2014/QĐ-TTg", "DECISION", "Thủ tướng Chính phủ",
                    "Về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các "
                            + "cơ quan, tổ chức thuộc hệ thống hành chính nhà nước", "2014-03-05", "2014-04-20", null, null),
            new Law("26/2014/TT-BKHCN", "CIRCULAR", "Bộ Khoa học và Công nghệ",
                    "Quy định chi tiết thi hành Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng "
                            + "Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức "
                            + "thuộc hệ thống hành chính nhà nước", "2014-10-10", "2014-12-01", null, "19/2014/QĐ-TTg"),
            new Law("101/2019/QĐ-BKHCN", "DECISION", "Bộ Khoa học và Công nghệ",
                    "Về việc công bố mô hình khung hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 cho các "
                            + "cơ quan, tổ chức thuộc hệ thống hành chính nhà nước tại địa phương", "2019-01-21", "2019-01-21", null,
                    "19/2014/QĐ-TTg"),
            new Law("81/KH-UBND", "PLAN", "UBND tỉnh Ninh Bình",
                    "Kế hoạch áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của Ủy ban "
                            + "nhân dân các xã, phường, thị trấn trên địa bàn tỉnh Ninh Bình, giai đoạn 2017-2020", "2016-06-28", "2016-06-28",
                    "37", null),
            new Law("58/KH-UBND", "PLAN", "UBND tỉnh Ninh Bình",
                    "Kế hoạch chuyển đổi, áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại các cơ "
                            + "quan hành chính nhà nước tỉnh Ninh Bình, giai đoạn 2019-2020", "2019-04-23", "2019-04-23", "37", null),
            new Law("1113/QĐ-UBND", "DECISION", "UBND tỉnh Ninh Bình",
                    "Về việc phê duyệt Kế hoạch kiểm tra việc xây dựng, áp dụng, duy trì, cải tiến và chuyển đổi Hệ thống quản lý chất "
                            + "lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 tại các cơ quan hành chính nhà nước tỉnh Ninh Bình năm 2021",
                    "2021-10-11", "2021-10-11", "37", null),
            // the merged Bắc Ninh's own 1113/QĐ-UBND (illustrative): numbers are the issuer's, so Ninh Bình's stands beside it
            new Law("1113/QĐ-UBND", "DECISION", "UBND tỉnh Bắc Ninh",
                    "Về việc ban hành Bộ tiêu chí đánh giá việc duy trì, cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia "
                            + "TCVN ISO 9001:2015 tại các cơ quan hành chính nhà nước tỉnh Bắc Ninh", "2025-09-05", "2025-09-05", "24", null),
            new Law("349/KH-UBND", "PLAN", "UBND huyện Điện Biên",
                    "Kế hoạch triển khai xây dựng, áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại "
                            + "UBND các xã thuộc huyện Điện Biên", "2018-03-16", "2018-03-16", "11", null),
            new Law("537/QĐ-BDT", "DECISION", "Ban Dân tộc tỉnh Thái Nguyên",
                    "Về việc công bố Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2008 tại Ban Dân tộc tỉnh",
                    "2016-12-30", "2016-12-30", "19", null),
            new Law("684/UBND-KSTTHC", "OFFICIAL_LETTER", "UBND tỉnh Thái Nguyên",
                    "Về việc lộ trình chuyển đổi áp dụng TCVN ISO 9001:2015", "2018-03-07", "2018-03-07", "19", null),
            // the legal bases of the demo's TTHCs
            new Law("28/2009/QH12", "LAW", "Quốc hội", "Luật Lý lịch tư pháp", "2009-06-17", "2010-07-01", null, null),
            new Law("60/2014/QH13", "LAW", "Quốc hội", "Luật Hộ tịch", "2014-11-20", "2016-01-01", null, null),
            new Law("08/2014/NĐ-CP", "DECREE", "Chính phủ",
                    "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học và Công nghệ", "2014-01-27", "2014-03-15", null, null),
            new Law("01/2021/NĐ-CP", "DECREE", "Chính phủ", "Về đăng ký doanh nghiệp", "2021-01-04", "2021-01-04", null, null),
            new Law("15/2021/NĐ-CP", "DECREE", "Chính phủ",
                    "Quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng", "2021-03-03", "2021-03-03", null, null));

    /** TTHCs of Bắc Giang (province 24, which the merged Bắc Ninh kept), localised with the province's suffix. */
    static final List<Tthc> TTHCS = List.of(
            new Tthc("2.001417.000.00.00.H24", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
                    "Lý lịch tư pháp", "PROVINCIAL", 10, "28/2009/QH12", "24"),
            new Tthc("1.001612.000.00.00.H24", "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
                    "Hoạt động khoa học và công nghệ", "PROVINCIAL", 15, "08/2014/NĐ-CP", "24"),
            new Tthc("2.000386.000.00.00.H24", "Đăng ký thành lập doanh nghiệp tư nhân",
                    "Thành lập và hoạt động của doanh nghiệp", "PROVINCIAL", 3, "01/2021/NĐ-CP", "24"),
            new Tthc("1.009972.000.00.00.H24", "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II",
                    "Hoạt động xây dựng", "PROVINCIAL", 20, "15/2021/NĐ-CP", "24"),
            new Tthc("1.001193.000.00.00.H24", "Đăng ký khai sinh", "Hộ tịch", "COMMUNE", 1, "60/2014/QH13", "24"));

    private LegalRegister() {
    }

    /** The legal documents' ids by {@link Law#key()}: national ones by number. */
    static Map<String, String> ensureLaws(Demo demo) {
        Map<String, String> ids = new LinkedHashMap<>();
        // documents that guide another come after it
        List<Law> first = LAWS.stream().filter(l -> l.guides() == null).toList();
        List<Law> then = LAWS.stream().filter(l -> l.guides() != null).toList();
        for (List<Law> wave : List.of(first, then)) {
            List<String> got = demo.map(wave, l -> ensureLaw(demo, l));
            for (int i = 0; i < wave.size(); i++) {
                ids.put(wave.get(i).key(), got.get(i));
            }
        }
        return ids;
    }

    private static String ensureLaw(Demo demo, Law l) {
        String token = l.province() == null ? demo.national() : demo.admin(l.province());
        String existing = findLaw(demo, token, l);
        if (existing != null) {
            demo.count("legal documents", false);
            return existing;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", l.number());
        body.put("type", l.type());
        body.put("issuer", l.issuer());
        body.put("title", l.title());
        body.put("issuedDate", l.issued());
        body.put("effectiveDate", l.effective());
        body.put("provinceCode", l.province());
        if (l.guides() != null) {
            body.put("relations", List.of(Map.of("kind", "GUIDES", "targetNumber", l.guides())));
        }
        Rest.Answer a = demo.rest.post(demo.doc("/api/v1/legal-documents"), token, body, 201, 409);
        demo.count("legal documents", a.status() == 201);
        return a.status() == 201 ? a.body().path("id").asText() : findLaw(demo, token, l);
    }

    /** The document of that number in the same register (national, or the province's own). */
    private static String findLaw(Demo demo, String token, Law l) {
        JsonNode page = demo.rest.get(demo.doc("/api/v1/legal-documents" + Rest.query("q", l.number(), "size", 50)), token);
        for (JsonNode n : page.path("items")) {
            JsonNode province = n.path("provinceCode");
            String register = province.isNull() || province.isMissingNode() ? null : province.asText();
            if (l.number().equals(n.path("number").asText()) && Objects.equals(l.province(), register)) {
                return n.path("id").asText();
            }
        }
        return null;
    }

    /** The TTHCs by code. */
    static Map<String, Procedure> ensureTthcs(Demo demo, Map<String, String> laws) {
        List<Procedure> got = demo.map(TTHCS, t -> ensureTthc(demo, t, laws));
        Map<String, Procedure> byCode = new LinkedHashMap<>();
        got.forEach(p -> byCode.put(p.code(), p));
        return byCode;
    }

    private static Procedure ensureTthc(Demo demo, Tthc t, Map<String, String> laws) {
        String token = demo.admin(t.province());
        Procedure existing = findTthc(demo, token, t.code());
        if (existing != null) {
            demo.count("TTHCs", false);
            return existing;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", t.code());
        body.put("name", t.name());
        body.put("field", t.field());
        body.put("level", t.level());
        body.put("processingDays", t.days());
        body.put("legalBasisIds", List.of(laws.get(t.basis())));
        body.put("provinceCode", t.province());
        Rest.Answer a = demo.rest.post(demo.doc("/api/v1/administrative-procedures"), token, body, 201, 409);
        demo.count("TTHCs", a.status() == 201);
        return a.status() == 201 ? procedure(a.body()) : findTthc(demo, token, t.code());
    }

    private static Procedure findTthc(Demo demo, String token, String code) {
        JsonNode page = demo.rest.get(demo.doc("/api/v1/administrative-procedures" + Rest.query("q", code, "size", 50)), token);
        List<Procedure> found = new ArrayList<>();
        page.path("items").forEach(n -> {
            if (code.equals(n.path("code").asText())) {
                found.add(procedure(n));
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    private static Procedure procedure(JsonNode n) {
        return new Procedure(n.path("id").asText(), n.path("code").asText(), n.path("name").asText(), n.path("processingDays").asInt());
    }
}
