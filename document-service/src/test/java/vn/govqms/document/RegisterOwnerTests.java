package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Registers owned by who issues them: the national register of legal documents and the national TTHC catalogue are
 * national-admin's, a province's own documents and localised TTHCs its province-admin's; a document acts only on the
 * documents its issuer's authority reaches, and a number resolves within that authority.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class RegisterOwnerTests {


    @Inject
    ProvinceRegister provinces;

    static String number(String suffix) {
        return (int) (Math.random() * 900_000 + 1000) + suffix;
    }

    /** A body for a legal document; {@code province} null for a national one. */
    static String body(String number, String issuer, String province, String relations) {
        return """
                {"number":"%s","type":"DECISION","issuer":"%s","title":"Về việc áp dụng Hệ thống quản lý chất lượng",
                 "issuedDate":"2025-08-01","effectiveDate":"2025-08-15","provinceCode":%s,"relations":%s}"""
                .formatted(number, issuer, province == null ? "null" : "\"" + province + "\"", relations);
    }

    static String provincial(String province, String number, String relations) {
        return given().auth().oauth2(TestTokens.provinceAdmin(province)).contentType(ContentType.JSON)
                .body(body(number, "Ủy ban nhân dân tỉnh", province, relations)).post("/api/v1/legal-documents")
                .then().statusCode(201).body("provinceCode", equalTo(province)).extract().path("id");
    }

    static String amends(String target) {
        return "[{\"kind\":\"AMENDS\",\"targetNumber\":\"" + target + "\"}]";
    }

    static String amendsId(String targetId) {
        return "[{\"kind\":\"AMENDS\",\"targetId\":\"" + targetId + "\"}]";
    }

    static long tasksOf(String legalDocumentId) {
        return TestDb.count("document", "select count(*) from review_task where cause_id = '" + legalDocumentId + "'");
    }

    static long eventsAbout(String id) {
        return TestDb.count("document", "select count(*) from outbox where message_key = '" + id + "'");
    }

    static long registered(String number) {
        return TestDb.count("document", "select count(*) from legal_document where number = '" + number + "'");
    }

    @Test
    void aProvinceAdminAmendingANationalDecreeIsRefusedAndNoReviewTaskIsCreatedAnywhere() {
        String decreeNumber = number("/2016/NĐ-CP");
        String decree = ReviewTaskTests.legal(decreeNumber, "2016-07-01", "[]");
        String ninhBinh = ReviewTaskTests.agency("37", "Sở Khoa học và Công nghệ tỉnh Ninh Bình");
        String bacNinh = ReviewTaskTests.agency("24", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
        ReviewTaskTests.procedure(ninhBinh, "37", "OPERATIONAL_PROCEDURE", decree, null, true);
        ReviewTaskTests.procedure(bacNinh, "24", "OPERATIONAL_PROCEDURE", decree, null, true);
        long eventsBefore = eventsAbout(decree);
        String admin = TestTokens.provinceAdmin("37");

        // as a national document: the national register is national-admin's
        String national = number("/2025/NĐ-CP");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(national, "Chính phủ", null, amends(decreeNumber)))
                .post("/api/v1/legal-documents").then().spec(problem(403))
                .body("detail", containsString("national-admin"));
        // as the province's own document: a provincial document does not amend a national one
        String own = number("/QĐ-UBND");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(own, "UBND tỉnh Ninh Bình", "37", amends(decreeNumber)))
                .post("/api/v1/legal-documents").then().spec(problem(422, "relation-outside-authority")).body("field", equalTo("relations[0]"))
                .body("candidates[0].id", equalTo(decree)).body("detail", containsString("national"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(own, "UBND tỉnh Ninh Bình", "37", amendsId(decree)))
                .post("/api/v1/legal-documents").then().spec(problem(422, "relation-outside-authority"));
        // nor re-dates it
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"issuer":"Chính phủ","title":"Nghị định","issuedDate":"2016-05-01","effectiveDate":"2030-01-01"}""")
                .put("/api/v1/legal-documents/{id}", decree).then().spec(problem(403));

        assertEquals(0, tasksOf(decree), "no review task anywhere");
        assertEquals(0, registered(national) + registered(own), "nothing registered");
        assertEquals(eventsBefore, eventsAbout(decree), "nothing announced");
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/legal-documents/{id}", decree).then().statusCode(200)
                .body("version", equalTo(0)).body("effectiveDate", equalTo("2016-07-01")).body("relations", hasSize(0));

        // national-admin's replacing decree reaches both provinces' procedures, as before
        String replacing = number("/2025/NĐ-CP");
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON)
                .body(body(replacing, "Chính phủ", null, "[{\"kind\":\"REPLACES\",\"targetNumber\":\"" + decreeNumber + "\"}]"))
                .post("/api/v1/legal-documents").then().statusCode(201).body("relations[0].otherId", equalTo(decree));
        assertEquals(2, tasksOf(decree));
    }

    @Test
    void aProvinceActsOnlyOnItsOwnProvincesDocuments() {
        String theirs = number("/QĐ-UBND");
        String bacNinhDoc = provincial("24", theirs, "[]");
        String admin = TestTokens.provinceAdmin("37");
        String own = number("/QĐ-UBND");
        // by number: Ninh Bình's register has no such document, Bắc Ninh's has
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body(own, "UBND tỉnh Ninh Bình", "37", "[{\"kind\":\"REPEALS\",\"targetNumber\":\"" + theirs + "\"}]"))
                .post("/api/v1/legal-documents").then().spec(problem(422, "relation-outside-authority")).body("detail", containsString("province 24"))
                .body("candidates[0].provinceCode", equalTo("24"));
        // by id, just as well
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(own, "UBND tỉnh Ninh Bình", "37", amendsId(bacNinhDoc)))
                .post("/api/v1/legal-documents").then().spec(problem(422, "relation-outside-authority"));
        // writing in Bắc Ninh's register, or correcting its document
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(own, "UBND tỉnh Bắc Ninh", "24", amendsId(bacNinhDoc)))
                .post("/api/v1/legal-documents").then().spec(problem(403));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"issuer":"UBND tỉnh Bắc Ninh","title":"Quyết định","issuedDate":"2025-08-01","effectiveDate":"2025-09-01"}""")
                .put("/api/v1/legal-documents/{id}", bacNinhDoc).then().spec(problem(403));
        // national-admin does not write a province's register either
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"issuer":"UBND tỉnh Bắc Ninh","title":"Quyết định","issuedDate":"2025-08-01","effectiveDate":"2025-09-01"}""")
                .put("/api/v1/legal-documents/{id}", bacNinhDoc).then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON)
                .body(body(own, "UBND tỉnh Ninh Bình", "37", "[]")).post("/api/v1/legal-documents").then().statusCode(403);
        assertEquals(0, registered(own));
        assertEquals(0, tasksOf(bacNinhDoc));

        // Bắc Ninh amends its own; a Ninh Bình plan may guide a national decree
        String amending = provincial("24", number("/QĐ-UBND"), amends(theirs));
        given().auth().oauth2(TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), "37")).get("/api/v1/legal-documents/{id}", bacNinhDoc).then().statusCode(200)
                .body("relations[0].otherId", equalTo(amending)).body("status", equalTo("PARTLY_AMENDED"));
        String decreeNumber = number("/2018/NĐ-CP");
        String decree = ReviewTaskTests.legal(decreeNumber, "2018-06-21", "[]");
        String plan = provincial("37", number("/KH-UBND"), "[{\"kind\":\"GUIDES\",\"targetNumber\":\"" + decreeNumber + "\"}]");
        given().auth().oauth2(admin).get("/api/v1/legal-documents/{id}", plan).then().statusCode(200)
                .body("relations[0].otherId", equalTo(decree)).body("relations[0].kind", equalTo("GUIDES"));
    }

    @Test
    void twoProvincesEachHoldTheirOwn1113() {
        String number = "1113/QĐ-UBND";
        String ninhBinh = given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON).body("""
                {"number":"1113/QĐ-UBND","type":"DECISION","issuer":"UBND tỉnh Ninh Bình",
                 "title":"Phê duyệt Kế hoạch kiểm tra việc xây dựng, áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001 năm 2021",
                 "issuedDate":"2021-10-11","effectiveDate":"2021-10-11","provinceCode":"37"}""")
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
        String bacNinh = given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body("""
                {"number":"1113/QĐ-UBND","type":"DECISION","issuer":"UBND tỉnh Bắc Ninh",
                 "title":"Phê duyệt Kế hoạch cải cách hành chính năm 2025",
                 "issuedDate":"2025-08-20","effectiveDate":"2025-08-20","provinceCode":"24"}""")
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
        // unique within each register
        given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON)
                .body(body(number, "UBND tỉnh Ninh Bình", "37", "[]")).post("/api/v1/legal-documents")
                .then().spec(problem(409)).body("detail", containsString(ninhBinh));

        // Ninh Bình's number names Ninh Bình's document
        String amending = provincial("37", number("/QĐ-UBND"), amends(number));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).get("/api/v1/legal-documents/{id}", amending).then().statusCode(200)
                .body("relations[0].otherId", equalTo(ninhBinh));

        // lists: each province its own, national-admin both, anyone another province's when asked
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("q", number).queryParam("size", 200)
                .get("/api/v1/legal-documents").then().statusCode(200)
                .body("items.id", hasItem(ninhBinh)).body("items.id", not(hasItem(bacNinh)));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("q", number).queryParam("scope", "PROVINCE").queryParam("size", 200)
                .get("/api/v1/legal-documents").then().statusCode(200)
                .body("items.id", hasItem(ninhBinh)).body("items.id", hasItem(bacNinh)).body("items.provinceCode", everyItem(notNullValue()));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("q", number).queryParam("provinceCode", "24")
                .queryParam("scope", "PROVINCE").queryParam("size", 200).get("/api/v1/legal-documents").then().statusCode(200)
                .body("items.id", hasItem(bacNinh)).body("items.provinceCode", everyItem(equalTo("24")));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("q", number).queryParam("scope", "NATIONAL")
                .get("/api/v1/legal-documents").then().statusCode(200).body("items.id", not(hasItem(ninhBinh)));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("provinceCode", "Bắc Ninh")
                .get("/api/v1/legal-documents").then().spec(problem(400));
    }

    @Test
    void aNationalDocumentNamingANumberSeveralProvincesHoldIsAmbiguous() {
        String number = number("/QĐ-UBND");
        String ninhBinh = provincial("37", number, "[]");
        String bacNinh = provincial("24", number, "[]");
        String admin = TestTokens.nationalAdmin();
        String repealing = number("/2025/QĐ-TTg");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body(repealing, "Thủ tướng Chính phủ", null, "[{\"kind\":\"REPEALS\",\"targetNumber\":\"" + number + "\"}]"))
                .post("/api/v1/legal-documents").then().spec(problem(422, "ambiguous-reference")).body("field", equalTo("relations[0]"))
                .body("candidates", hasSize(2))
                .body("candidates.id", containsInAnyOrder(ninhBinh, bacNinh))
                .body("candidates.provinceCode", equalTo(List.of("24", "37")))
                .body("candidates.issuer", everyItem(equalTo("Ủy ban nhân dân tỉnh")))
                .body("candidates.title", everyItem(notNullValue()));
        assertEquals(0, registered(repealing));
        // named exactly, it acts on that one
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body(repealing, "Thủ tướng Chính phủ", null, "[{\"kind\":\"REPEALS\",\"targetId\":\"" + ninhBinh + "\"}]"))
                .post("/api/v1/legal-documents").then().statusCode(201).body("relations[0].otherId", equalTo(ninhBinh));

        // a number only one province holds names that one; a national document of that number comes first
        String single = number("/QĐ-UBND");
        String thaiNguyen = provincial("19", single, "[]");
        String guiding = number("/2025/TT-BKHCN");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(guiding, "Bộ Khoa học và Công nghệ", null,
                        "[{\"kind\":\"GUIDES\",\"targetNumber\":\"" + single + "\"}]"))
                .post("/api/v1/legal-documents").then().statusCode(201).body("relations[0].otherId", equalTo(thaiNguyen));
        String nationalOfSameNumber = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body(number, "Bộ Khoa học và Công nghệ", null, "[]")).post("/api/v1/legal-documents")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(number("/2025/TT-BKHCN"), "Bộ Khoa học và Công nghệ", null,
                        amends(number)))
                .post("/api/v1/legal-documents").then().statusCode(201).body("relations[0].otherId", equalTo(nationalOfSameNumber));
    }

    static final String TTHC = """
            {"code":"%s","name":"Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ","field":"Hoạt động khoa học và công nghệ",
             "level":"PROVINCIAL","processingDays":15,"provinceCode":%s,"legalBasisIds":%s}""";

    /**
     * A national procedure and Bắc Giang's localised one, registered once for this class; the refusals asked before they
     * existed are kept by name (the answers to the same requests once the codes are taken could differ).
     */
    record Catalogue(String national, String nationalId, String localisedId, Map<String, Response> answers) {
    }

    private static Catalogue catalogue;

    static synchronized Catalogue catalogue() {
        if (catalogue != null) {
            return catalogue;
        }
        String national = String.format("1.%06d", (int) (Math.random() * 999_999));
        String localised = national + ".000.00.00.H24";
        String bacNinh = TestTokens.provinceAdmin("24");
        String nationalAdmin = TestTokens.nationalAdmin();
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("province-admin registers a national procedure", create(bacNinh, national, "null", "[]"));
        answers.put("a national code with a province", create(bacNinh, national, "\"24\"", "[]"));
        answers.put("a localised code without a province", create(nationalAdmin, localised, "null", "[]"));
        String provincialDoc = provincial("24", number("/QĐ-UBND"), "[]");
        answers.put("a national procedure on a provincial document", create(nationalAdmin, national, "null", "[\"" + provincialDoc + "\"]"));
        String decree = ReviewTaskTests.legal(number("/2014/NĐ-CP"), "2014-03-15", "[]");
        Response nationalCreated = create(nationalAdmin, national, "null", "[\"" + decree + "\"]");
        answers.put("the national procedure", nationalCreated);
        answers.put("national-admin registers a localised procedure", create(nationalAdmin, localised, "\"24\"", "[]"));
        answers.put("another province's admin registers it", create(TestTokens.provinceAdmin("37"), localised, "\"24\"", "[]"));
        String ninhBinhDoc = provincial("37", number("/QĐ-UBND"), "[]");
        answers.put("a localised procedure on another province's document", create(bacNinh, localised, "\"24\"", "[\"" + ninhBinhDoc + "\"]"));
        Response localisedCreated = create(bacNinh, localised, "\"24\"", "[\"" + decree + "\",\"" + provincialDoc + "\"]");
        answers.put("the localised procedure", localisedCreated);
        catalogue = new Catalogue(national, nationalCreated.path("id"), localisedCreated.path("id"), answers);
        return catalogue;
    }

    static Response create(String token, String code, String province, String legalBasisIds) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(TTHC.formatted(code, province, legalBasisIds))
                .post("/api/v1/administrative-procedures");
    }

    @Test
    void theNationalCatalogueIsNationalAdminsAndCodeAndProvinceMustAgree() {
        Map<String, Response> answers = catalogue().answers();
        answers.get("province-admin registers a national procedure").then().spec(problem(403));
        answers.get("a national code with a province").then().spec(problem(400)).body("errors[0].field", equalTo("provinceCode"));
        answers.get("a localised code without a province").then().spec(problem(400)).body("errors[0].field", equalTo("provinceCode"));
    }

    @Test
    void aNationalProcedureRestsOnNationalDocumentsOnly() {
        Map<String, Response> answers = catalogue().answers();
        answers.get("a national procedure on a provincial document").then().spec(problem(422, "relation-outside-authority"));
        answers.get("the national procedure").then().statusCode(201).body("provinceCode", nullValue());
    }

    @Test
    void aLocalisedProcedureIsItsProvinceAdminsOnNationalDocumentsAndItsOwn() {
        Catalogue w = catalogue();
        w.answers().get("national-admin registers a localised procedure").then().spec(problem(403));
        w.answers().get("another province's admin registers it").then().spec(problem(403));
        w.answers().get("a localised procedure on another province's document").then().spec(problem(422, "relation-outside-authority"))
                .body("detail", containsString("province 37"));
        w.answers().get("the localised procedure").then().statusCode(201).body("nationalCode", equalTo(w.national()));
    }

    @Test
    void onlyTheRegistersOwnerAmendsOrAbolishesAndARefusedChangeAnnouncesNothing() {
        Catalogue w = catalogue();
        String bacNinh = TestTokens.provinceAdmin("24");
        String nationalAdmin = TestTokens.nationalAdmin();
        String amendment = """
                {"name":"Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ","field":"Hoạt động khoa học và công nghệ",
                 "level":"PROVINCIAL","processingDays":10,"effectiveDate":"2026-01-01","reason":"Rút ngắn thời hạn"}""";
        String abolition = "{\"effectiveDate\":\"2026-01-01\",\"reason\":\"Bãi bỏ\"}";
        for (String stranger : List.of(bacNinh, TestTokens.provinceAdmin("37"))) {
            given().auth().oauth2(stranger).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(amendment)
                    .put("/api/v1/administrative-procedures/{id}", w.nationalId()).then().spec(problem(403));
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(abolition)
                    .post("/api/v1/administrative-procedures/{id}/abolition", w.nationalId()).then().spec(problem(403));
        }
        for (String stranger : List.of(nationalAdmin, TestTokens.provinceAdmin("37"))) {
            given().auth().oauth2(stranger).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(amendment)
                    .put("/api/v1/administrative-procedures/{id}", w.localisedId()).then().spec(problem(403));
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(abolition)
                    .post("/api/v1/administrative-procedures/{id}/abolition", w.localisedId()).then().spec(problem(403));
        }
        // their publication only (administrative-procedure.published): no refused change was announced
        assertEquals(2, eventsAbout(w.nationalId()) + eventsAbout(w.localisedId()), "nothing announced but the publications");
        assertEquals(0, TestDb.count("document", "select count(*) from review_task where cause_id in ('" + w.nationalId() + "', '"
                + w.localisedId() + "')"));
        given().auth().oauth2(nationalAdmin).get("/api/v1/administrative-procedures/{id}", w.nationalId()).then().statusCode(200)
                .body("status", equalTo("IN_FORCE")).body("version", equalTo(0));
        given().auth().oauth2(nationalAdmin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(amendment)
                .put("/api/v1/administrative-procedures/{id}", w.nationalId()).then().statusCode(200).body("status", equalTo("AMENDED"));
        given().auth().oauth2(bacNinh).contentType(ContentType.JSON).body(abolition)
                .post("/api/v1/administrative-procedures/{id}/abolition", w.localisedId()).then().statusCode(200)
                .body("status", equalTo("ABOLISHED"));
    }

    @Test
    void theCatalogueIsReadByAllNationalAdminReadingEveryProvinces() {
        Catalogue w = catalogue();
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("q", w.national()).get("/api/v1/administrative-procedures")
                .then().statusCode(200).body("items.id", hasItem(w.nationalId())).body("items.id", not(hasItem(w.localisedId())));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("q", w.national()).queryParam("provinceCode", "24")
                .get("/api/v1/administrative-procedures").then().statusCode(200).body("items.id", hasItem(w.localisedId()));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("q", w.national()).get("/api/v1/administrative-procedures")
                .then().statusCode(200).body("items.id", hasItem(w.nationalId())).body("items.id", hasItem(w.localisedId()));
    }

    @Test
    void aMergedProvincesRegisterContinuesInItsSuccessor() {
        // provinces of this test only: 94 continues as 95 from 2025-07-01
        String number = number("/QĐ-UBND");
        String former = given().auth().oauth2(TestTokens.provinceAdmin("94")).contentType(ContentType.JSON)
                .body(body(number, "UBND tỉnh (cũ)", "94", "[]").replace("2025-08-01", "2024-03-01").replace("2025-08-15", "2024-03-15"))
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
        String own = provincial("95", number, "[]");
        TestDb.update("document", "insert into province_succession (code, successor_code, effective_date) values ('94', '95', '2025-07-01')");
        provinces.reload().await().atMost(Duration.ofSeconds(10));

        // after the merger, 95's register holds both: its number is ambiguous, each one named by id
        String admin = TestTokens.provinceAdmin("95");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(number("/QĐ-UBND"), "UBND tỉnh", "95", amends(number)))
                .post("/api/v1/legal-documents").then().spec(problem(422, "ambiguous-reference")).body("candidates.id", containsInAnyOrder(former, own));
        provincial("95", number("/QĐ-UBND"), "[{\"kind\":\"REPEALS\",\"targetId\":\"" + former + "\"}]");
        // a document 95 issued before the merger did not reach 94's
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body(number("/QĐ-UBND"), "UBND tỉnh", "95", amendsId(former)).replace("2025-08-01", "2025-06-01"))
                .post("/api/v1/legal-documents").then().spec(problem(422, "relation-outside-authority"));
        // the ended province writes no more; its successor lists its documents as its own
        given().auth().oauth2(TestTokens.provinceAdmin("94")).contentType(ContentType.JSON)
                .body(body(number("/QĐ-UBND"), "UBND tỉnh (cũ)", "94", "[]")).post("/api/v1/legal-documents").then().statusCode(403);
        given().auth().oauth2(admin).queryParam("q", number).queryParam("scope", "PROVINCE").get("/api/v1/legal-documents")
                .then().statusCode(200).body("items.id", containsInAnyOrder(former, own));
    }

    @Test
    void theRegistersAreReadByEveryRole() {
        String doc = provincial("24", number("/QĐ-UBND"), "[]");
        String viewerElsewhere = TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), "37");
        given().auth().oauth2(viewerElsewhere).get("/api/v1/legal-documents/{id}", doc).then().statusCode(200);
        given().auth().oauth2(TestTokens.ministryAdmin(UUID.randomUUID().toString())).get("/api/v1/legal-documents/{id}", doc)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.integration("37")).get("/api/v1/legal-documents/{id}", doc).then().statusCode(200);
        // a ministry's token names no province: its default list is the national register
        given().auth().oauth2(TestTokens.ministryAdmin(UUID.randomUUID().toString())).queryParam("scope", "PROVINCE")
                .get("/api/v1/legal-documents").then().statusCode(200).body("total", equalTo(0));
    }
}
