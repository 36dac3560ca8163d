package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.local.demo.Agencies.Agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 001: Ninh Bình's 40 agencies that must apply the QMS, converted to TCVN ISO 9001:2015 under plan
 * 58/KH-UBND (2019-2020), and the 2021 inspection approved by Decision 1113/QĐ-UBND: from 8 November to 3
 * December 2021 the team of the Department of Science and Technology led by its deputy director Hoàng
 * Trọng Lễ checked 22 agencies on site and 18 through their records and reports, against Article 36 of
 * Circular 26/2014/TT-BKHCN; every agency met the standard and kept up the four maintenance contents.
 */
final class NinhBinh {

    static final String PROVINCE = "37";
    static final int YEAR = 2021;
    static final String CAMPAIGN = "Kế hoạch kiểm tra việc xây dựng, áp dụng, duy trì, cải tiến và chuyển đổi HTQLCL theo Tiêu chuẩn quốc gia "
            + "TCVN ISO 9001 tại các cơ quan hành chính nhà nước tỉnh Ninh Bình năm 2021";

    /** Departments checked through their records and reports; every other department and district on site. */
    private static final Set<String> BY_RECORDS = Set.of("KHCN", "TT", "KCN", "DL", "GTVT");

    record Unit(String key, String code, String name, String level, String parent) {
    }

    static final List<Unit> UNITS = units();

    /**
     * The inspection team's agency, as the seed names it: the Department of Science and Technology, led by its deputy
     * director. The department is itself inspected (through its records): audit-service plans that inspection without a
     * lead, and the province names another, a member of the steering committee from the Office of the People's Committee.
     */
    static final String TEAM_AGENCY = "KHCN";

    /** The agency of the lead of the department's own inspection. */
    static final String OWN_INSPECTION_LEAD_AGENCY = "VP";

    private NinhBinh() {
    }

    static void load(Demo demo) {
        List<String> registered = new ArrayList<>();
        Map<String, String> codeOf = new HashMap<>();
        UNITS.forEach(u -> codeOf.put(u.key(), u.code()));
        List<Agencies.Spec> specs = new ArrayList<>();
        for (Unit u : UNITS) {
            Agencies.Spec s = new Agencies.Spec(u.code(), u.name(), u.level());
            specs.add(u.parent() == null ? s : s.under(codeOf.get(u.parent())));
        }
        Map<String, Agency> agencies = Agencies.ensure(demo, PROVINCE, specs, registered);
        Agencies.awaitKnown(demo, PROVINCE, registered);
        Contacts.forAgencies(demo, demo.admin(PROVINCE), PROVINCE, agencies.values());

        // converted to TCVN ISO 9001:2015 and announced again in 2019-2020 (plan 58/KH-UBND)
        demo.each(UNITS, u -> {
            Agency a = agencies.get(u.code());
            if ("ANNOUNCED".equals(a.qmsStatus())) {
                demo.count("QMS announcements", false);
                return;
            }
            int i = UNITS.indexOf(u);
            String date = LocalDate.of(2019, 9, 16).plusDays(i * 9L).toString();
            String issuer = u.level().equals("DISTRICT") ? "UBND" : BacGiang.initials(u.name());
            Announcements.post(demo, a, u.name(), (30 + 11 * i) + "/QĐ-" + issuer, date, "ISO_9001_2015");
        });
        Agency team = agencies.get(codeOf.get(TEAM_AGENCY));
        demo.note("Ninh Bình 2021", agencies.get(UNITS.get(10).code()));
        inspect(demo, agencies, team, agencies.get(codeOf.get(OWN_INSPECTION_LEAD_AGENCY)));
    }

