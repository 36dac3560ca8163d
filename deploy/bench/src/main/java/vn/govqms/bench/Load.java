package vn.govqms.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The synthetic national data set, loaded through the services' REST APIs the way agencies and provinces create it
 * (bulk where the API has bulk). Only what the brief allows goes in by SQL, and the run says which.
 */
final class Load {

    /** The 34 provinces and cities from 1 July 2025: code and name. */
    static final Map<String, String> PROVINCES = new LinkedHashMap<>();

    static {
        String[] p = {"01", "Hà Nội", "04", "Cao Bằng", "08", "Tuyên Quang", "11", "Điện Biên", "12", "Lai Châu", "14", "Sơn La",
                "15", "Lào Cai", "19", "Thái Nguyên", "20", "Lạng Sơn", "22", "Quảng Ninh", "24", "Bắc Ninh", "25", "Phú Thọ",
                "31", "Hải Phòng", "33", "Hưng Yên", "37", "Ninh Bình", "38", "Thanh Hóa", "40", "Nghệ An", "42", "Hà Tĩnh",
                "44", "Quảng Trị", "46", "Huế", "48", "Đà Nẵng", "51", "Quảng Ngãi", "52", "Gia Lai", "56", "Khánh Hòa",
                "66", "Đắk Lắk", "68", "Lâm Đồng", "75", "Đồng Nai", "79", "Hồ Chí Minh", "80", "Tây Ninh", "82", "Đồng Tháp",
                "86", "Vĩnh Long", "91", "An Giang", "92", "Cần Thơ", "96", "Cà Mau"};
        for (int i = 0; i < p.length; i += 2) {
            PROVINCES.put(p[i], p[i + 1]);
        }
    }

    static final String CRITERIA_SET = """
            {"provinceCode":"%s","name":"Bộ tiêu chí đánh giá HTQLCL %s","appliesFromYear":2020,
             "groups":[{"code":"1","name":"Xây dựng và công bố HTQLCL","criteria":[
               {"code":"1.1","text":"Công bố HTQLCL phù hợp TCVN ISO 9001:2015","maxPoints":20,"method":"AUTOMATIC","indicator":"QMS_ANNOUNCED","rule":"ALL_OR_NOTHING"},
               {"code":"1.2","text":"Sổ tay chất lượng, chính sách và mục tiêu chất lượng","maxPoints":30,"method":"MANUAL"}]},
              {"code":"2","name":"Duy trì, cải tiến HTQLCL","criteria":[
               {"code":"2.1","text":"Rà soát quy trình ISO khi VBQPPL thay đổi","maxPoints":20,"method":"AUTOMATIC",
                "indicator":"PROCEDURE_REVIEWS_OVERDUE","rule":"DEDUCTION_PER_ITEM","pointsPerItem":5},
               {"code":"2.2","text":"Khắc phục điểm không phù hợp đúng hạn","maxPoints":30,"method":"AUTOMATIC",
                "indicator":"CORRECTIVE_ACTIONS_OVERDUE","rule":"DEDUCTION_PER_ITEM","pointsPerItem":10}]}]}""";

    /** An agency as loaded: id, electronic code, province. */
    record Agency(String id, String code, String province) {
    }

    private final Bench b;

    Load(Bench b) {
        this.b = b;
    }

    /** The criteria set of each province, created and activated through scoring-service; set ids by province. */
    Map<String, String> criteriaSets() {
        Map<String, String> sets = new LinkedHashMap<>();
        for (var p : PROVINCES.entrySet()) {
            String admin = b.admin(p.getKey());
            String id = b.http.send("POST", b.scoring("/api/v1/criteria-sets"), admin,
                    CRITERIA_SET.formatted(p.getKey(), p.getValue()), 201).path("id").asText();
            b.http.send("POST", b.scoring("/api/v1/criteria-sets/" + id + "/activation"), admin, null, 200);
            sets.put(p.getKey(), id);
        }
        return sets;
    }

    /** {@code n} communes, spread over the 34 provinces, registered in document-service (16 in flight). */
    List<Agency> agencies(int n) {
        List<String> codes = new ArrayList<>(PROVINCES.keySet());
        return Http.each(IntStream.range(0, n).boxed().toList(), 16, i -> {
            String province = codes.get(i % codes.size());
            int k = i / codes.size();
            String code = String.format("%03d.%02d.%02d.H%s", 100 + k / 100, k % 100, 88, province);
            String body = """
                    {"code":"%s","name":"UBND xã số %d tỉnh %s","level":"COMMUNE","provinceCode":"%s","validFrom":"2018-10-01"}"""
                    .formatted(code, k + 1, PROVINCES.get(province), province);
            return b.http.call("POST", b.doc("/api/v1/agencies"), b.admin(province), body, 201)
                    .thenApply(a -> new Agency(a.path("id").asText(), code, province));
        });
    }

    /** An ISO officer and a head per agency, through notification-service's contacts API (16 in flight). */
    void contacts(List<Agency> agencies) {
        List<String[]> work = new ArrayList<>();
        for (Agency a : agencies) {
            work.add(new String[] {a.id(), a.province(), "ISO_OFFICER", "iso-officer", "Cán bộ đầu mối ISO"});
            work.add(new String[] {a.id(), a.province(), "HEAD", "agency-head", "Chủ tịch UBND"});
        }
        Http.each(work, 16, w -> b.http.call("POST", b.notification("/api/v1/contacts"), b.admin(w[1]), """
                {"agencyId":"%s","subject":"%s@%s","name":"%s","email":"%s.%s@bench.govqms.vn","roles":["%s"]}"""
                .formatted(w[0], w[3], w[0], w[4], w[3], w[0], w[2]), 201));
    }

