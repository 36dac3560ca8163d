package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.local.demo.Agencies.Agency;
import vn.govqms.local.demo.LegalRegister.Procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seed 004: the 48 agencies of Bắc Giang that must apply the QMS (2015), 45 of which announced it by May
 * 2015; the province's criteria set and the 2014 official scores of 43 agencies (6 very good, 14 good,
 * 19 fair, 4 average); the TTHCs some of them handle with their procedures. Then the 2025
 * reorganisation as it happened: Bắc Giang (24) and Bắc Ninh (27, a few of its departments: {@link BacNinh})
 * became the new Bắc Ninh on 1 July 2025, which kept code 24 (a province merger, recorded nationally), and
 * the agencies of both merged into the new province's; then the first year of the merged province's
 * one-stop shop: dossiers, some late, and quality objectives.
 */
final class BacGiang {

    static final String PROVINCE = "24";
    static final String MERGED_ON = "2025-07-01";
    static final String CRITERIA_2014 = "Bộ tiêu chí đánh giá việc xây dựng, áp dụng HTQLCL theo TCVN ISO 9001:2008 của các cơ quan tỉnh Bắc Giang";
    static final String CRITERIA_2025 = "Bộ tiêu chí đánh giá việc duy trì, cải tiến HTQLCL theo TCVN ISO 9001:2015 của các cơ quan tỉnh Bắc Ninh";

    /**
     * An agency of 2015: its key, number in its code, name, level, parent's key, the Bắc Ninh agency that
     * continues it, its 2014 official score (null: not scored) and the date it announced its QMS (null: not yet).
     */
    record Unit(String key, String code, String name, String level, String parent, String successor, Integer score2014,
                String announced) {
    }

    /** An agency of the merged province (from 1 July 2025). */
    record Successor(String key, String code, String name, String level) {
    }

    static final List<Unit> UNITS = units();
    static final List<Successor> SUCCESSORS = successors();

    /** The TTHC each department handled, its procedure's code, and the unit that handles it. */
    record Handled(String unit, String tthc, String docCode, String division) {
    }

    static final List<Handled> HANDLED = List.of(
            new Handled("TP", "2.001417.000.00.00.H24", "QT-TP-01", "Phòng Hành chính tư pháp"),
            new Handled("KHCN", "1.001612.000.00.00.H24", "QT-KHCN-01", "Phòng Quản lý khoa học"),
            new Handled("KHĐT", "2.000386.000.00.00.H24", "QT-KHĐT-01", "Phòng Đăng ký kinh doanh"),
            new Handled("XD", "1.009972.000.00.00.H24", "QT-XD-01", "Phòng Quản lý hoạt động xây dựng"));

    static final String KHAI_SINH = "1.001193.000.00.00.H24";

    /** One-stop-shop load of the first year after the merger: successor, TTHC, dossiers, share resolved late. */
    record Flow(String successor, String tthc, int dossiers, double late) {
    }

    static final List<Flow> FLOWS = List.of(
            new Flow("TP", "2.001417.000.00.00.H24", 1100, 0.02),
            new Flow("TC", "2.000386.000.00.00.H24", 700, 0.04),
            new Flow("KHCN", "1.001612.000.00.00.H24", 40, 0.05),
            new Flow("XD", "1.009972.000.00.00.H24", 160, 0.14),
            new Flow("P-BG", KHAI_SINH, 420, 0.01),
            new Flow("X-LN", KHAI_SINH, 260, 0.06),
            new Flow("X-SĐ", KHAI_SINH, 150, 0.09));

    private BacGiang() {
    }

