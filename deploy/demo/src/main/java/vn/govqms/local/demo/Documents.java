package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Controlled documents of an agency's QMS, taken through their lifecycle the way an agency does it: the
 * ISO officer drafts and submits, the head approves and issues. A load resumes a document where an
 * earlier one left it.
 */
final class Documents {

    /** A procedure step: name, responsible unit, working days. */
    record Step(String name, String unit, String days) {
    }

    /**
     * A document to have issued from {@code effective}; {@code nextRevisionInReview}: a second revision
     * submitted for approval, not yet approved.
     */
    record Spec(String code, String title, String type, String unit, String purpose, List<String> legalBases, String tthcCode,
                List<Step> steps, List<String> records, List<String> forms, String effective, boolean nextRevisionInReview) {

        Spec withNextRevisionInReview() {
            return new Spec(code, title, type, unit, purpose, legalBases, tthcCode, steps, records, forms, effective, true);
        }
    }

    private Documents() {
    }

    /** A quality manual, policy or objectives: no steps. */
    static Spec plain(String code, String title, String type, String unit, String purpose, List<String> bases, String effective) {
        return new Spec(code, title, type, unit, purpose, bases, null, List.of(), List.of(title + " đã ban hành"), List.of(), effective,
                false);
    }

    /** An operational or system procedure with the usual four steps and {@code days} working days of handling. */
    static Spec procedure(String code, String title, String type, String unit, List<String> bases, int days, String effective) {
        String what = lower(title.replaceFirst("^Quy trình ", ""));
        List<Step> steps = List.of(
                new Step("Tiếp nhận yêu cầu, văn bản, hồ sơ liên quan đến " + what, unit, "0.5"),
                new Step("Nghiên cứu, xử lý, dự thảo kết quả", unit, Integer.toString(Math.max(1, days - 2))),
                new Step("Trình lãnh đạo xem xét, phê duyệt", "Lãnh đạo cơ quan", "1"),
                new Step("Phát hành kết quả, lưu hồ sơ", "Văn phòng", "0.5"));
        return new Spec(code, title, type, unit, "Quy định trình tự, trách nhiệm " + what + ".", bases, null, steps,
                List.of("Hồ sơ " + what), List.of("BM-" + code.replace("QT-", "") + "-01: Phiếu theo dõi xử lý công việc"), effective, false);
    }

    /** A TTHC procedure: steps that fit the TTHC's legal processing time. */
    static Spec tthc(String code, LegalRegister.Procedure p, String unit, List<String> bases, String effective) {
        BigDecimal days = BigDecimal.valueOf(p.days());
        BigDecimal handling = days.subtract(new BigDecimal("1.5")).max(new BigDecimal("0.25"));
        List<Step> steps = p.days() <= 1
                ? List.of(new Step("Tiếp nhận hồ sơ, kiểm tra tính hợp lệ", "Bộ phận Một cửa", "0.25"),
                        new Step("Thẩm định, trình ký", unit, "0.5"),
                        new Step("Trả kết quả cho công dân", "Bộ phận Một cửa", "0.25"))
                : List.of(new Step("Tiếp nhận hồ sơ, kiểm tra tính hợp lệ, chuyển phòng chuyên môn", "Bộ phận Một cửa", "0.5"),
                        new Step("Thẩm định hồ sơ, dự thảo kết quả", unit, handling.toPlainString()),
                        new Step("Lãnh đạo xem xét, ký duyệt", "Lãnh đạo cơ quan", "0.5"),
                        new Step("Vào sổ, đóng dấu, chuyển kết quả về Bộ phận Một cửa", "Văn phòng", "0.25"),
                        new Step("Trả kết quả cho tổ chức, cá nhân", "Bộ phận Một cửa", "0.25"));
        return new Spec(code, "Quy trình " + lower(p.name()), "TTHC_PROCEDURE", unit,
                "Quy định trình tự, thời gian giải quyết thủ tục " + lower(p.name()) + " theo cơ chế một cửa.", bases, p.code(), steps,
                List.of("Hồ sơ đề nghị của tổ chức, cá nhân", "Phiếu kiểm soát quá trình giải quyết hồ sơ", "Kết quả giải quyết TTHC"),
                List.of("Mẫu đơn, tờ khai theo quy định", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"), effective, false);
    }

    /** Each document of {@code specs} issued (and a next revision submitted where asked); returns their ids by code. */
    static Map<String, String> ensure(Demo demo, Agencies.Agency agency, String agencyName, List<Spec> specs, Map<String, String> laws) {
        String officer = demo.official("iso-officer", agency);
        String head = demo.official("agency-head", agency);
        Map<String, JsonNode> existing = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode p = demo.rest.get(demo.doc("/api/v1/documents" + Rest.query("agencyId", agency.id(), "size", 200, "page", page)), officer);
            p.path("items").forEach(n -> existing.put(n.path("code").asText(), n));
            if ((long) (page + 1) * 200 >= p.path("total").asLong()) {
                break;
            }
        }
        List<String> done = demo.map(specs, s -> {
            JsonNode d = existing.get(s.code());
            if (d == null) {
                d = demo.rest.post(demo.doc("/api/v1/documents"), officer, body(agency, agencyName, s, laws), 201).body();
                demo.count("controlled documents", true);
            } else {
                demo.count("controlled documents", false);
            }
            return advance(demo, d, s, officer, head);
        });
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            out.put(specs.get(i).code(), done.get(i));
        }
        return out;
    }

