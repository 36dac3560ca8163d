package vn.govqms.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.govqms.local.JwtKeys;
import vn.govqms.local.VietnamTime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what. (1) Every operation of every service refuses a request without a token, with an expired token, with a
 * token signed by a key nobody trusts, and with one of another issuer or not issued for GovQMS (its audience): 401
 * problem+json. (2) A matrix of operations × callers (the national level,
 * two ministries, each role of an agency, an agency role without agency_id, the province's admin, and callers of another
 * agency and another province) must answer exactly as {@code authorization-matrix.csv} says; and no caller outside the
 * agency ever gets its data, whatever the table says. {@code -Dgovqms.authz.record=true} writes the observed table to {@code target/} for review.
 */
class AuthorizationMatrixIT {

    static final String P = "66";
    static final String OTHER_P = "67";
    static final AtomicInteger SEQ = new AtomicInteger();

    /** One operation of the matrix: where it goes and, for writes, a body (fresh for each call). */
    record Operation(String name, String service, String method, String path, Supplier<String> body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyOperationRefusesMissingExpiredAndForeignTokens() throws Exception {
        Api api = Api.get();
        PrivateKey stranger = JwtKeys.strangerKey();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("expired", api.stack().keys().sign("can.bo", List.of("province-admin"), null, P, Instant.now().minusSeconds(120),
                api.stack().keys().privateKey()));
        bad.put("foreign key", api.stack().keys().sign("can.bo", List.of("province-admin"), null, P, Instant.now().plusSeconds(3600),
                stranger));
        // the trusted key, but another issuer, or a token issued for another system (mp.jwt.verify.audiences=govqms)
        bad.put("another issuer", api.stack().keys().sign("can.bo", List.of("province-admin"), null, P, Instant.now().plusSeconds(3600),
                api.stack().keys().privateKey(), "https://sso.example.gov.vn/realms/other", JwtKeys.AUDIENCE));
        bad.put("another audience", api.stack().keys().sign("can.bo", List.of("province-admin"), null, P, Instant.now().plusSeconds(3600),
                api.stack().keys().privateKey(), api.stack().keys().issuer(), "dvc-portal"));
        bad.put("no audience", api.stack().keys().sign("can.bo", List.of("province-admin"), null, P, Instant.now().plusSeconds(3600),
                api.stack().keys().privateKey(), api.stack().keys().issuer(), null));
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (String service : BadInputIT.SERVICES) {
            String base = api.stack().service(service).baseUrl();
            JsonNode openapi = BadInputIT.openapi(http, base);
            JsonNode schemas = openapi.path("components").path("schemas");
            for (BadInputIT.Operation o : BadInputIT.operations(openapi)) {
                String path = BadInputIT.fill(o.template(), o.parameters(), Map.of(), null, null);
                JsonNode content = o.spec().path("requestBody").path("content");
                String contentType = content.isMissingNode() || content.isEmpty() ? null : content.fieldNames().next();
                String body = contentType == null ? null : contentType.equals("application/json")
                        ? BadInputIT.bodyFor(o.spec(), schemas) : "x";
                for (Map.Entry<String, String> caller : bad.entrySet()) {
                    HttpResponse<String> r = send(base + path, o.method(), caller.getValue(), contentType, body);
                    checked++;
                    if (r.statusCode() != 401 || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        wrong.add(r.statusCode() + " " + service + " " + o.method() + " " + o.template() + " (" + caller.getKey() + ")");
                    }
                }
            }
        }
        System.out.printf("e2e: %d operation × caller pairs without a valid token, %d not 401%n", checked, wrong.size());
        assertTrue(checked > 300, "operations found: " + checked);
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    @Test
    void theMatrixOfRolesAndScopesIsAsCheckedIn() throws Exception {
        Api api = Api.get();
        String agency = api.agency(P, "Sở Y tế tỉnh Đắk Lắk", "DEPARTMENT");
        String sibling = api.agency(P, "Sở Giáo dục và Đào tạo tỉnh Đắk Lắk", "DEPARTMENT");
        String stranger = api.agency(OTHER_P, "Sở Y tế tỉnh Lâm Đồng", "DEPARTMENT");
        String agencyCode = api.document(api.token("province-admin", null, P)).get("/api/v1/agencies/{id}", agency).then()
                .extract().path("code");
        String document = api.document(api.token("iso-officer", agency, P)).body("""
                {"agencyId":"%s","code":"QT-YT-01","title":"Quy trình cấp chứng chỉ hành nghề khám bệnh, chữa bệnh","type":"OPERATIONAL_PROCEDURE",
                 "content":{"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(agency)).post("/api/v1/documents").then().statusCode(201).extract().path("id");
        String issued = api.document(api.token("iso-officer", agency, P)).body("""
                {"agencyId":"%s","code":"QT-YT-02","title":"Quy trình cấp giấy phép hoạt động khám bệnh, chữa bệnh","type":"OPERATIONAL_PROCEDURE",
                 "content":{"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(agency)).post("/api/v1/documents").then().statusCode(201).extract().path("id");
        api.document(api.token("iso-officer", agency, P)).post("/api/v1/documents/{id}/versions/1/submit", issued).then().statusCode(200);
        api.document(api.token("agency-head", agency, P)).post("/api/v1/documents/{id}/versions/1/approve", issued).then().statusCode(200);
        api.document(api.token("agency-head", agency, P)).body("{}").post("/api/v1/documents/{id}/versions/1/issue", issued)
                .then().statusCode(200);

        // the levels above the province: two ministries, each a tenant of its own, and the national level
        String national = api.token("national-admin", null, null);
        String ministryA = api.ministry(national, "Bộ Y tế", "000.00.00.G%02d".formatted(40 + SEQ.incrementAndGet() % 50));
        String ministryB = api.ministry(national, "Bộ Giáo dục và Đào tạo", "000.00.00.G%02d".formatted(40 + SEQ.incrementAndGet() % 50));
        String unitOfA = api.ministryUnit(ministryA, "Cục Quản lý Khám, chữa bệnh");
        String decree = api.legalDocument(P, """
                {"number":"%d/2023/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Quy định chi tiết Luật Khám bệnh, chữa bệnh",
                 "issuedDate":"2023-12-31","effectiveDate":"2024-01-01"}""".formatted(1000 + SEQ.incrementAndGet()));
        String otherProvincesOwn = api.legalDocument(OTHER_P, """
                {"number":"%d/QĐ-UBND","type":"DECISION","issuer":"UBND tỉnh Lâm Đồng","title":"Về công bố danh mục thủ tục hành chính",
                 "issuedDate":"2024-03-01","effectiveDate":"2024-03-01","provinceCode":"%s"}""".formatted(1000 + SEQ.incrementAndGet(), OTHER_P));

        // issue 15: a contact's trainings, a province's TTHC list decision, receipts and postings of the issued version
        String admin = api.token("province-admin", null, P);
        String contact = api.notification(admin).body("""
                {"agencyId":"%s","subject":"can.bo.iso.%d","name":"Trần Thị Hạnh","email":"hanh%d@soyte.daklak.gov.vn","roles":["ISO_OFFICER"]}"""
                .formatted(agency, SEQ.incrementAndGet(), SEQ.get())).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String tthc = api.document(admin).body("""
                {"code":"1.%06d.000.00.00.H%s","name":"Cấp giấy phép hoạt động đối với trạm y tế","field":"Khám bệnh, chữa bệnh",
                 "level":"PROVINCIAL","processingDays":10,"provinceCode":"%s"}""".formatted(SEQ.incrementAndGet() + 100_000 + (int) (Math.random() * 800_000), P, P))
                .post("/api/v1/administrative-procedures").then().statusCode(201).extract().path("id");
        Supplier<String> decision = () -> """
                {"provinceCode":"%s","number":"%d/QĐ-UBND","decisionDate":"%s","procedureIds":["%s"],"agencyIds":["%s"]}"""
                .formatted(P, 2000 + SEQ.incrementAndGet(), VietnamTime.today(), tthc, agency);
        String decided = api.document(admin).body(decision.get()).post("/api/v1/tthc-list-decisions").then().statusCode(201).extract().path("id");
        String viewerSubject = Api.subject("viewer", agency, P);
        api.document(api.token("iso-officer", agency, P)).body("""
                {"recipients":[{"kind":"PERSON","subject":"%s","name":"Nguyễn Thị Mai"}]}""".formatted(viewerSubject))
                .post("/api/v1/documents/{id}/versions/1/distribution", issued).then().statusCode(200);

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("national-admin", national);
        callers.put("ministry-admin", api.token("ministry-admin", ministryA, null));
        callers.put("ministry-admin-other-ministry", api.token("ministry-admin", ministryB, null));
        callers.put("province-admin", api.token("province-admin", null, P));
        callers.put("agency-head", api.token("agency-head", agency, P));
        callers.put("iso-officer", api.token("iso-officer", agency, P));
        callers.put("auditor", api.token("auditor", agency, P));
        callers.put("viewer", api.token("viewer", agency, P));
        callers.put("viewer-without-agency", api.token("viewer", null, P));
        callers.put("integration", api.token("integration", null, P));
        callers.put("iso-officer-other-agency", api.token("iso-officer", sibling, P));
        callers.put("province-admin-other-province", api.token("province-admin", null, OTHER_P));
        callers.put("agency-head-other-province", api.token("agency-head", stranger, OTHER_P));
        List<String> outsiders = List.of("ministry-admin", "ministry-admin-other-ministry", "viewer-without-agency",
                "iso-officer-other-agency", "province-admin-other-province", "agency-head-other-province");

        int year = VietnamTime.today().getYear();
        List<Operation> operations = List.of(
                get("document: read the agency", "document-service", "/api/v1/agencies/" + agency),
                get("document: read a draft document", "document-service", "/api/v1/documents/" + document),
                get("document: read an issued document", "document-service", "/api/v1/documents/" + issued),
                get("document: list the agency's documents", "document-service", "/api/v1/documents?agencyId=" + agency),
                new Operation("document: draft a document", "document-service", "POST", "/api/v1/documents", () -> """
                        {"agencyId":"%s","code":"QT-YT-%d","title":"Quy trình cấp giấy phép hoạt động","type":"OPERATIONAL_PROCEDURE",
                         "content":{"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Văn phòng","durationDays":1}]}}"""
                        .formatted(agency, 100 + SEQ.incrementAndGet())),
                get("document: list the agency's review tasks", "document-service", "/api/v1/review-tasks?agencyId=" + agency),
                get("document: read a document's history", "document-service",
                        "/api/v1/audit-trail?resourceType=document&resourceId=" + document),
                get("document: read the agency's lineage", "document-service", "/api/v1/agencies/" + agency + "/lineage"),
                get("audit: read the agency", "audit-service", "/api/v1/agencies/" + agency),
                get("audit: list the agency's audits", "audit-service", "/api/v1/audits?agencyId=" + agency),
                get("audit: list the agency's corrective actions", "audit-service", "/api/v1/corrective-actions?agencyId=" + agency),
                get("audit: list the agency's activity plans", "audit-service", "/api/v1/activity-plans?agencyId=" + agency),
                get("scoring: read the agency's indicators", "scoring-service", "/api/v1/agencies/" + agency + "/indicators"),
                get("scoring: read the agency's live score", "scoring-service", "/api/v1/agencies/" + agency + "/score"),
                get("scoring: read the agency's KPIs", "scoring-service", "/api/v1/kpis?agencyId=" + agency),
                get("scoring: list the agency's objectives", "scoring-service", "/api/v1/quality-objectives?agencyId=" + agency),
                new Operation("scoring: set an objective", "scoring-service", "POST", "/api/v1/quality-objectives", () -> """
                        {"agencyId":"%s","year":%d,"title":"Mục tiêu %d","kpi":"INTERNAL_AUDITS_HELD","comparison":"AT_LEAST","target":1}"""
                        .formatted(agency, year, SEQ.incrementAndGet())),
                get("scoring: read the province's ranking", "scoring-service", "/api/v1/rankings?source=LIVE&year=" + year),
                new Operation("scoring: send dossier events", "scoring-service", "POST", "/api/v1/dossier-events", () -> """
                        {"items":[{"dossierCode":"%s-260105-%04d","agencyId":"%s","tthcCode":"1.001612.000.00.00.H66","channel":"ONLINE",
                          "status":"RECEIVED","occurredAt":"%d-01-05T08:00:00+07:00","dueAt":"%d-01-10T17:00:00+07:00"}]}"""
                        .formatted(agencyCode, SEQ.incrementAndGet(), agency, year, year)),
                get("notification: list the agency's contacts", "notification-service", "/api/v1/contacts?agencyId=" + agency),
                new Operation("notification: add a contact", "notification-service", "POST", "/api/v1/contacts", () -> """
                        {"agencyId":"%s","subject":"can.bo.%d","name":"Nguyễn Văn Thắng","email":"thang%d@soyte.daklak.gov.vn","roles":["UNIT_LEAD"]}"""
                        .formatted(agency, SEQ.incrementAndGet(), SEQ.get())),
                get("notification: read the agency's notifications", "notification-service", "/api/v1/notifications?agencyId=" + agency),
                get("notification: list webhooks", "notification-service", "/api/v1/webhooks"),
                // across levels: national registers, another province's register, the ministries' subtrees
                new Operation("document: amend a national decree", "document-service", "POST", "/api/v1/legal-documents", () -> """
                        {"number":"%d/2024/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi Nghị định về khám bệnh, chữa bệnh",
                         "issuedDate":"2024-06-01","effectiveDate":"2024-07-01","relations":[{"kind":"AMENDS","targetId":"%s"}]}"""
                        .formatted(5000 + SEQ.incrementAndGet(), decree)),
                new Operation("document: amend another province's decision", "document-service", "POST", "/api/v1/legal-documents", () -> """
                        {"number":"%d/QĐ-UBND","type":"DECISION","issuer":"UBND tỉnh Đắk Lắk","title":"Sửa đổi quyết định công bố thủ tục hành chính",
                         "issuedDate":"2024-06-01","effectiveDate":"2024-07-01","provinceCode":"%s","relations":[{"kind":"AMENDS","targetId":"%s"}]}"""
                        .formatted(5000 + SEQ.incrementAndGet(), P, otherProvincesOwn)),
                get("document: read a ministry's unit", "document-service", "/api/v1/agencies/" + unitOfA),
                get("document: list a ministry unit's documents", "document-service", "/api/v1/documents?agencyId=" + unitOfA),
                new Operation("document: register a unit under a ministry", "document-service", "POST", "/api/v1/agencies", () -> """
                        {"code":"000.%02d.%02d.G%02d","name":"Vụ Pháp chế","level":"MINISTRY_UNIT","provinceCode":"00","parentId":"%s"}"""
                        .formatted(SEQ.incrementAndGet() % 100, 60 + SEQ.get() % 30, SEQ.get() % 90, ministryA)),
                get("scoring: read the national progress", "scoring-service", "/api/v1/rankings/national/progress?year=" + year),
                get("audit: list the ministry reports' missing provinces", "audit-service",
                        "/api/v1/reports/ministry-report/missing?year=" + year),
                get("document: read the national overdue reviews", "document-service", "/api/v1/review-tasks/overdue-by-province"),
                // issue 15
                get("notification: list a contact's trainings", "notification-service", "/api/v1/contacts/" + contact + "/trainings"),
                get("notification: read a contact's training status", "notification-service", "/api/v1/contacts/" + contact + "/trainings/status"),
                new Operation("notification: record a contact's training", "notification-service", "POST", "/api/v1/contacts/" + contact + "/trainings",
                        () -> """
                        {"title":"Đào tạo nhận thức TCVN ISO 9001:2015 (khóa %d)","trainedOn":"%s","certificateNumber":"%d/CN-TĐC",
                         "certificateIssuer":"Chi cục Tiêu chuẩn Đo lường Chất lượng"}""".formatted(SEQ.incrementAndGet(), VietnamTime.today(), SEQ.get())),
                get("notification: read the province's ISO officer training share", "notification-service", "/api/v1/iso-officer-training?provinceCode=" + P),
                new Operation("document: record a TTHC list decision", "document-service", "POST", "/api/v1/tthc-list-decisions", decision),
                get("document: read a TTHC list decision", "document-service", "/api/v1/tthc-list-decisions/" + decided),
                get("document: list the agency's TTHC list updates", "document-service", "/api/v1/tthc-list-updates?agencyId=" + agency),
                new Operation("document: record a posting of the issued version", "document-service", "POST",
                        "/api/v1/documents/" + issued + "/versions/1/postings", () -> """
                        {"channel":"NOTICE_BOARD","postedOn":"%s","place":"Bộ phận Tiếp nhận và Trả kết quả, quầy %d"}"""
                        .formatted(VietnamTime.today(), SEQ.incrementAndGet())),
                get("document: list the document's postings", "document-service", "/api/v1/documents/" + issued + "/postings"),
                get("document: list the document's distribution", "document-service", "/api/v1/documents/" + issued + "/distribution"),
                new Operation("document: sign for receipt as the viewer it was distributed to", "document-service", "POST",
                        "/api/v1/documents/" + issued + "/versions/1/acknowledgements", () -> """
                        {"recipient":{"kind":"PERSON","subject":"%s"}}""".formatted(viewerSubject)));

        Map<String, Map<String, Integer>> observed = new LinkedHashMap<>();
        List<String> leaks = new ArrayList<>();
        for (Operation op : operations) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                String body = op.body() == null ? null : op.body().get();
                HttpResponse<String> r = send(api.stack().service(op.service()).baseUrl() + op.path(), op.method(), caller.getValue(),
                        body == null ? null : "application/json", body);
                row.put(caller.getKey(), r.statusCode());
                if (r.statusCode() >= 400) {
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                            op.name() + " / " + caller.getKey() + ": " + r.statusCode() + " without problem+json");
                }
                // whatever the table says: no one outside the agency reads its data
                if (outsiders.contains(caller.getKey()) && r.statusCode() < 300
                        && (r.body().contains(agency) || r.body().contains(document) || r.body().contains(issued)) && op.method().equals("GET")) {
                    leaks.add(op.name() + " / " + caller.getKey() + ": " + r.statusCode());
                }
            }
            observed.put(op.name(), row);
        }
        String table = table(callers.keySet(), observed);
        Path written = Path.of("target/authorization-matrix.csv");
        Files.writeString(written, table);
        assertTrue(leaks.isEmpty(), () -> "callers outside the agency got its data: " + leaks);
        if (Boolean.getBoolean("govqms.authz.record")) {
            System.out.println("e2e: the observed matrix is in " + written.toAbsolutePath() + "\n" + table);
            return;
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/authorization-matrix.csv")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(expected.strip(), table.strip(), "the observed matrix (target/authorization-matrix.csv) differs from the checked-in one");
        System.out.printf("e2e: %d operations × %d callers answered as the checked-in matrix says%n", operations.size(), callers.size());
    }

    static Operation get(String name, String service, String path) {
        return new Operation(name, service, "GET", path, null);
    }

    static String table(Iterable<String> callers, Map<String, Map<String, Integer>> observed) {
        StringBuilder b = new StringBuilder("operation");
        callers.forEach(c -> b.append(',').append(c));
        b.append('\n');
        observed.forEach((op, row) -> {
            b.append(op);
            row.values().forEach(status -> b.append(',').append(status));
            b.append('\n');
        });
        return b.toString();
    }

    private HttpResponse<String> send(String url, String method, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method.equals("PUT") || method.equals("DELETE")) {
            b.header("If-Match", "\"0\"");
        }
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
