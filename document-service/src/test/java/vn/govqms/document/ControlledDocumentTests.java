package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/** Controlled documents: structured versions and their lifecycle, with who may do what. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ControlledDocumentTests {

    static final AtomicInteger SEQ = new AtomicInteger();

    /** An agency of Bắc Giang, a legal basis and a TTHC with 15 working days. */
    record World(String agency, String legalBasis, String tthcCode) {
        RequestSpecification officer() {
            return given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, "24")).contentType(ContentType.JSON);
        }

        RequestSpecification head() {
            return given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, "24")).contentType(ContentType.JSON);
        }
    }

    static World world() {
        String admin = TestTokens.provinceAdmin("24");
        int n = SEQ.incrementAndGet();
        String agency = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"code":"9%02d.%02d.00.H24","name":"Sở Khoa học và Công nghệ tỉnh Bắc Giang","level":"DEPARTMENT","provinceCode":"24"}"""
                .formatted(n % 100, n / 100)).post("/api/v1/agencies")
                .then().statusCode(201).extract().path("id");
        String basis = given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body("""
                {"number":"%d/2016/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Quy định điều kiện hoạt động khoa học và công nghệ",
                 "issuedDate":"2016-05-01","effectiveDate":"2016-07-01"}""".formatted((int) (Math.random() * 900_000) + 1000))
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
        String code = String.format("1.%06d.000.00.00.H24", (int) (Math.random() * 999_999));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ","field":"Hoạt động khoa học và công nghệ",
                 "level":"PROVINCIAL","processingDays":15,"provinceCode":"24"}""".formatted(code))
                .post("/api/v1/administrative-procedures").then().statusCode(201);
        return new World(agency, basis, code);
    }

    static String document(World w, String code, double thirdStepDays) {
        return """
                {"agencyId":"%s","code":"%s","title":"Quy trình cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
                 "type":"TTHC_PROCEDURE","owningUnit":"Phòng Quản lý khoa học","nextReviewDate":"2026-12-31",
                 "content":{"purpose":"Quy định trình tự giải quyết","scope":"Sở Khoa học và Công nghệ","legalBasisIds":["%s"],
                   "tthcCode":"%s",
                   "steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":0.5},
                            {"order":2,"name":"Thẩm định hồ sơ","responsibleUnit":"Phòng Quản lý khoa học","durationDays":10},
                            {"order":3,"name":"Trình ký, trả kết quả","responsibleUnit":"Lãnh đạo Sở","durationDays":%s}],
                   "records":[{"name":"Hồ sơ đề nghị","place":"Phòng Quản lý khoa học","retention":"10 năm"}],
                   "forms":["BM-01: Đơn đề nghị"]}}""".formatted(w.agency(), code, w.legalBasis(), w.tthcCode(), thirdStepDays);
    }

    @Test
    void anAgencyReliesOnNationalEntriesAndItsOwnProvincesNeverAnotherProvinces() {
        World bacGiang = world();
        String ninhBinh = ReviewTaskTests.agency("37", "Sở Khoa học và Công nghệ tỉnh Ninh Bình");
        String officer = TestTokens.agencyRole("iso-officer", ninhBinh, "37");
        World borrowed = new World(ninhBinh, bacGiang.legalBasis(), bacGiang.tthcCode());
        // Bắc Giang's localised TTHC is not Ninh Bình's to implement
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(document(borrowed, "QT-KHCN-91", 1))
                .post("/api/v1/documents").then().spec(problem(422, "relation-outside-authority")).body("field", equalTo("content.tthcCode"));
        // nor is Bắc Giang's own decision a legal basis for it
        String bacGiangDecision = ReviewTaskTests.legal("24", (1000 + SEQ.incrementAndGet()) + "/QĐ-UBND", "2015-01-01", "[]");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","code":"QT-KHCN-92","title":"Quy trình nội bộ","type":"OPERATIONAL_PROCEDURE",
                 "content":{"legalBasisIds":["%s"],"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Văn phòng","durationDays":1}]}}"""
                .formatted(ninhBinh, bacGiangDecision)).post("/api/v1/documents").then().spec(problem(422))
                .body("field", equalTo("content.legalBasisIds"));
        // a national decree is everyone's
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","code":"QT-KHCN-93","title":"Quy trình nội bộ","type":"OPERATIONAL_PROCEDURE",
                 "content":{"legalBasisIds":["%s"],"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Văn phòng","durationDays":1}]}}"""
                .formatted(ninhBinh, bacGiang.legalBasis())).post("/api/v1/documents").then().statusCode(201);
    }

    @Test
    void aVersionKeepsWhenItWasCreatedAndSaysWhenItLastChanged() {
        World w = world();
        JsonPath created = w.officer().body(document(w, "QT-KHCN-07", 2)).post("/api/v1/documents").then().statusCode(201)
                .extract().jsonPath();
        String id = created.getString("id");
        OffsetDateTime createdAt = OffsetDateTime.parse(created.getString("latest.createdAt"));
        assertSameMoment(createdAt, created.getString("latest.updatedAt"));
        // a status change sets no timestamp by hand: the kit's base entity stamps the update from the clock
        JsonPath submitted = w.officer().post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1L, submitted.getLong("version"));
        assertSameMoment(createdAt, submitted.getString("createdAt"));
        assertTrue(OffsetDateTime.parse(submitted.getString("updatedAt")).isAfter(createdAt.plusNanos(1000)), submitted.getString("updatedAt"));
    }

    /** The same instant, but for the database keeping microseconds where the clock gave nanoseconds. */
    static void assertSameMoment(OffsetDateTime expected, String actual) {
        Duration off = Duration.between(expected, OffsetDateTime.parse(actual)).abs();
        assertTrue(off.toNanos() < 1000, expected + " vs " + actual);
    }

    @Test
    void aVersionGoesFromDraftToIssuedAndTheNextOneSupersedesIt() {
        World w = world();
        String id = w.officer().body(document(w, "QT-KHCN-01", 2)).post("/api/v1/documents").then().statusCode(201)
                .body("latest.revision", equalTo(1)).body("latest.status", equalTo("DRAFT"))
                .body("latest.allowedActions", contains("edit", "submit", "abolish"))
                .body("latest.content.steps[1].durationDays", equalTo(10))
                .body("currentRevision", nullValue()).extract().path("id");
        String edit = document(w, "QT-KHCN-01", 3).replaceAll("(?s)^.*\"content\":", "{\"content\":");
        w.officer().body(edit).put("/api/v1/documents/{id}/versions/1", id).then().statusCode(428);
        w.officer().header("If-Match", "\"0\"").body(edit).put("/api/v1/documents/{id}/versions/1", id).then().statusCode(200)
                .body("content.steps[2].durationDays", equalTo(3.0f)).header("ETag", "\"1\"");
        w.officer().post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        // the officer does not approve; the head does
        w.officer().post("/api/v1/documents/{id}/versions/1/approve", id).then().spec(problem(403));
        w.head().post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("agency-head-" + w.agency()));
        w.head().body("{\"effectiveDate\":\"2026-01-01\"}").post("/api/v1/documents/{id}/versions/1/issue", id)
                .then().statusCode(200).body("status", equalTo("ISSUED")).body("effectiveDate", equalTo("2026-01-01"));
        // no one edits an issued version: a change is a new version
        w.officer().header("If-Match", "\"4\"").body(edit).put("/api/v1/documents/{id}/versions/1", id).then().spec(problem(409, "invalid-transition")).body("allowedActions", contains("abolish"));
        w.officer().post("/api/v1/documents/{id}/versions", id).then().statusCode(201).body("revision", equalTo(2))
                .body("status", equalTo("DRAFT")).body("content.tthcCode", equalTo(w.tthcCode()));
        w.officer().post("/api/v1/documents/{id}/versions", id).then().spec(problem(409));
        String revised = document(w, "QT-KHCN-01", 3).replaceAll("(?s)^.*\"content\":", "{\"content\":")
                .replace("\"order\":3,\"name\":\"Trình ký, trả kết quả\"", "\"order\":4,\"name\":\"Trả kết quả\"")
                .replace("Thẩm định hồ sơ", "Thẩm định hồ sơ và thực địa").replace("\"forms\":[\"BM-01: Đơn đề nghị\"]", "\"forms\":[]");
        w.officer().header("If-Match", "\"0\"").body(revised).put("/api/v1/documents/{id}/versions/2", id).then().statusCode(200);
        w.officer().queryParam("from", 1).queryParam("to", 2).get("/api/v1/documents/{id}/comparison", id).then().statusCode(200)
                .body("stepsAdded.order", contains(4)).body("stepsRemoved.order", contains(3))
                .body("stepsChanged[0].to.name", equalTo("Thẩm định hồ sơ và thực địa"))
                .body("formsRemoved", contains("BM-01: Đơn đề nghị")).body("legalBasesAdded.size()", equalTo(0));
        w.officer().queryParam("from", 1).queryParam("to", 9).get("/api/v1/documents/{id}/comparison", id).then().statusCode(404);
        w.officer().post("/api/v1/documents/{id}/versions/2/submit", id).then().statusCode(200);
        w.head().post("/api/v1/documents/{id}/versions/2/approve", id).then().statusCode(200);
        w.head().body("{}").post("/api/v1/documents/{id}/versions/2/issue", id).then().statusCode(200);
        w.officer().get("/api/v1/documents/{id}/versions", id).then().statusCode(200)
                .body("status", contains("SUPERSEDED", "ISSUED"));
        w.officer().get("/api/v1/documents/{id}", id).then().statusCode(200).body("currentRevision", equalTo(2));

        assertFalse(TestKafka.await("document.events", r -> w.agency().equals(r.key())
                && "vn.govqms.document.document.issued.v1".equals(TestKafka.header(r, "ce_type"))
                && r.value().contains("\"revision\":2"), Duration.ofSeconds(20)).isEmpty());
        assertFalse(TestKafka.await("document.events", r -> w.agency().equals(r.key())
                && "vn.govqms.document.document.submitted.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).isEmpty());

        w.head().body("{\"reason\":\"Thủ tục hành chính đã bị bãi bỏ\"}").post("/api/v1/documents/{id}/versions/2/abolish", id)
                .then().statusCode(200).body("status", equalTo("ABOLISHED"));
        w.officer().get("/api/v1/documents/{id}", id).then().statusCode(200).body("currentRevision", nullValue());
        w.head().post("/api/v1/documents/{id}/versions/2/issue", id).then().statusCode(409).body("allowedActions.size()", equalTo(0));
    }

    @Test
    void stepsLongerThanTheLegalProcessingTimeCannotBeApproved() {
        World w = world();
        String id = w.officer().body(document(w, "QT-KHCN-02", 9.5)).post("/api/v1/documents").then().statusCode(201)
                .extract().path("id");
        w.officer().post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
        w.head().post("/api/v1/documents/{id}/versions/1/approve", id).then().spec(problem(422))
                .body("detail", containsString("20 working days")).body("detail", containsString("15"))
                .body("legalProcessingDays", equalTo(15)).body("stepsTotalDays", equalTo(20.0f));
    }

    @Test
    void listsAndSearchStayInTheCallersScope() {
        World w = world();
        w.officer().body(document(w, "QT-KHCN-03", 1)).post("/api/v1/documents").then().statusCode(201);
        w.officer().queryParam("q", "quy trinh cap giay chung nhan").get("/api/v1/documents").then().statusCode(200)
                .body("items.code", hasItem("QT-KHCN-03")).body("items.agencyId", Matchers.everyItem(equalTo(w.agency())));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("agencyId", w.agency()).get("/api/v1/documents")
                .then().statusCode(200).body("total", equalTo(1));
        // the content is searched too, typed with or without diacritics, in NFD or NFC
        String nfd = Normalizer.normalize("Trình ký, trả kết quả", Normalizer.Form.NFD);
        for (String q : new String[] {"trinh ky, tra ket qua", nfd, "TRÌNH KÝ"}) {
            w.officer().queryParam("q", q).get("/api/v1/documents").then().statusCode(200).body("items.code", hasItem("QT-KHCN-03"));
        }
        w.officer().queryParam("tthcCode", w.tthcCode()).get("/api/v1/documents").then().statusCode(200).body("total", equalTo(1));
        w.officer().queryParam("legalBasisId", w.legalBasis()).get("/api/v1/documents").then().statusCode(200).body("total", equalTo(1));
        w.officer().queryParam("status", "ISSUED").get("/api/v1/documents").then().statusCode(200).body("total", equalTo(0));
        w.officer().queryParam("status", "DRAFT").get("/api/v1/documents").then().statusCode(200).body("total", equalTo(1));
        w.officer().queryParam("status", "SIGNED").get("/api/v1/documents").then().spec(problem(400));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("agencyId", w.agency()).get("/api/v1/documents")
                .then().spec(problem(403));
    }

    @Test
    void aOneStopShopSystemReadsOnlyWhatTheAgencyIssued() {
        World w = world();
        String token = TestTokens.integration("24");
        Supplier<RequestSpecification> machine = () -> given().auth().oauth2(token);
        String id = w.officer().body(document(w, "QT-TN-01", 2)).post("/api/v1/documents").then().statusCode(201).extract().path("id");
        // a document never issued is unknown to it, in every read
        machine.get().get("/api/v1/documents/{id}", id).then().spec(problem(404));
        machine.get().get("/api/v1/documents/{id}/versions", id).then().spec(problem(404));
        machine.get().get("/api/v1/documents/{id}/versions/1", id).then().spec(problem(404));
        machine.get().get("/api/v1/documents/{id}/versions/1/attachments", id).then().spec(problem(404));
        machine.get().queryParam("agencyId", w.agency()).get("/api/v1/documents").then().statusCode(200).body("total", equalTo(0));

        w.officer().post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
        w.head().post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200);
        w.head().body("{}").post("/api/v1/documents/{id}/versions/1/issue", id).then().statusCode(200);
        w.officer().post("/api/v1/documents/{id}/versions", id).then().statusCode(201).body("revision", equalTo(2));

        // issued revision 1 is what it sees; the draft revision 2 stays inside the agency
        machine.get().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("currentRevision", equalTo(1)).body("latest.revision", equalTo(1)).body("latest.status", equalTo("ISSUED"));
        machine.get().get("/api/v1/documents/{id}/versions", id).then().statusCode(200).body("revision", contains(1));
        machine.get().get("/api/v1/documents/{id}/versions/1", id).then().statusCode(200);
        machine.get().get("/api/v1/documents/{id}/versions/2", id).then().spec(problem(404));
        machine.get().queryParam("from", 1).queryParam("to", 2).get("/api/v1/documents/{id}/comparison", id)
                .then().spec(problem(404));
        machine.get().queryParam("agencyId", w.agency()).get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].latest.revision", equalTo(1));
        machine.get().queryParam("agencyId", w.agency()).queryParam("status", "DRAFT").get("/api/v1/documents")
                .then().statusCode(200).body("total", equalTo(0));
        // the agency's own people still see the draft
        w.officer().get("/api/v1/documents/{id}", id).then().statusCode(200).body("latest.revision", equalTo(2));
        w.officer().queryParam("agencyId", w.agency()).queryParam("status", "DRAFT").get("/api/v1/documents")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusals() {
        World w = world();
        String other = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, "24")).contentType(ContentType.JSON)
                .body(document(w, "QT-X-01", 1)).post("/api/v1/documents").then().spec(problem(403));
        w.head().body(document(w, "QT-X-01", 1)).post("/api/v1/documents").then().statusCode(403);
        String id = w.officer().body(document(w, "QT-X-01", 1)).post("/api/v1/documents").then().statusCode(201).extract().path("id");
        w.officer().body(document(w, "QT-X-01", 1)).post("/api/v1/documents").then().spec(problem(409));
        w.officer().body(document(w, "qt x 01", 1)).post("/api/v1/documents").then().statusCode(400).body("errors[0].field", equalTo("code"));
        w.officer().body(document(w, "QT-X-02", 1).replace(w.legalBasis(), UUID.randomUUID().toString()))
                .post("/api/v1/documents").then().spec(problem(422));
        w.officer().body(document(w, "QT-X-03", 1).replace(w.tthcCode(), "1.000000.000.00.00.H24"))
                .post("/api/v1/documents").then().spec(problem(422));
        w.officer().body(document(w, "QT-X-04", 1).replace("\"tthcCode\":\"" + w.tthcCode() + "\",", ""))
                .post("/api/v1/documents").then().statusCode(400).body("errors[0].field", equalTo("content.tthcCode"));
        w.officer().body(document(w, "QT-X-05", 1).replace("\"order\":3", "\"order\":2"))
                .post("/api/v1/documents").then().spec(problem(400));
        w.officer().body(document(w, "QT-X-06", 1).replace("\"durationDays\":10", "\"durationDays\":-1"))
                .post("/api/v1/documents").then().spec(problem(400));
        w.officer().body(document(w, "QT-X-07", 1).replace("\"type\":\"TTHC_PROCEDURE\"", "\"type\":\"MEMO\""))
                .post("/api/v1/documents").then().spec(problem(400));
        w.officer().body(document(w, "QT-X-08", 1).replace(w.agency(), UUID.randomUUID().toString()))
                .post("/api/v1/documents").then().statusCode(422);
        // 300,000 empty steps (900 KB) where 100 are allowed: one error, read no further than the 101st
        w.officer().body(document(w, "QT-X-09", 1).replaceFirst("(?s)\"steps\":\\[.*?}],",
                        "\"steps\":[" + String.join(",", Collections.nCopies(300_000, "{}")) + "],"))
                .post("/api/v1/documents").then().spec(problem(400))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("content.steps")).body("errors[0].message", equalTo("at most 100 items"));
        w.officer().get("/api/v1/documents/{id}/versions/abc", id).then().spec(problem(404));
        w.officer().get("/api/v1/documents/{id}/versions/9", id).then().spec(problem(404));
        w.officer().get("/api/v1/documents/{id}", UUID.randomUUID()).then().spec(problem(404));
        // another agency's officer and another province's admin cannot read it; its own officer reads it with its newest version
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, "24")).get("/api/v1/documents/{id}", id)
                .then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).get("/api/v1/documents/{id}", id).then().spec(problem(403));
        w.officer().get("/api/v1/documents/{id}", id).then().statusCode(200).body("code", equalTo("QT-X-01"))
                .body("latest.revision", equalTo(1));
        w.officer().post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(403);
        w.head().post("/api/v1/documents/{id}/versions/1/approve", id).then().spec(problem(409))
                .body("allowedActions", contains("edit", "submit", "abolish"));
        w.head().body("{}").post("/api/v1/documents/{id}/versions/1/abolish", id).then().spec(problem(400));
        w.officer().queryParam("agencyId", "nope").get("/api/v1/documents").then().spec(problem(400));
    }
}