    static void load(Demo demo, Map<String, String> laws, Map<String, Procedure> tthcs) {
        List<String> registered = new ArrayList<>();
        List<Agencies.Spec> specs = new ArrayList<>();
        Map<String, Unit> byKey = UNITS.stream().collect(Collectors.toMap(Unit::key, u -> u));
        for (Unit u : UNITS) {
            Agencies.Spec s = new Agencies.Spec(u.code(), u.name(), u.level());
            specs.add(u.parent() == null ? s : s.under(byKey.get(u.parent()).code()));
        }
        Map<String, Agency> agencies = Agencies.ensure(demo, PROVINCE, specs, registered);
        Agencies.awaitKnown(demo, PROVINCE, registered);
        Contacts.forAgencies(demo, demo.admin(PROVINCE), PROVINCE, agencies.values());
        Map<String, Agency> byUnit = new LinkedHashMap<>();
        UNITS.forEach(u -> byUnit.put(u.key(), agencies.get(u.code())));

        // the years before the merger, for agencies that have not ended: a later load finds them merged, with
        // their documents and TTHCs at their successors
        demo.each(HANDLED, h -> handledAndProcedure(demo, byUnit.get(h.unit()), name(h.unit()), h, tthcs.get(h.tthc()), laws));
        announce(demo, byUnit);
        String set2014 = Criteria.ensure(demo, PROVINCE, CRITERIA_2014, 2014, Criteria.bacGiang2014());
        Criteria.ensure(demo, PROVINCE, CRITERIA_2025, 2025, Criteria.bacNinh2025());
        assess2014(demo, byUnit, set2014);

        // the former Bắc Ninh's departments, registered while their province stands; then the provinces merge
        BacNinh.load(demo);
        Provinces.ensure(demo, Provinces.BAC_NINH);
        Map<String, Agency> successors = merge(demo);
        demo.note("Bắc Giang 2015", byUnit.get("KHCN"));
        demo.note("Bắc Ninh 2025", successors.get("XD"));
        afterMerger(demo, successors, tthcs, laws);
    }

    static String name(String key) {
        return UNITS.stream().filter(u -> u.key().equals(key)).findFirst().orElseThrow().name();
    }

    // ---- before the merger

    private static void handledAndProcedure(Demo demo, Agency agency, String agencyName, Handled h, Procedure tthc, Map<String, String> laws) {
        if (agency.ended()) {
            demo.count("TTHCs published for agencies", false);
            demo.count("controlled documents", false);
            return;
        }
        handle(demo, agency, tthc, "2021-07-01");
        String basis = LegalRegister.TTHCS.stream().filter(t -> t.code().equals(tthc.code())).findFirst().orElseThrow().basis();
        Documents.ensure(demo, agency, agencyName, List.of(Documents.tthc(h.docCode(), tthc, h.division(), List.of(basis), "2021-07-15")), laws);
    }

    /** The province publishes the TTHCs an agency handles (before it announces: new TTHCs in an announced scope call for re-announcement). */
    static void handle(Demo demo, Agency agency, Procedure tthc, String since) {
        String url = demo.doc("/api/v1/agencies/" + agency.id() + "/administrative-procedures");
        JsonNode handled = demo.rest.get(url, demo.admin(agency.province()));
        List<String> ids = new ArrayList<>();
        handled.forEach(n -> ids.add(n.path("procedureId").asText()));
        if (ids.contains(tthc.id())) {
            demo.count("TTHCs published for agencies", false);
            return;
        }
        ids.add(tthc.id());
        demo.rest.put(url, demo.admin(agency.province()), Map.of("procedureIds", ids, "since", since), null);
        demo.count("TTHCs published for agencies", true);
    }

    /**
     * 40 of 48 had built their QMS by April 2015, 45 had announced it by May; the other 3 apply it, not announced yet
     * (built by the end of May 2015: their progress is dated, so scoring's figures as of a date follow the article).
     */
    private static void announce(Demo demo, Map<String, Agency> byUnit) {
        demo.each(UNITS, u -> {
            Agency a = byUnit.get(u.key());
            if (a.ended() || "ANNOUNCED".equals(a.qmsStatus())) {
                demo.count(u.announced() == null ? "QMS progress records" : "QMS announcements", false);
                return;
            }
            if (u.announced() == null) {
                if ("APPLYING".equals(a.qmsStatus())) {
                    demo.count("QMS progress records", false);
                } else {
                    demo.rest.put(demo.doc("/api/v1/agencies/" + a.id() + "/qms"), demo.official("iso-officer", a),
                            Map.of("status", "APPLYING", "standardEdition", "ISO_9001_2008", "effectiveDate", "2015-05-25"), a.etag());
                    demo.count("QMS progress records", true);
                }
                return;
            }
            Announcements.post(demo, a, u.name(), decision(u), u.announced(), "ISO_9001_2008");
        });
    }

