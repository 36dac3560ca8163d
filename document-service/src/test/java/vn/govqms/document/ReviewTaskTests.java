package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.document.procedurereview.ProcedureReviewEvents;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.local.testing.Problems.problem;

/** A legal or TTHC change creates one review task per procedure relying on it (issued or in flight), in every agency. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ReviewTaskTests {

    static final AtomicInteger SEQ = new AtomicInteger();

    static String agency(String province, String name) {
        int n = SEQ.incrementAndGet();
        return given().auth().oauth2(TestTokens.provinceAdmin(province)).contentType(ContentType.JSON).body("""
                {"code":"8%02d.%02d.00.H%s","name":"%s","level":"DEPARTMENT","provinceCode":"%s"}"""
                .formatted(n % 100, n / 100, province, name, province)).post("/api/v1/agencies").then().statusCode(201).extract().path("id");
    }

    /** A national decree, registered by national-admin. */
    static String legal(String number, String effective, String relations) {
        return given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body("""
                {"number":"%s","type":"DECREE","issuer":"Chính phủ","title":"Nghị định về thủ tục hành chính",
                 "issuedDate":"2010-01-01","effectiveDate":"%s","relations":%s}""".formatted(number, effective, relations))
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
    }

    /** A province's own decision, registered by its province-admin. */
    static String legal(String province, String number, String effective, String relations) {
        return given().auth().oauth2(TestTokens.provinceAdmin(province)).contentType(ContentType.JSON).body("""
                {"number":"%s","type":"DECISION","issuer":"Ủy ban nhân dân tỉnh","title":"Quyết định về thủ tục hành chính",
                 "issuedDate":"2010-01-01","effectiveDate":"%s","provinceCode":"%s","relations":%s}"""
                .formatted(number, effective, province, relations))
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
    }

    static String number() {
        return (int) (Math.random() * 900_000 + 1000) + "/2020/NĐ-CP";
    }

    /** A document of {@code type} citing {@code legalBasis}; issued unless {@code issue} is false. */
    static String procedure(String agency, String province, String type, String legalBasis, String tthcCode, boolean issue) {
        String officer = TestTokens.agencyRole("iso-officer", agency, province);
        String head = TestTokens.agencyRole("agency-head", agency, province);
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","code":"QT-%d","title":"Quy trình tiếp nhận và giải quyết hồ sơ","type":"%s",
                 "content":{"legalBasisIds":["%s"],"tthcCode":%s,
                   "steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(agency, SEQ.incrementAndGet(), type, legalBasis, tthcCode == null ? "null" : "\"" + tthcCode + "\""))
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        if (issue) {
            given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
            given().auth().oauth2(head).post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200);
            given().auth().oauth2(head).contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/versions/1/issue", id)
                    .then().statusCode(200);
        }
        return id;
    }

    @Test
    void anAmendmentCreatesOneTaskPerProcedureInEveryAgency() {
        String bacGiang = agency("24", "Sở Tư pháp tỉnh Bắc Giang");
        String ninhBinh = agency("37", "Sở Tư pháp tỉnh Ninh Bình");
        String law = legal(number(), "2015-01-01", "[]");
        String docBg = procedure(bacGiang, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        procedure(ninhBinh, "37", "OPERATIONAL_PROCEDURE", law, null, true);
        procedure(ninhBinh, "37", "OPERATIONAL_PROCEDURE", law, null, false); // a draft relies on it too
        procedure(bacGiang, "24", "QUALITY_MANUAL", law, null, true);         // not a procedure

        String amending = number();
        String amendingId = legal(amending, "2030-01-01",
                "[{\"kind\":\"AMENDS\",\"targetId\":\"" + law + "\",\"articles\":\"Điều 5\"}]");
        assertEquals(3, TestDb.count("document", "select count(*) from review_task where cause_id = '" + law + "'"));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("causeId", law).get("/api/v1/review-tasks")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].documentId", equalTo(docBg))
                .body("items[0].dueDate", equalTo("2030-04-01")).body("items[0].status", equalTo("OPEN"))
                .body("items[0].causeKind", equalTo("AMENDED"))
                .body("items[0].causeSummary", containsString("được sửa đổi, bổ sung (Điều 5) bởi " + amending));
        for (String agency : List.of(bacGiang, ninhBinh)) {
            assertFalse(TestKafka.await("document.events", r -> agency.equals(r.key())
                    && "vn.govqms.document.procedure-review.required.v1".equals(TestKafka.header(r, "ce_type"))
                    && r.value().contains("\"dueDate\" : \"2030-04-01\"") || agency.equals(r.key())
                    && "vn.govqms.document.procedure-review.required.v1".equals(TestKafka.header(r, "ce_type"))
                    && r.value().contains("2030-04-01"), Duration.ofSeconds(20)).isEmpty());
        }
        // the same change announced again (its effective date corrected) creates nothing more: it moves the due dates
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"issuer":"Chính phủ","title":"Nghị định sửa đổi","issuedDate":"2010-01-01","effectiveDate":"2030-02-01"}""")
                .put("/api/v1/legal-documents/{id}", amendingId).then().statusCode(200);
        assertEquals(3, TestDb.count("document", "select count(*) from review_task where cause_id = '" + law + "'"));
        assertEquals(3, TestDb.count("document", "select count(*) from review_task where cause_id = '" + law
                + "' and due_date = date '2030-05-01'"));
    }

    @Test
    void tasksAreResolvedByTheAgencyOnly() {
        String agency = agency("24", "Sở Công Thương tỉnh Bắc Giang");
        String law = legal("24", number(), "2015-01-01", "[]");
        String doc = procedure(agency, "24", "SYSTEM_PROCEDURE", law, null, true);
        legal("24", number(), "2031-01-01", "[{\"kind\":\"REPLACES\",\"targetId\":\"" + law + "\"}]");
        String task = given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("documentId", doc)
                .get("/api/v1/review-tasks").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        given().auth().oauth2(TestTokens.provinceAdmin("37")).get("/api/v1/review-tasks/{id}", task).then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body("{\"outcome\":\"NO_CHANGE\",\"note\":\"x\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"NO_CHANGE\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().spec(problem(400));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"REVISED\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().spec(problem(422));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"PROCEDURE_ABOLISHED\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().spec(problem(422));
        // revise: a new revision issued, then the task resolves as REVISED, on time
        String head = TestTokens.agencyRole("agency-head", agency, "24");
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions", doc).then().statusCode(201);
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions/2/submit", doc).then().statusCode(200);
        given().auth().oauth2(head).post("/api/v1/documents/{id}/versions/2/approve", doc).then().statusCode(200);
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/versions/2/issue", doc).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"REVISED\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("REVISED"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"NO_CHANGE\",\"note\":\"lại\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().spec(problem(409));
        assertFalse(TestKafka.await("document.events", r -> agency.equals(r.key())
                && "vn.govqms.document.procedure-review.completed.v1".equals(TestKafka.header(r, "ce_type"))
                && r.value().contains("\"onTime\":true"), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void aChangesEventsAreSentAgencyByAgency() {
        List<String> agencies = List.of(agency("24", "UBND xã Tân Dĩnh"), agency("24", "UBND xã Phúc Hòa"), agency("24", "UBND xã Đồng Sơn"));
        String law = legal("24", number(), "2015-01-01", "[]");
        // issued in turns, so the agencies' procedures lie interleaved in the table
        for (int round = 0; round < 2; round++) {
            for (String agency : agencies) {
                procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
            }
        }
        legal("24", number(), "2030-01-01", "[{\"kind\":\"REPLACES\",\"targetId\":\"" + law + "\"}]");
        String keys = TestDb.value("document", "select string_agg(message_key, ',' order by id) from outbox where type = '"
                + ProcedureReviewEvents.REQUIRED + "' and payload::jsonb ->> 'causeId' = '" + law + "'");
        List<String> order = List.of(keys.split(","));
        assertEquals(6, order.size());
        long changes = IntStream.range(1, order.size()).filter(i -> !order.get(i).equals(order.get(i - 1))).count();
        assertEquals(2, changes, "one agency's events after another: " + order);
    }

    @Test
    void aChangeThatTookEffectLongAgoMakesTheTaskOverdue() {
        String agency = agency("37", "Sở Nội vụ tỉnh Ninh Bình");
        String law = legal("37", number(), "2012-01-01", "[]");
        String doc = procedure(agency, "37", "OPERATIONAL_PROCEDURE", law, null, true);
        legal("37", number(), "2020-01-01", "[{\"kind\":\"AMENDS\",\"targetId\":\"" + law + "\"}]");
        String admin = TestTokens.provinceAdmin("37");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin).queryParam("documentId", doc)
                .get("/api/v1/review-tasks").then().statusCode(200).body("items.status", everyItem(equalTo("OVERDUE")))
                .body("total", equalTo(1)));
        assertFalse(TestKafka.await("document.events", r -> agency.equals(r.key())
                && "vn.govqms.document.procedure-review.overdue.v1".equals(TestKafka.header(r, "ce_type"))
                && r.value().contains("2020-04-01"), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void aTthcAmendmentReachesTheProceduresImplementingIt() {
        String agency = agency("24", "UBND xã Hợp Thịnh");
        String law = legal("24", number(), "2015-01-01", "[]");
        String code = String.format("2.%06d.000.00.00.H24", (int) (Math.random() * 999_999));
        String admin = TestTokens.provinceAdmin("24");
        String tthc = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Đăng ký khai sinh","field":"Hộ tịch","level":"COMMUNE","processingDays":3,"provinceCode":"24"}"""
                .formatted(code)).post("/api/v1/administrative-procedures").then().statusCode(201).extract().path("id");
        String doc = procedure(agency, "24", "TTHC_PROCEDURE", law, code, true);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2032-07-01\",\"reason\":\"Liên thông điện tử\"}")
                .post("/api/v1/administrative-procedures/{id}/abolition", tthc).then().statusCode(200);
        given().auth().oauth2(admin).queryParam("causeId", tthc).get("/api/v1/review-tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].documentId", equalTo(doc))
                .body("items[0].causeType", equalTo("ADMINISTRATIVE_PROCEDURE")).body("items[0].dueDate", equalTo("2032-10-01"));
        given().auth().oauth2(admin).queryParam("status", "DONE").get("/api/v1/review-tasks").then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("agencyId", "x").get("/api/v1/review-tasks").then().spec(problem(400));
    }
}