    /** The decree the procedures cite; its id. */
    String decree() {
        return b.http.send("POST", b.doc("/api/v1/legal-documents"), b.national(), """
                {"number":"61/2018/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                 "issuedDate":"2018-04-23","effectiveDate":"2018-06-21"}""", 201).path("id").asText();
    }

    /**
     * {@code perAgency} operational procedures per agency citing the decree, each drafted by the ISO officer, submitted,
     * approved and issued by the head through document-service (4 calls; {@code inFlight} procedures at once).
     * Returns the number issued.
     */
    int issuedProcedures(List<Agency> agencies, int count, String decree, int inFlight) {
        List<int[]> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            work.add(new int[] {i % agencies.size(), i / agencies.size()});
        }
        Http.each(work, inFlight, w -> {
            Agency a = agencies.get(w[0]);
            String officer = b.token("iso-officer", a);
            String head = b.token("agency-head", a);
            String body = """
                    {"agencyId":"%s","code":"QT-TTHC-%02d","title":"Quy trình giải quyết thủ tục hành chính số %d","type":"OPERATIONAL_PROCEDURE",
                     "content":{"legalBasisIds":["%s"],"steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":1},
                     {"order":2,"name":"Thẩm định, trình ký","responsibleUnit":"Văn phòng","durationDays":2},
                     {"order":3,"name":"Trả kết quả","responsibleUnit":"Bộ phận Một cửa","durationDays":0.5}]}}"""
                    .formatted(a.id(), w[1] + 1, w[1] + 1, decree);
            return b.http.call("POST", b.doc("/api/v1/documents"), officer, body, 201).thenCompose(d -> {
                String base = b.doc("/api/v1/documents/" + d.path("id").asText() + "/versions/1/");
                return b.http.call("POST", base + "submit", officer, null, 200)
                        .thenCompose(x -> b.http.call("POST", base + "approve", head, null, 200))
                        .thenCompose(x -> b.http.call("POST", base + "issue", head, "{}", 200));
            });
        });
        return count;
    }

    /**
     * Issued procedures citing the decree written by SQL into document-service's tables (the rows its issue path writes:
     * document, version, legal basis), for the part of the data set REST would take too long to load here.
     */
    void issuedProceduresBySql(String agencyPrefix, int perAgency, int fromIndex, String decree) {
        b.db.update("document", """
                insert into controlled_document (id, agency_id, code, title, search_text, type, current_revision, version, created_at, updated_at)
                select gen_random_uuid(), a.id, 'QT-SQL-' || n, 'Quy trình giải quyết thủ tục hành chính số ' || n,
                       'quy trinh giai quyet thu tuc hanh chinh so ' || n, 'OPERATIONAL_PROCEDURE', 1, 0, now(), now()
                from agency a cross join generate_series(%d, %d) n where a.code like '%%.88.H%%'""".formatted(fromIndex, fromIndex + perAgency - 1));
        b.db.update("document", """
                insert into document_version (id, document_id, revision, status, content, effective_date, issued_by, issued_at, version, created_at, updated_at)
                select gen_random_uuid(), d.id, 1, 'ISSUED', '{"legalBasisIds":["%s"],"steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}',
                       date '2019-01-01', 'bench', now(), 0, now(), now()
                from controlled_document d where d.code like 'QT-SQL-%%'""".formatted(decree));
        b.db.update("document", """
                insert into document_version_legal_basis (version_id, legal_document_id)
                select v.id, '%s' from document_version v join controlled_document d on d.id = v.document_id where d.code like 'QT-SQL-%%'"""
                .formatted(decree));
    }

    /** The other controlled documents (manuals, system procedures) of the agencies, not citing the decree, by SQL. */
    void otherDocumentsBySql(int perAgency) {
        if (perAgency <= 0) {
            return;
        }
        b.db.update("document", """
                insert into controlled_document (id, agency_id, code, title, search_text, type, current_revision, version, created_at, updated_at)
                select gen_random_uuid(), a.id, 'QT-HT-' || n, 'Quy trình nội bộ số ' || n, 'quy trinh noi bo so ' || n,
                       'SYSTEM_PROCEDURE', 1, 0, now(), now()
                from agency a cross join generate_series(1, %d) n where a.code like '%%.88.H%%'""".formatted(perAgency));
        b.db.update("document", """
                insert into document_version (id, document_id, revision, status, content, effective_date, issued_by, issued_at, version, created_at, updated_at)
                select gen_random_uuid(), d.id, 1, 'ISSUED', '{"purpose":"Quy định trình tự nội bộ.","steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Văn phòng","durationDays":1}]}',
                       date '2019-01-01', 'bench', now(), 0, now(), now()
                from controlled_document d where d.code like 'QT-HT-%%'""");
        b.db.update("document", "analyze");
    }

    /** Waits until {@code sql} in {@code database} counts at least {@code expected}; returns the seconds waited. */
    double await(String database, String sql, long expected, Duration timeout) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = b.db.count(database, sql);
            if (last >= expected) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Bench.pause(100);
        }
        throw new IllegalStateException(database + ": " + sql + " reached " + last + " of " + expected + " in " + timeout);
    }
}