    private static String decision(Unit u) {
        int n = 10 + 7 * UNITS.indexOf(u);
        String issuer = u.level().equals("DISTRICT") ? "UBND" : initials(u.name());
        return n + "/QĐ-" + issuer;
    }

    static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.replaceAll(" (tỉnh|thành phố) .*$", "").split("[ ,\\-]+")) {
            if (!w.isEmpty() && !w.equals("và")) {
                b.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return b.toString();
    }

    /** The steering committee scored 43 agencies for 2014 with the criteria set (official assessments, finalised). */
    private static void assess2014(Demo demo, Map<String, Agency> byUnit, String setId) {
        String admin = demo.admin(PROVINCE);
        Map<String, JsonNode> existing = new HashMap<>();
        JsonNode page = demo.rest.get(demo.scoring("/api/v1/assessments" + Rest.query("year", 2014, "kind", "OFFICIAL", "size", 200)), admin);
        page.path("items").forEach(n -> {
            if (setId.equals(n.path("criteriaSetId").asText())) {
                existing.put(n.path("agencyId").asText(), n);
            }
        });
        List<Unit> scored = UNITS.stream().filter(u -> u.score2014() != null).toList();
        demo.each(scored, u -> {
            Agency a = byUnit.get(u.key());
            JsonNode found = existing.get(a.id());
            String status = found == null ? null : found.path("status").asText();
            demo.count("official assessments 2014", found == null);
            if ("FINALISED".equals(status)) {
                return;
            }
            String id;
            String etag;
            if (found == null) {
                Rest.Answer created = demo.rest.post(demo.scoring("/api/v1/assessments"), admin,
                        Map.of("agencyId", a.id(), "year", 2014, "kind", "OFFICIAL", "criteriaSetId", setId), 201);
                id = created.body().path("id").asText();
                etag = created.etag();
                status = "DRAFT";
            } else {
                id = found.path("id").asText();
                etag = demo.rest.call("GET", demo.scoring("/api/v1/assessments/" + id), admin, null, null, 200).etag();
            }
            if (status.equals("DRAFT")) {
                demo.rest.put(demo.scoring("/api/v1/assessments/" + id + "/items"), admin, Criteria.scores2014(u.score2014(), u.name()), etag);
                demo.rest.post(demo.scoring("/api/v1/assessments/" + id + "/submit"), admin, null, 200);
            }
            demo.rest.post(demo.scoring("/api/v1/assessments/" + id + "/finalise"), admin, null, 200);
        });
    }

    // ---- the merger of 1 July 2025

    /**
     * The agencies of the merged province are established from 1 July 2025 (and their people listed), then
     * each continues the agencies of Bắc Giang and of the former Bắc Ninh mapped to it: the merged province's
     * steering committee merges them (sources in either former province, the successor in 24);
     * document-service ends those, moves their documents, TTHCs and history, and keeps the successor links.
     */
    private static Map<String, Agency> merge(Demo demo) {
        List<String> registered = new ArrayList<>();
        List<Agencies.Spec> specs = SUCCESSORS.stream()
                .map(s -> new Agencies.Spec(s.code(), s.name(), s.level(), null, MERGED_ON, null)).toList();
        Map<String, Agency> established = Agencies.ensure(demo, PROVINCE, specs, registered);
        Agencies.awaitKnown(demo, PROVINCE, registered);
        Contacts.forAgencies(demo, demo.admin(PROVINCE), PROVINCE, established.values());
        Map<String, Agency> now = new HashMap<>(Agencies.inProvince(demo, PROVINCE));
        now.putAll(Agencies.inProvince(demo, BacNinh.PROVINCE));
        Map<String, List<String>> sourceCodes = new HashMap<>();
        UNITS.forEach(u -> sourceCodes.computeIfAbsent(u.successor(), k -> new ArrayList<>()).add(u.code()));
        BacNinh.UNITS.forEach(u -> sourceCodes.computeIfAbsent(u.successor(), k -> new ArrayList<>()).add(u.code()));
        demo.each(SUCCESSORS, s -> {
            List<Agency> sources = sourceCodes.get(s.key()).stream().map(now::get).filter(a -> !a.ended()).toList();
            if (!sources.isEmpty()) {
                demo.rest.post(demo.doc("/api/v1/agencies/merges"), demo.admin(PROVINCE), Map.of(
                        "sourceAgencyIds", sources.stream().map(Agency::id).toList(),
                        "successorId", established.get(s.code()).id(),
                        "effectiveDate", MERGED_ON), 200);
            }
            demo.count("mergers (1 July 2025)", !sources.isEmpty());
        });
        Map<String, Agency> all = Agencies.inProvince(demo, PROVINCE);
        Map<String, Agency> out = new LinkedHashMap<>();
        SUCCESSORS.forEach(s -> out.put(s.key(), all.get(s.code())));
        return out;
    }

    /** The merged province's first year: communes register births, two departments re-announced, dossiers, objectives. */
    private static void afterMerger(Demo demo, Map<String, Agency> successors, Map<String, Procedure> tthcs, Map<String, String> laws) {
        Procedure khaiSinh = tthcs.get(KHAI_SINH);
        List<Successor> communes = SUCCESSORS.stream().filter(s -> !s.level().equals("DEPARTMENT")).toList();
        demo.each(communes, s -> {
            Agency a = successors.get(s.key());
            handle(demo, a, khaiSinh, MERGED_ON);
            Documents.ensure(demo, a, s.name(), List.of(Documents.tthc("QT-HT-01", khaiSinh, "Công chức Tư pháp - Hộ tịch",
                    List.of("60/2014/QH13"), MERGED_ON)), laws);
        });
        // the scope changed with the merger: two departments re-announced by the end of 2025, the others owe it
        Map<String, String[]> reannounced = Map.of("KHCN", new String[] {"215/QĐ-SKHCN", "2025-09-15"},
                "TP", new String[] {"342/QĐ-STP", "2025-10-20"});
        demo.each(reannounced.entrySet(), e -> {
            Agency a = successors.get(e.getKey());
            if (a.qmsStatus() != null && a.qmsStatus().equals("ANNOUNCED")) {
                demo.count("QMS announcements", false);
                return;
            }
            Announcements.post(demo, a, a.name(), e.getValue()[0], e.getValue()[1], "ISO_9001_2015");
        });
        Dossiers.load(demo, PROVINCE, FLOWS.stream().map(f -> new Dossiers.Flow(successors.get(f.successor()).code(),
                f.tthc(), tthcs.get(f.tthc()).days(), f.dossiers(), f.late())).toList(), LocalDate.parse(MERGED_ON), LocalDate.parse("2026-06-30"));
        Objectives.ensure(demo, successors.get("XD"), 2026, "Tỷ lệ hồ sơ cấp giấy phép xây dựng giải quyết đúng hạn đạt từ 95% trở lên", 95);
        Objectives.ensure(demo, successors.get("TP"), 2026, "Tỷ lệ hồ sơ cấp Phiếu lý lịch tư pháp giải quyết đúng hạn đạt từ 98% trở lên", 98);
    }

    // ---- the world of 2015 and of 2025

    private static List<Unit> units() {
        List<Unit> u = new ArrayList<>();
        String[][] departments = {
                // key, name, successor, 2014 score, announced
                {"VP", "Văn phòng UBND tỉnh Bắc Giang", "VP", "86"},
                {"NV", "Sở Nội vụ tỉnh Bắc Giang", "NV", "93"},
                {"TP", "Sở Tư pháp tỉnh Bắc Giang", "TP", "88"},
                {"KHĐT", "Sở Kế hoạch và Đầu tư tỉnh Bắc Giang", "TC", "95"},
                {"TC", "Sở Tài chính tỉnh Bắc Giang", "TC", "84"},
                {"CT", "Sở Công Thương tỉnh Bắc Giang", "CT", "78"},
                {"NN", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Giang", "NNMT", "82"},
                {"GTVT", "Sở Giao thông vận tải tỉnh Bắc Giang", "XD", "74"},
                {"XD", "Sở Xây dựng tỉnh Bắc Giang", "XD", "72"},
                {"TNMT", "Sở Tài nguyên và Môi trường tỉnh Bắc Giang", "NNMT", "76"},
                {"TTTT", "Sở Thông tin và Truyền thông tỉnh Bắc Giang", "KHCN", "85"},
                {"LĐTBXH", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang", "NV", "77"},
                {"VHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Giang", "VHTTDL", "73"},
                {"KHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Giang", "KHCN", "96"},
                {"GDĐT", "Sở Giáo dục và Đào tạo tỉnh Bắc Giang", "GDĐT", "83"},
                {"YT", "Sở Y tế tỉnh Bắc Giang", "YT", "75"},
                {"TT", "Thanh tra tỉnh Bắc Giang", "TT", null},
                {"BDT", "Ban Dân tộc tỉnh Bắc Giang", "DTTG", "66"},
                {"KCN", "Ban Quản lý các khu công nghiệp tỉnh Bắc Giang", "KCN", null}};
        for (int i = 0; i < departments.length; i++) {
            String[] d = departments[i];
            u.add(new Unit(d[0], code(0, i + 1), d[1], "DEPARTMENT", null, d[2], score(d[3]), null));
        }
        String[][] districts = {
                {"H-BG", "UBND thành phố Bắc Giang", "P-BG", "87"},
                {"H-LG", "UBND huyện Lạng Giang", "X-LG", "79"},
                {"H-YD", "UBND huyện Yên Dũng", "P-YD", "81"},
                {"H-VY", "UBND huyện Việt Yên", "P-VY", "84"},
                {"H-HH", "UBND huyện Hiệp Hòa", "X-HH", "76"},
                {"H-TY", "UBND huyện Tân Yên", "X-TY", "72"},
                {"H-YT", "UBND huyện Yên Thế", "X-YT", "64"},
                {"H-LNam", "UBND huyện Lục Nam", "X-LNam", "71"},
                {"H-LN", "UBND huyện Lục Ngạn", "X-LN", "58"},
                {"H-SĐ", "UBND huyện Sơn Động", "X-SĐ", null}};
        for (int i = 0; i < districts.length; i++) {
            String[] d = districts[i];
            u.add(new Unit(d[0], code(0, 31 + i), d[1], "DISTRICT", null, d[2], score(d[3]), null));
        }
        String[][] subDepartments = {
                {"TĐC", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "KHCN", "94"},
                {"KL", "Chi cục Kiểm lâm", "NN", "92"},
                {"TL", "Chi cục Thủy lợi", "NN", "91"},
                {"BVTV", "Chi cục Trồng trọt và Bảo vệ thực vật", "NN", "83"},
                {"TY", "Chi cục Chăn nuôi và Thú y", "NN", "82"},
                {"QLCL", "Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản", "NN", "78"},
                {"PTNT", "Chi cục Phát triển nông thôn", "NN", "74"},
                {"BVMT", "Chi cục Bảo vệ môi trường", "TNMT", "86"},
                {"QLĐĐ", "Chi cục Quản lý đất đai", "TNMT", "73"},
                {"DS", "Chi cục Dân số - Kế hoạch hóa gia đình", "YT", "77"},
                {"ATTP", "Chi cục An toàn vệ sinh thực phẩm", "YT", "75"},
                {"VTLT", "Chi cục Văn thư - Lưu trữ", "NV", "81"},
                {"TĐKT", "Ban Thi đua - Khen thưởng", "NV", "85"},
                {"TG", "Ban Tôn giáo", "NV", "72"},
                {"PCTNXH", "Chi cục Phòng, chống tệ nạn xã hội", "LĐTBXH", null},
                {"GĐXD", "Chi cục Giám định xây dựng", "XD", null},
                {"TS", "Chi cục Thủy sản", "NN", "71"},
                {"ĐĐ", "Chi cục Đê điều và Phòng, chống lụt bão", "NN", "62"},
                {"QLTT", "Chi cục Quản lý thị trường", "CT", "76"}};
        Map<String, Integer> perParent = new HashMap<>();
        Map<String, String> deptSuccessor = new HashMap<>();
        Map<String, Integer> deptNo = new HashMap<>();
        for (int i = 0; i < departments.length; i++) {
            deptSuccessor.put(departments[i][0], departments[i][2]);
            deptNo.put(departments[i][0], i + 1);
        }
        for (String[] s : subDepartments) {
            int n = perParent.merge(s[2], 1, Integer::sum);
            String successor = s[0].equals("TG") ? "DTTG" : deptSuccessor.get(s[2]);
            u.add(new Unit(s[0], code(n, deptNo.get(s[2])), s[1] + " tỉnh Bắc Giang", "SUB_DEPARTMENT", s[2], successor, score(s[3]), null));
        }
        // 45 announced: 40 from January to April 2015, 5 in May; the three left apply it without announcing yet
        Set<String> notYet = Set.of("KCN", "H-SĐ", "PCTNXH");
        List<String> inMay = List.of("TT", "GĐXD", "BDT", "H-LN", "ĐĐ");
        List<Unit> dated = new ArrayList<>();
        int early = 0;
        for (Unit x : u) {
            String date = null;
            if (inMay.contains(x.key())) {
                date = LocalDate.of(2015, 5, 4 + 5 * inMay.indexOf(x.key())).toString();
            } else if (!notYet.contains(x.key())) {
                date = LocalDate.of(2015, 1, 12).plusDays(early++ * 27L / 10).toString();
            }
            dated.add(new Unit(x.key(), x.code(), x.name(), x.level(), x.parent(), x.successor(), x.score2014(), date));
        }
        return List.copyOf(dated);
    }

    private static List<Successor> successors() {
        String[][] departments = {
                {"VP", "Văn phòng UBND tỉnh Bắc Ninh"},
                {"NV", "Sở Nội vụ tỉnh Bắc Ninh"},
                {"TP", "Sở Tư pháp tỉnh Bắc Ninh"},
                {"TC", "Sở Tài chính tỉnh Bắc Ninh"},
                {"CT", "Sở Công Thương tỉnh Bắc Ninh"},
                {"NNMT", "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh"},
                {"XD", "Sở Xây dựng tỉnh Bắc Ninh"},
                {"VHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh"},
                {"KHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh"},
                {"GDĐT", "Sở Giáo dục và Đào tạo tỉnh Bắc Ninh"},
                {"YT", "Sở Y tế tỉnh Bắc Ninh"},
                {"TT", "Thanh tra tỉnh Bắc Ninh"},
                {"DTTG", "Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh"},
                {"KCN", "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh"}};
        List<Successor> s = new ArrayList<>();
        for (int i = 0; i < departments.length; i++) {
            s.add(new Successor(departments[i][0], code(0, 51 + i), departments[i][1], "DEPARTMENT"));
        }
        // the district level ended: each former district's centre is a ward or commune of the new province (illustrative)
        String[][] local = {
                {"P-BG", "UBND phường Bắc Giang", "WARD"},
                {"X-LG", "UBND xã Lạng Giang", "COMMUNE"},
                {"P-YD", "UBND phường Yên Dũng", "WARD"},
                {"P-VY", "UBND phường Việt Yên", "WARD"},
                {"X-HH", "UBND xã Hiệp Hòa", "COMMUNE"},
                {"X-TY", "UBND xã Tân Yên", "COMMUNE"},
                {"X-YT", "UBND xã Yên Thế", "COMMUNE"},
                {"X-LNam", "UBND xã Lục Nam", "COMMUNE"},
                {"X-LN", "UBND xã Lục Ngạn", "COMMUNE"},
                {"X-SĐ", "UBND xã Sơn Động", "COMMUNE"}};
        for (int i = 0; i < local.length; i++) {
            s.add(new Successor(local[i][0], code(0, 71 + i), local[i][1], local[i][2]));
        }
        return List.copyOf(s);
    }

    /** {@code 000.SS.NN.H24}: NN numbers a department or district, SS a sub-department within it. */
    private static String code(int sub, int no) {
        return String.format("000.%02d.%02d.H%s", sub, no, PROVINCE);
    }

    private static Integer score(String s) {
        return s == null ? null : Integer.valueOf(s);
    }
}
