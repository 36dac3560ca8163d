package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/**
 * The 1 July 2025 reorganisation as it happened: Bắc Giang (24) and Bắc Ninh (27) become the new Bắc Ninh, which
 * keeps code 24; the agencies of both merge; the district level ends with its communes merged. Records the merger
 * 24 + 27 in this test JVM's database: after it, province 27's tokens are read-only.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ReorganisationTests {

    static final String BAC_NINH_2025 = """
            {"code":"24","name":"Bắc Ninh","effectiveDate":"2025-07-01","sourceCodes":["24","27"],"decision":"202/2025/QH15"}""";
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** An agency code of this class's own series (5xx.xx.00), G for central bodies, H and the province otherwise. */
    static String code(String province) {
        int n = SEQ.incrementAndGet();
        return String.format("5%02d.%02d.00.%s", n % 100, n / 100, "00".equals(province) ? "G12" : "H" + province);
    }

    static Response register(String token, String province, String name, String level, String parentId, String validFrom) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"%s","level":"%s","provinceCode":"%s","parentId":%s,"validFrom":%s}""".formatted(code(province), name,
                level, province, parentId == null ? "null" : "\"" + parentId + "\"", validFrom == null ? "null" : "\"" + validFrom + "\""))
                .post("/api/v1/agencies");
    }

    /** An agency registered by its province's steering committee. */
    static String agency(String province, String name, String level, String parentId) {
        return register(TestTokens.provinceAdmin(province), province, name, level, parentId, null).then().statusCode(201)
                .extract().path("id");
    }

    /** A controlled document of {@code agency}, drafted by its ISO officer; issued unless {@code issue} is false. */
    static String document(String agency, String province, boolean issue) {
        String officer = TestTokens.agencyRole("iso-officer", agency, province);
        String head = TestTokens.agencyRole("agency-head", agency, province);
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON).body(newDocument(agency))
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        if (issue) {
            given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
            given().auth().oauth2(head).post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200);
            given().auth().oauth2(head).contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/versions/1/issue", id)
                    .then().statusCode(200);
        }
        return id;
    }

    static String newDocument(String agency) {
        return """
                {"agencyId":"%s","code":"QT-R%d","title":"Quy trình tiếp nhận và giải quyết hồ sơ","type":"OPERATIONAL_PROCEDURE",
                 "content":{"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(agency, SEQ.incrementAndGet());
    }

    static final String EDIT = """
            {"content":{"steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":1},
                                 {"order":2,"name":"Trả kết quả","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}""";

    static String merger(List<String> sources, String successorId, String newSuccessor, String effective) {
        return """
                {"sourceAgencyIds":[%s],%s,"effectiveDate":"%s"}""".formatted(
                String.join(",", sources.stream().map(s -> "\"" + s + "\"").toList()),
                successorId != null ? "\"successorId\":\"" + successorId + "\"" : "\"newSuccessor\":" + newSuccessor, effective);
    }

    /**
     * The world of the province merger, made once for this class: agencies and documents of both provinces, then the
     * merger 24 + 27 recorded, then an agency merger across the former provinces. Each of 27's agencies serves one rule, so
     * the rules do not depend on the order the tests run in. The answers given before and by the two mergers are kept.
     */
    record BacNinh(String bgJustice, String bgHealth, String bnJustice, String bnHealth, String bnFinance, String bnTransport,
                   String bnIssued, String bnDraft, String bgIssued, Response beforeTheMerger, Response provinceMerger,
                   Response agencyMerger, String successor) {
    }

    private static BacNinh bacNinh;

    static synchronized BacNinh bacNinh() {
        if (bacNinh == null) {
            String bgJustice = agency("24", "Sở Tư pháp tỉnh Bắc Giang", "DEPARTMENT", null);
            String bgHealth = agency("24", "Sở Y tế tỉnh Bắc Giang", "DEPARTMENT", null);
            String bnJustice = agency("27", "Sở Tư pháp tỉnh Bắc Ninh", "DEPARTMENT", null);
            String bnHealth = agency("27", "Sở Y tế tỉnh Bắc Ninh", "DEPARTMENT", null);
            String bnFinance = agency("27", "Sở Tài chính tỉnh Bắc Ninh", "DEPARTMENT", null);
            String bnTransport = agency("27", "Sở Giao thông vận tải tỉnh Bắc Ninh", "DEPARTMENT", null);
            String bnIssued = document(bnJustice, "27", true);
            String bnDraft = document(bnJustice, "27", false);
            String bgIssued = document(bgJustice, "24", true);
            Response before = given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/agencies/{id}", bnJustice);
            Response provinceMerger = given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body(BAC_NINH_2025)
                    .post("/api/v1/province-mergers");
            String newJustice = """
                    {"code":"%s","name":"Sở Tư pháp tỉnh Bắc Ninh","level":"DEPARTMENT","provinceCode":"24"}""".formatted(code("24"));
            Response agencyMerger = given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON)
                    .body(merger(List.of(bgJustice, bnJustice), null, newJustice, "2025-07-01")).post("/api/v1/agencies/merges");
            bacNinh = new BacNinh(bgJustice, bgHealth, bnJustice, bnHealth, bnFinance, bnTransport, bnIssued, bnDraft, bgIssued,
                    before, provinceMerger, agencyMerger, agencyMerger.path("successor.id"));
        }
        return bacNinh;
    }

    @Test
    void beforeTheMergerIsRecordedAProvinceCannotActOnTheOthersAgencies() {
        bacNinh().beforeTheMerger().then().spec(problem(403));
    }

    @Test
    void theNewBacNinhKeepsCode24AndTheMergedCodesFromTheEffectiveDate() {
        bacNinh().provinceMerger().then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/provinces/24"))
                .body("code", equalTo("24")).body("name", equalTo("Bắc Ninh")).body("effectiveDate", equalTo("2025-07-01"))
                .body("sourceCodes", containsInAnyOrder("24", "27")).body("mergedCodes", containsInAnyOrder("27"))
                .body("decision", equalTo("202/2025/QH15"));
    }

    @Test
    void theRegisterHas63ProvincesBeforeTheDateAndTheNewBacNinhAfterIt() {
        bacNinh();
        given().auth().oauth2(TestTokens.provinceAdmin("27")).queryParam("asOf", "2025-06-30").queryParam("size", 100)
                .get("/api/v1/provinces")
                .then().statusCode(200).body("total", equalTo(63)).body("items.find { it.code == '24' }.name", equalTo("Bắc Giang"))
                .body("items.find { it.code == '27' }.name", equalTo("Bắc Ninh"))
                .body("items.find { it.code == '27' }.validTo", equalTo("2025-06-30"))
                .body("items.find { it.code == '27' }.successorCode", equalTo("24"));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("asOf", "2025-07-01").queryParam("size", 100)
                .get("/api/v1/provinces")
                .then().statusCode(200).body("items.code", not(hasItem("27")))
                .body("items.find { it.code == '24' }.name", equalTo("Bắc Ninh"));
    }

    @Test
    void theContinuingProvinceKeepsItsFormerNameAndTheEndedOneNamesItsSuccessor() {
        BacNinh w = bacNinh();
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/provinces/24").then().statusCode(200)
                .body("name", equalTo("Bắc Ninh"))
                .body("validTo", nullValue()).body("decision", equalTo("202/2025/QH15"))
                .body("names.name", contains("Bắc Giang", "Bắc Ninh"))
                .body("names[0].validTo", equalTo("2025-06-30")).body("names[1].validFrom", equalTo("2025-07-01"))
                .body("names[1].decision", equalTo("202/2025/QH15"))
                .body("successor", nullValue()).body("predecessors.code", contains("27"))
                .body("predecessors[0].effectiveDate", equalTo("2025-07-01"));
        given().auth().oauth2(TestTokens.agencyRole("viewer", w.bnHealth(), "27")).get("/api/v1/provinces/27").then().statusCode(200)
                .body("name", equalTo("Bắc Ninh")).body("validTo", equalTo("2025-06-30"))
                .body("successor.code", equalTo("24")).body("successor.name", equalTo("Bắc Ninh"))
                .body("successor.effectiveDate", equalTo("2025-07-01")).body("successor.decision", equalTo("202/2025/QH15"));
    }

    @Test
    void theSuccessionAndTheMergedEventAreWrittenInTheSameTransaction() {
        bacNinh();
        assertEquals("24 2025-07-01", TestDb.value("document",
                "select successor_code || ' ' || effective_date from province_succession where code = '27'"));
        assertEquals(0, TestDb.count("document", "select count(*) from province_succession where code = '24'"));
        List<ConsumerRecord<String, String>> events = TestKafka.await("document.events", r -> "24".equals(r.key())
                && "vn.govqms.document.province.merged.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        assertEquals(1, events.size());
        JsonPath event = new JsonPath(events.get(0).value());
        assertEquals(List.of("27"), event.getList("mergedCodes", String.class), events.get(0).value());
        assertEquals("202/2025/QH15", event.getString("decision"), events.get(0).value());
        assertEquals("provinces/24", TestKafka.header(events.get(0), "ce_subject"));
    }

    @Test
    void theContinuingProvinceReadsAndWritesTheEndedProvincesAgenciesAtOnce() {
        BacNinh w = bacNinh();
        String admin24 = TestTokens.provinceAdmin("24");
        given().auth().oauth2(admin24).get("/api/v1/agencies/{id}", w.bnJustice()).then().statusCode(200);
        given().auth().oauth2(admin24).queryParam("provinceCode", "27").get("/api/v1/agencies").then().statusCode(200)
                .body("items.id", hasItems(w.bnHealth(), w.bnTransport()));
        given().auth().oauth2(admin24).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Sở Y tế tỉnh Bắc Ninh (cũ)\"}").put("/api/v1/agencies/{id}", w.bnHealth()).then().statusCode(200);
    }

    @Test
    void theEndedProvincesTokenReadsItsAgenciesAndWritesNothing() {
        BacNinh w = bacNinh();
        String admin27 = TestTokens.provinceAdmin("27");
        given().auth().oauth2(admin27).get("/api/v1/agencies/{id}", w.bnJustice()).then().statusCode(200);
        given().auth().oauth2(admin27).queryParam("provinceCode", "27").get("/api/v1/agencies").then().statusCode(200)
                .body("items.id", hasItems(w.bnHealth(), w.bnTransport())).body("items.provinceCode", everyItem(equalTo("27")));
        given().auth().oauth2(admin27).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Sở Giao thông vận tải\"}").put("/api/v1/agencies/{id}", w.bnTransport()).then().spec(problem(403))
                .body("detail", containsString("merged"));
        register(admin27, "27", "Sở Xây dựng tỉnh Bắc Ninh", "DEPARTMENT", null, null).then().spec(problem(403));
        given().auth().oauth2(admin27).contentType(ContentType.JSON)
                .body(merger(List.of(w.bnFinance()), w.bnTransport(), null, "2025-07-01")).post("/api/v1/agencies/merges")
                .then().spec(problem(403));
    }

    @Test
    void theNewProvinceRegistersAgenciesUnderItsOwnCodeNotTheEndedOne() {
        bacNinh();
        register(TestTokens.provinceAdmin("24"), "27", "Sở Xây dựng tỉnh Bắc Ninh", "DEPARTMENT", null, null).then().spec(problem(403));
    }

    @Test
    void anAgencyMergerAcrossTheFormerProvincesGivesTheSuccessorTheirDocumentsAndTheirHistory() {
        BacNinh w = bacNinh();
        w.agencyMerger().then().statusCode(200).body("successor.provinceCode", equalTo("24"))
                .body("successor.validFrom", equalTo("2025-07-01"))
                .body("movedDocuments", equalTo(3)).body("predecessorIds", containsInAnyOrder(w.bgJustice(), w.bnJustice()));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("agencyId", w.successor()).get("/api/v1/documents")
                .then().statusCode(200).body("items.id", containsInAnyOrder(w.bnIssued(), w.bnDraft(), w.bgIssued()));
        assertEquals("24", TestDb.value("document", "select distinct province_code from audit_trail where resource_type = 'document' "
                + "and resource_id = '" + w.bnIssued() + "'"));
    }

    @Test
    void theEndedAgencysOfficialsReadButWriteNothingAndTheSuccessorsContinueItsDocuments() {
        BacNinh w = bacNinh();
        String bnOfficer = TestTokens.agencyRole("iso-officer", w.bnJustice(), "27");
        given().auth().oauth2(bnOfficer).get("/api/v1/agencies/{id}", w.bnJustice()).then().statusCode(200)
                .body("validTo", equalTo("2025-06-30"));
        given().auth().oauth2(bnOfficer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(EDIT)
                .put("/api/v1/documents/{id}/versions/1", w.bnDraft()).then().spec(problem(403));
        given().auth().oauth2(bnOfficer).post("/api/v1/documents/{id}/versions", w.bnIssued()).then().spec(problem(403));
        given().auth().oauth2(bnOfficer).contentType(ContentType.JSON).body(newDocument(w.bnJustice())).post("/api/v1/documents")
                .then().spec(problem(403)).body("detail", containsString("read-only"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", w.successor(), "24")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(EDIT).put("/api/v1/documents/{id}/versions/1", w.bnDraft()).then().statusCode(200);
    }

    @Test
    void aMergersSuccessorIsOfTheContinuingProvinceAndValidOnTheDate() {
        BacNinh w = bacNinh();
        String admin24 = TestTokens.provinceAdmin("24");
        // a successor in the ended province, or a merger across provinces before they merged
        given().auth().oauth2(admin24).contentType(ContentType.JSON)
                .body(merger(List.of(w.bnFinance()), w.bnTransport(), null, "2025-07-01")).post("/api/v1/agencies/merges")
                .then().spec(problem(422, "successor-in-other-province"))
                .body("detail", containsString("province 24"));
        given().auth().oauth2(admin24).contentType(ContentType.JSON)
                .body(merger(List.of(w.bnFinance()), w.bgHealth(), null, "2025-01-01")).post("/api/v1/agencies/merges")
                .then().spec(problem(422, "successor-in-other-province"));
        given().auth().oauth2(admin24).contentType(ContentType.JSON)
                .body(merger(List.of(w.bnFinance()), w.successor(), null, "2025-01-01")).post("/api/v1/agencies/merges")
                .then().spec(problem(422, "successor-not-valid"));
        // the successor registered by a merger starts on its effective date
        given().auth().oauth2(admin24).contentType(ContentType.JSON).body(merger(List.of(w.bnFinance()), null, """
                        {"code":"%s","name":"Sở Tài chính tỉnh Bắc Ninh","level":"DEPARTMENT","provinceCode":"24","validFrom":"2025-08-01"}"""
                        .formatted(code("24")), "2025-07-01")).post("/api/v1/agencies/merges")
                .then().spec(problem(400)).body("errors[0].field", equalTo("newSuccessor.validFrom"));
    }

    @Test
    void aProvinceMergerIsRecordedOnceAndAnotherIntoTheSameCodeOnThatDayIsAConflict() {
        bacNinh();
        String national = TestTokens.nationalAdmin();
        given().auth().oauth2(national).contentType(ContentType.JSON).body(BAC_NINH_2025).post("/api/v1/province-mergers")
                .then().statusCode(200).body("mergedCodes", containsInAnyOrder("27"));
        given().auth().oauth2(national).contentType(ContentType.JSON).body(BAC_NINH_2025.replace("202/2025/QH15", "203/2025/QH15"))
                .post("/api/v1/province-mergers").then().spec(problem(409));
        assertEquals(1, TestKafka.readAll("document.events").stream().filter(r -> "24".equals(r.key())
                && "vn.govqms.document.province.merged.v1".equals(TestKafka.header(r, "ce_type"))).count());
    }

    @Test
    void theDistrictLevelEndsWithItsCommunesMerged() {
        String admin = TestTokens.provinceAdmin("11");
        String district = register(admin, "11", "UBND huyện Điện Biên", "DISTRICT", null, "2004-01-01").then().statusCode(201)
                .extract().path("id");
        String thanhXuong = agency("11", "UBND xã Thanh Xương", "COMMUNE", district);
        String thanhAn = agency("11", "UBND xã Thanh An", "COMMUNE", district);
        String districtDocument = document(district, "11", true);
        String communeDocument = document(thanhXuong, "11", true);

        // the two communes become one commune from 1 July 2025
        String commune = given().auth().oauth2(admin).contentType(ContentType.JSON).body(merger(List.of(thanhXuong, thanhAn), null, """
                        {"code":"%s","name":"UBND xã Thanh An","level":"COMMUNE","provinceCode":"11"}""".formatted(code("11")),
                        "2025-07-01")).post("/api/v1/agencies/merges")
                .then().statusCode(200).body("successor.level", equalTo("COMMUNE")).body("successor.validFrom", equalTo("2025-07-01"))
                .body("movedDocuments", equalTo(1)).extract().path("successor.id");
        // the district ends the same day (its last day may already be known, as loaders register it): its documents go to
        // the successor named
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"UBND huyện Điện Biên\",\"validFrom\":\"2004-01-01\",\"validTo\":\"2025-06-30\"}")
                .put("/api/v1/agencies/{id}", district).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(merger(List.of(district), commune, null, "2025-07-01"))
                .post("/api/v1/agencies/merges").then().statusCode(200).body("movedDocuments", equalTo(1))
                .body("predecessorIds", containsInAnyOrder(district));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(merger(List.of(district), commune, null, "2025-07-01"))
                .post("/api/v1/agencies/merges").then().spec(problem(409))
                .body("detail", containsString("continued by another agency"));
        given().auth().oauth2(admin).queryParam("agencyId", commune).get("/api/v1/documents").then().statusCode(200)
                .body("items.id", containsInAnyOrder(districtDocument, communeDocument));
        // the district stays loadable for history
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", district).then().statusCode(200).body("level", equalTo("DISTRICT"))
                .body("levelLabel", equalTo("UBND huyện (trước 01/7/2025)")).body("validTo", equalTo("2025-06-30"));
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}/lineage", commune).then().statusCode(200)
                .body("predecessors.agencyId", containsInAnyOrder(thanhXuong, thanhAn, district));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", district, "11")).contentType(ContentType.JSON)
                .header("If-Match", "\"2\"").body("{\"name\":\"UBND huyện Điện Biên (cũ)\"}").put("/api/v1/agencies/{id}", district)
                .then().spec(problem(403));
    }

    @Test
    void noDistrictOrTownshipStartsOrContinuesAnythingAfterTheLevelsEnded() {
        String admin = TestTokens.provinceAdmin("11");
        register(admin, "11", "UBND huyện Điện Biên Đông", "DISTRICT", null, "2025-07-01").then().spec(problem(422, "level-ended"));
        register(admin, "11", "UBND thị trấn Mường Chà", "TOWNSHIP", null, "2025-07-01").then().spec(problem(422));
        String township = register(admin, "11", "UBND thị trấn Mường Chà", "TOWNSHIP", null, "2002-10-01").then().statusCode(201)
                .body("levelLabel", equalTo("UBND thị trấn (trước 01/7/2025)")).extract().path("id");
        String otherDistrict = register(admin, "11", "UBND huyện Mường Chà", "DISTRICT", null, null).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(merger(List.of(township), otherDistrict, null, "2025-07-01"))
                .post("/api/v1/agencies/merges").then().spec(problem(422, "level-ended"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(merger(List.of(township), null, """
                        {"code":"%s","name":"UBND huyện Mường Chà","level":"DISTRICT","provinceCode":"11"}""".formatted(code("11")),
                        "2025-07-01")).post("/api/v1/agencies/merges").then().spec(problem(422));
    }

    @Test
    void anAgencyOfAProvinceTheRegisterDoesNotKnowIsRefused() {
        register(TestTokens.provinceAdmin("03"), "03", "Sở Nội vụ", "DEPARTMENT", null, null).then().spec(problem(422, "unknown-province"));
    }
}