    /** Moves the document on from where it stands: draft → in review → approved → issued (→ next revision in review); its id. */
    private static String advance(Demo demo, JsonNode doc, Spec s, String officer, String head) {
        String id = doc.path("id").asText();
        String base = demo.doc("/api/v1/documents/" + id + "/versions/");
        int revision = doc.path("latest").path("revision").asInt();
        String status = doc.path("latest").path("status").asText();
        int wanted = s.nextRevisionInReview() ? 2 : 1;
        while (true) {
            if (revision < wanted && status.equals("ISSUED")) {
                revision = demo.rest.post(demo.doc("/api/v1/documents/" + id + "/versions"), officer, null, 201).body().path("revision").asInt();
                status = "DRAFT";
            }
            String next = switch (status) {
                case "DRAFT" -> "submit";
                case "IN_REVIEW" -> revision == 1 ? "approve" : null;
                case "APPROVED" -> "issue";
                default -> null;
            };
            if (next == null) {
                break;
            }
            String token = next.equals("submit") ? officer : head;
            Object body = next.equals("issue") ? Map.of("effectiveDate", s.effective()) : null;
            status = demo.rest.post(base + revision + "/" + next, token, body, 200).body().path("status").asText();
        }
        return id;
    }

    private static Map<String, Object> body(Agencies.Agency agency, String agencyName, Spec s, Map<String, String> laws) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("purpose", s.purpose());
        content.put("scope", "Áp dụng tại " + agencyName + ".");
        content.put("legalBasisIds", s.legalBases().stream().map(n -> require(laws, n)).toList());
        content.put("tthcCode", s.tthcCode());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < s.steps().size(); i++) {
            Step st = s.steps().get(i);
            steps.add(Map.of("order", i + 1, "name", st.name(), "responsibleUnit", st.unit(), "durationDays", new BigDecimal(st.days())));
        }
        content.put("steps", steps);
        content.put("records", s.records().stream().map(r -> Map.of("name", r, "place", s.unit(), "retention", "05 năm")).toList());
        content.put("forms", s.forms());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agency.id());
        body.put("code", s.code());
        body.put("title", s.title());
        body.put("type", s.type());
        body.put("owningUnit", s.unit());
        body.put("content", content);
        return body;
    }

    private static String require(Map<String, String> laws, String number) {
        String id = laws.get(number);
        if (id == null) {
            throw new IllegalStateException("legal document " + number + " is not in the demo register");
        }
        return id;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