    /**
     * The campaign, approved by Decision 1113/QĐ-UBND, led by the department's deputy director; the department's own
     * inspection given another lead; each agency's inspection carried out, reported and confirmed.
     */
    private static void inspect(Demo demo, Map<String, Agency> agencies, Agency team, Agency office) {
        String admin = demo.admin(PROVINCE);
        String leadToken = demo.official("auditor", team);
        String lead = Tokens.subjectOf(leadToken);
        JsonNode campaign = null;
        JsonNode list = demo.rest.get(demo.audit("/api/v1/inspection-campaigns" + Rest.query("year", YEAR)), admin);
        if (list.path("items").size() > 0) {
            campaign = demo.rest.get(demo.audit("/api/v1/inspection-campaigns/" + list.path("items").get(0).path("id").asText()), admin);
            demo.count("inspection campaigns", false);
        } else {
            List<Map<String, Object>> members = new ArrayList<>();
            for (Unit u : UNITS) {
                String mode = BY_RECORDS.contains(u.key()) || u.level().equals("SUB_DEPARTMENT") ? "RECORDS" : "ON_SITE";
                members.add(Map.of("agencyId", agencies.get(u.code()).id(), "mode", mode));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("provinceCode", PROVINCE);
            body.put("year", YEAR);
            body.put("title", CAMPAIGN);
            body.put("periodStart", "2021-11-08");
            body.put("periodEnd", "2021-12-03");
            body.put("team", List.of(
                    Map.of("subject", lead, "fullName", "Hoàng Trọng Lễ", "agencyId", team.id(),
                            "unit", "Phó Giám đốc Sở Khoa học và Công nghệ, Trưởng đoàn kiểm tra", "role", "LEAD"),
                    Map.of("subject", "pham.thi.thu@skhcn.ninhbinh.gov.vn", "fullName", "Phạm Thị Thu", "agencyId", team.id(),
                            "unit", "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng", "role", "MEMBER"),
                    Map.of("subject", "dinh.van.hoa@skhcn.ninhbinh.gov.vn", "fullName", "Đinh Văn Hòa", "agencyId", team.id(),
                            "unit", "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng", "role", "MEMBER")));
            body.put("agencies", members);
            campaign = demo.rest.post(demo.audit("/api/v1/inspection-campaigns"), admin, body, 201).body();
            demo.count("inspection campaigns", true);
        }
        String id = campaign.path("id").asText();
        if (campaign.path("status").asText().equals("DRAFT")) {
            campaign = demo.rest.post(demo.audit("/api/v1/inspection-campaigns/" + id + "/approval"), admin,
                    Map.of("decisionNumber", "1113/QĐ-UBND", "decisionDate", "2021-10-11"), 200).body();
        }
        String leadOf = campaign.path("team").get(0).path("subject").asText();
        if (!leadOf.equals(lead)) {
            throw new IllegalStateException("the 2021 campaign of Ninh Bình is led by " + leadOf + ", but the auditor token is " + lead);
        }
        // the department's own inspection: its staff inspect every other agency, not their own; the province names a lead
        // from the Office of the People's Committee (a member of the steering committee), who checks its records
        String ownLeadToken = demo.official("auditor", office);
        String ownLead = Tokens.subjectOf(ownLeadToken);
        List<JsonNode> members = new ArrayList<>();
        campaign.path("agencies").forEach(members::add);
        for (JsonNode m : members) {
            if (m.path("agencyId").asText().equals(team.id()) && m.path("leadAuditor").isNull()) {
                String url = demo.audit("/api/v1/audits/" + m.path("auditId").asText());
                JsonNode audit = demo.rest.get(url, admin);
                demo.rest.put(url + "/team", admin, Map.of("team", List.of(Map.of("subject", ownLead, "fullName", "Trần Văn Lâm",
                        "agencyId", office.id(), "unit", "Phó Chánh Văn phòng UBND tỉnh, thành viên Ban Chỉ đạo ISO tỉnh", "role", "LEAD"))),
                        String.valueOf(audit.path("version").asLong()), 200);
                demo.count("own inspection's lead named", true);
            }
        }
        demo.each(members, m -> carryOut(demo, m, m.path("agencyId").asText().equals(team.id()) ? ownLeadToken : leadToken, admin,
                UNITS.indexOf(UNITS.stream().filter(u -> agencies.get(u.code()).id().equals(m.path("agencyId").asText())).findFirst()
                        .orElseThrow())));
    }

    /** One inspection from where it stands: started, Article 36 list answered, reported by the lead, confirmed by the head. */
    private static void carryOut(Demo demo, JsonNode member, String leadToken, String admin, int index) {
        String auditId = member.path("auditId").asText();
        String agencyId = member.path("agencyId").asText();
        String status = member.path("auditStatus").asText();
        String url = demo.audit("/api/v1/audits/" + auditId);
        demo.count("inspections carried out", !status.equals("CLOSED"));
        JsonNode audit = null;
        if (status.equals("PLANNED")) {
            audit = demo.rest.post(url + "/start", admin, null, 200).body();
            status = audit.path("status").asText();
        }
        boolean onSite = member.path("mode").asText().equals("ON_SITE");
        // the report names one weakness the seed found in several agencies: rotated staff not trained on ISO yet
        boolean rotated = index % 5 == 2;
        if (status.equals("IN_PROGRESS")) {
            // the Article 36 list (audit-service's checklist for inspections), as the start answered it or as it stands
            List<Integer> open = new ArrayList<>();
            for (JsonNode item : (audit != null ? audit : demo.rest.get(url, leadToken)).path("checklist")) {
                if (item.path("answer").isMissingNode() || item.path("answer").isNull()) {
                    open.add(item.path("no").asInt());
                }
            }
            for (int no : open) {
                boolean note = rotated && no == 2;
                demo.rest.put(url + "/checklist/" + no + "/answer", leadToken, Map.of(
                        "answer", note ? "OBSERVATION" : "CONFORMING",
                        "evidence", note ? "Cán bộ mới được luân chuyển làm công tác ISO chưa được đào tạo kiến thức về ISO"
                                : onSite ? "Kiểm tra trực tiếp tại trụ sở, đối chiếu hồ sơ và phỏng vấn cán bộ phụ trách"
                                : "Đối chiếu hồ sơ, báo cáo cơ quan gửi Đoàn kiểm tra"), null, 200);
            }
            // the minutes are dated the last day the team was on the inspection
            String minutes = (audit != null ? audit : demo.rest.get(url, leadToken)).path("plannedEnd").asText();
            demo.rest.post(url + "/report", leadToken, Map.of("minutesDate", minutes, "conclusion", "Hệ thống tài liệu phù hợp với Tiêu chuẩn quốc gia TCVN ISO "
                    + "9001:2015, mô hình khung do Bộ KH&CN công bố và các yêu cầu pháp luật liên quan; cơ quan thực hiện tốt 04 nội dung duy "
                    + "trì, cải tiến HTQLCL (kế hoạch hoạt động, rà soát quy trình theo TTHC và VBQPPL, đánh giá nội bộ, xem xét của lãnh đạo)."
                    + (rotated ? " Lưu ý: bố trí đào tạo ISO cho cán bộ mới được luân chuyển." : "")), 200);
            status = "REPORTED";
        }
        if (status.equals("REPORTED")) {
            demo.rest.post(url + "/confirmation", demo.official("agency-head", PROVINCE, agencyId),
                    Map.of("note", "Thống nhất với kết quả kiểm tra của Đoàn kiểm tra Sở Khoa học và Công nghệ."), 200);
        }
    }

    private static List<Unit> units() {
        List<Unit> u = new ArrayList<>();
        String[][] departments = {
                {"VP", "Văn phòng UBND tỉnh Ninh Bình"}, {"NV", "Sở Nội vụ tỉnh Ninh Bình"}, {"TP", "Sở Tư pháp tỉnh Ninh Bình"},
                {"KHĐT", "Sở Kế hoạch và Đầu tư tỉnh Ninh Bình"}, {"TC", "Sở Tài chính tỉnh Ninh Bình"},
                {"CT", "Sở Công Thương tỉnh Ninh Bình"}, {"NN", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Ninh Bình"},
                {"GTVT", "Sở Giao thông vận tải tỉnh Ninh Bình"}, {"XD", "Sở Xây dựng tỉnh Ninh Bình"},
                {"TNMT", "Sở Tài nguyên và Môi trường tỉnh Ninh Bình"}, {"TTTT", "Sở Thông tin và Truyền thông tỉnh Ninh Bình"},
                {"LĐTBXH", "Sở Lao động - Thương binh và Xã hội tỉnh Ninh Bình"}, {"VHTT", "Sở Văn hóa và Thể thao tỉnh Ninh Bình"},
                {"DL", "Sở Du lịch tỉnh Ninh Bình"}, {"KHCN", "Sở Khoa học và Công nghệ tỉnh Ninh Bình"},
                {"GDĐT", "Sở Giáo dục và Đào tạo tỉnh Ninh Bình"}, {"YT", "Sở Y tế tỉnh Ninh Bình"}, {"TT", "Thanh tra tỉnh Ninh Bình"},
                {"KCN", "Ban Quản lý các khu công nghiệp tỉnh Ninh Bình"}};
        for (int i = 0; i < departments.length; i++) {
            u.add(new Unit(departments[i][0], code(0, i + 1), departments[i][1], "DEPARTMENT", null));
        }
        String[] districts = {"UBND thành phố Ninh Bình", "UBND thành phố Tam Điệp", "UBND huyện Nho Quan", "UBND huyện Gia Viễn",
                "UBND huyện Hoa Lư", "UBND huyện Yên Khánh", "UBND huyện Kim Sơn", "UBND huyện Yên Mô"};
        for (int i = 0; i < districts.length; i++) {
            u.add(new Unit("H" + (i + 1), code(0, 31 + i), districts[i], "DISTRICT", null));
        }
        String[][] subDepartments = {
                {"Chi cục Tiêu chuẩn Đo lường Chất lượng", "KHCN"}, {"Chi cục Kiểm lâm", "NN"}, {"Chi cục Thủy lợi", "NN"},
                {"Chi cục Trồng trọt và Bảo vệ thực vật", "NN"}, {"Chi cục Chăn nuôi và Thú y", "NN"},
                {"Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản", "NN"}, {"Chi cục Phát triển nông thôn", "NN"},
                {"Chi cục Bảo vệ môi trường", "TNMT"}, {"Chi cục Quản lý đất đai", "TNMT"}, {"Chi cục Dân số - Kế hoạch hóa gia đình", "YT"},
                {"Chi cục An toàn vệ sinh thực phẩm", "YT"}, {"Chi cục Văn thư - Lưu trữ", "NV"}, {"Ban Thi đua - Khen thưởng", "NV"}};
        Map<String, Integer> perParent = new HashMap<>();
        for (int i = 0; i < subDepartments.length; i++) {
            String parent = subDepartments[i][1];
            int parentNo = 1 + Arrays.asList(departments).stream().map(d -> d[0]).toList().indexOf(parent);
            u.add(new Unit("CC" + (i + 1), code(perParent.merge(parent, 1, Integer::sum) + 1, parentNo),
                    subDepartments[i][0] + " tỉnh Ninh Bình", "SUB_DEPARTMENT", parent));
        }
        return List.copyOf(u);
    }

    private static String code(int sub, int no) {
        return String.format("000.%02d.%02d.H%s", sub, no, PROVINCE);
    }
}
