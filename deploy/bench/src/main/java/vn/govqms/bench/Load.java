package vn.govqms.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

    /** What was loaded: the agencies, the decree the procedures cite (null when not loaded) and the sizes the measurements use. */
    record DataSet(List<Agency> agencies, String decree, int procedures, long dossierEvents) {
    }

    private final Harness b;

    Load(Harness b) {
        this.b = b;
    }

    /**
     * The national data set scaled by {@code scale}, only the parts the chosen measurements read: contacts and the
     * procedures through REST for the fan-out ({@code restProcedures} of them, -1 all, the rest by SQL; without the fan-out
     * all by SQL), the document table for the fan-out and the reads, the OFFICIAL assessments for the rankings.
     */
    DataSet dataSet(double scale, int restProceduresArg, boolean fanOut, boolean reads, boolean rankings) {
        Results results = b.results;
        int agencies = (int) Math.round(5_000 * scale);
        int procedures = (int) Math.round(40_000 * scale);
        int perAgency = Math.max(1, procedures / agencies);
        procedures = perAgency * agencies;
        int restProcedures = !fanOut ? 0 : restProceduresArg < 0 ? procedures : Math.min(procedures, restProceduresArg / agencies * agencies);
        int otherVersions = (int) Math.round(200_000 * scale) - procedures;
        int otherPerAgency = otherVersions / agencies;
        long dossierEvents = Math.round(1_000_000 * scale);

        long l0 = System.nanoTime();
        Map<String, JsonNode> sets = criteriaSets();
        List<Agency> list = agencies(agencies);
        double agencySeconds = (System.nanoTime() - l0) / 1e9;
        results.add(Results.Figure.of("load.agencies_per_s", "load", agencies + " agencies in 34 provinces registered through document-service REST (16 in flight)",
                agencies / agencySeconds, "agencies/s"));
        b.await("notification", "select count(*) from agency_directory where code like '%.88.H%'", agencies, Duration.ofMinutes(10));
        b.await("scoring", "select count(*) from agency_directory where code like '%.88.H%'", agencies, Duration.ofMinutes(10));
        results.data.put("provinces", 34);
        results.data.put("agencies", agencies);
        String decree = null;
        if (fanOut) {
            long c0 = System.nanoTime();
            contacts(list);
            results.add(Results.Figure.of("load.contacts_per_s", "load", 2 * agencies + " contacts (ISO officer + head per agency) through notification-service REST",
                    2 * agencies / ((System.nanoTime() - c0) / 1e9), "contacts/s"));
        }
        if (fanOut || reads) {
            decree = decree();
            if (restProcedures > 0) {
                long p0 = System.nanoTime();
                issuedProcedures(list, restProcedures, decree, 24);
                double procSeconds = (System.nanoTime() - p0) / 1e9;
                results.add(Results.Figure.of("load.procedures_per_s", "load", restProcedures + " procedures drafted, submitted, approved and issued "
                                + "through document-service REST (24 in flight, 4 calls each)", restProcedures / procSeconds, "procedures/s")
                        .note(String.format(Locale.ROOT, "the full 40,000 would take %.0f min at this rate", 40_000 / (restProcedures / procSeconds) / 60)));
            }
            if (restProcedures < procedures) {
                issuedProceduresBySql("%.88.H%", (procedures - restProcedures) / agencies, perAgency + 1, decree);
                results.note((procedures - restProcedures) + " of the " + procedures + " issued procedures citing the decree were written by SQL into "
                        + "document-service's tables (controlled_document, document_version ISSUED, document_version_legal_basis), "
                        + restProcedures + " through REST");
            }
            otherDocumentsBySql(otherPerAgency);
            results.data.put("document versions", b.db.count("document", "select count(*) from document_version"));
            results.data.put("issued procedures citing the decree", procedures);
            results.data.put("document versions by SQL (not citing the decree)", otherPerAgency * agencies);
            results.note((otherPerAgency * agencies) + " other issued document versions (system procedures, not citing the decree) were written by SQL "
                    + "into controlled_document and document_version: they give the reads and the fan-out's query a table of the data set's size");
        }
        if (fanOut) {
            results.data.put("contacts", 2 * agencies);
        }
        if (rankings) {
            officialAssessments(sets);
            results.note(agencies + " finalised OFFICIAL assessments (random scores, banded by each set's own band table as scoring-service "
                    + "returned it) were written by SQL into scoring-service's assessment table for the OFFICIAL ranking");
        }
        results.data.put("live scores", b.db.count("scoring", "select count(*) from live_score where year = " + Harness.YEAR));
        results.data.put("load seconds (without dossiers)", Math.round((System.nanoTime() - l0) / 1e9));
        Stream.of("document", "scoring", "notification").forEach(d -> b.db.update(d, "analyze"));
        // the measurements start once scoring-service has consumed the load's document.issued events (else the
        // fan-out's review events queue behind them)
        double settle = b.await("scoring", "select count(*) from published_document", restProcedures, Duration.ofMinutes(30));
        results.data.put("seconds scoring-service still needed for the load's events", Math.round(settle));
        return new DataSet(list, decree, procedures, dossierEvents);
    }

    /** The criteria set of each province, created and activated through scoring-service, as the service returned it, by province. */
    Map<String, JsonNode> criteriaSets() {
        Map<String, JsonNode> sets = new LinkedHashMap<>();
        for (var p : PROVINCES.entrySet()) {
            String admin = b.admin(p.getKey());
            JsonNode set = b.http.send("POST", b.scoring("/api/v1/criteria-sets"), admin, CRITERIA_SET.formatted(p.getKey(), p.getValue()), 201);
            b.http.send("POST", b.scoring("/api/v1/criteria-sets/" + set.path("id").asText() + "/activation"), admin, null, 200);
            sets.put(p.getKey(), set);
        }
        return sets;
    }

    /**
     * One finalised OFFICIAL assessment per agency with a random score, banded by its province's set's band table as
     * scoring-service stored it (the set's {@code bands}: the first from the top whose edge the score passes), by SQL:
     * the assessment workflow has no bulk path.
     */
    void officialAssessments(Map<String, JsonNode> sets) {
        StringBuilder bands = new StringBuilder();
        sets.forEach((p, set) -> {
            int ord = 0;
            for (JsonNode band : set.path("bands")) {
                bands.append(bands.isEmpty() ? "" : ",").append("('%s','%s'::uuid,%d,'%s','%s',%s,%s)".formatted(p, set.path("id").asText(), ord++,
                        band.path("code").asText(), band.path("label").asText().replace("'", "''"),
                        band.path("minScore").isNumber() ? band.path("minScore").asText() : "null::numeric",
                        band.path("minInclusive").isBoolean() ? band.path("minInclusive").asText() : "true"));
            }
        });
        b.db.update("scoring", """
                with band (p, set_id, ord, code, label, min_score, min_inclusive) as (values %s)
                insert into assessment (id, agency_id, province_code, year, kind, criteria_set_id, status, items, total_points, band, band_label,
                    lock_version, created_by, created_at, updated_at, finalised_at)
                select gen_random_uuid(), d.id, d.province_code, %d, 'OFFICIAL', s.set_id, 'FINALISED', '[]', sc.score, s.code, s.label,
                       3, 'bench', now(), now(), now()
                from agency_directory d
                cross join lateral (select round((30 + random() * 70)::numeric, 1) as score where d.id is not null) sc
                cross join lateral (select b.set_id, b.code, b.label from band b where b.p = d.province_code
                    and (b.min_score is null or sc.score > b.min_score or (sc.score = b.min_score and b.min_inclusive))
                    order by b.ord limit 1) s
                where d.code like '%%.88.H%%'""".formatted(bands, Harness.YEAR));
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
}
