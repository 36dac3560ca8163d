package vn.govqms.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.Test;
import vn.govqms.document.procedurereview.ProcedureReviewEvents;
import vn.govqms.kit.time.ClockProducer;
import vn.govqms.local.testing.EventSchemas;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published event schemas (served at /events/) match what this service really sends: every
 * event type is produced here, read back from the broker and validated, headers included.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class EventSchemaTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventSentMatchesItsPublishedSchema() throws Exception {
        EventSchemas.assertEverySentEventMatches("document.events", "document-service", 26, this::produceEveryType);
        // the set-based producer's rows, every one written so far (the broker check stops at one of each type)
        for (String type : List.of(ProcedureReviewEvents.REQUIRED, ProcedureReviewEvents.RESCHEDULED, ProcedureReviewEvents.OVERDUE)) {
            assertOutboxRowsMatch(type);
        }
    }

    /** Every outbox payload of {@code type} (at least one) validates against its published schema. */
    static void assertOutboxRowsMatch(String type) throws Exception {
        JsonSchema schema = EventSchemas.published().get(type);
        JsonNode payloads = JSON.readTree(TestDb.value("document",
                "select coalesce(json_agg(payload::json), '[]')::text from outbox where type = '" + type + "'"));
        assertTrue(payloads.size() > 0, "no " + type + " written");
        for (JsonNode p : payloads) {
            assertTrue(schema.validate(p).isEmpty(), type + " " + p + " breaks its schema: " + schema.validate(p));
        }
    }

    /** One of each: a province merger, agency, legal and TTHC changes, a document lifecycle, reviews rescheduled, resolved and overdue, TTHC list updates. */
    private void produceEveryType() {
        // Bắc Kạn joins Thái Nguyên, which keeps code 19
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body("""
                {"code":"19","name":"Thái Nguyên","effectiveDate":"2025-07-01","sourceCodes":["06","19"],"decision":"202/2025/QH15"}""")
                .post("/api/v1/province-mergers").then().statusCode(201);
        String splitSource = ReviewTaskTests.agency("11", "Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên");
        given().auth().oauth2(TestTokens.provinceAdmin("11")).contentType(ContentType.JSON)
                .body(MergerTests.split(splitSource, "[]", ReviewTaskTests.agency("11", "Sở Du lịch tỉnh Điện Biên")))
                .post("/api/v1/agencies/splits").then().statusCode(200);
        String agency = ReviewTaskTests.agency("24", "Sở Y tế tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin("24");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Sở Y tế tỉnh Bắc Giang (mới)\"}").put("/api/v1/agencies/{id}", agency).then().statusCode(200);
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2012-01-01", "[]");
        String code = String.format("3.%06d.000.00.00.H24", (int) (Math.random() * 999_999));
        String tthc = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Cấp giấy phép hành nghề","field":"Y tế","level":"PROVINCIAL","processingDays":20,"provinceCode":"24"}"""
                .formatted(code)).post("/api/v1/administrative-procedures").then().statusCode(201).extract().path("id");
        String doc = ReviewTaskTests.procedure(agency, "24", "TTHC_PROCEDURE", law, code, true);
        String amending = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2013-01-01",
                "[{\"kind\":\"AMENDS\",\"targetId\":\"" + law + "\"}]");
        // its effective date corrected: the open review moves (procedure-review.rescheduled)
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"issuer":"Ủy ban nhân dân tỉnh","title":"Quyết định về thủ tục hành chính","issuedDate":"2010-01-01",
                 "effectiveDate":"2013-02-01"}""").put("/api/v1/legal-documents/{id}", amending).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"name":"Cấp giấy phép hành nghề","field":"Y tế","level":"PROVINCIAL","processingDays":15,"effectiveDate":"2033-01-01"}""")
                .put("/api/v1/administrative-procedures/{id}", tthc).then().statusCode(200);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"recipients\":[{\"kind\":\"PERSON\",\"subject\":\"nguyen.van.an\",\"name\":\"Nguyễn Văn An\"}]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().statusCode(200);
        given().auth().oauth2(TestTokens.person("nguyen.van.an", "viewer", agency, "24")).contentType(ContentType.JSON)
                .body("{\"recipient\":{\"kind\":\"PERSON\",\"subject\":\"nguyen.van.an\"}}")
                .post("/api/v1/documents/{id}/versions/1/acknowledgements", doc).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"channel\":\"PORTAL\",\"postedOn\":\"" + LocalDate.now(ClockProducer.VIETNAM)
                        + "\",\"url\":\"https://syt.bacgiang.gov.vn/tthc/qt\"}")
                .post("/api/v1/documents/{id}/versions/1/postings", doc).then().statusCode(201);
        String task = given().auth().oauth2(admin).queryParam("causeId", tthc).get("/api/v1/review-tasks").then().statusCode(200)
                .extract().path("items[0].id");
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, "24")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_CHANGE\",\"note\":\"Thời hạn mới vẫn đủ cho các bước\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200);
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, "24")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Thay bằng quy trình liên thông\"}").post("/api/v1/documents/{id}/versions/1/abolish", doc)
                .then().statusCode(200);
        QmsTests.announce(agency, "24");
        // a province's TTHC decision long past: one agency updates its list (cleared, late), the other stays overdue
        String late = ReviewTaskTests.agency("24", "Sở Xây dựng tỉnh Bắc Giang");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"provinceCode":"24","number":"%d/QĐ-UBND","decisionDate":"2026-02-13","procedureIds":["%s"],"agencyIds":["%s","%s"]}"""
                .formatted((int) (Math.random() * 90_000 + 1000), tthc, agency, late)).post("/api/v1/tthc-list-decisions").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"procedureIds\":[\"" + tthc + "\"],\"since\":\"2025-07-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(200);
        String successor = ReviewTaskTests.agency("24", "Sở Y tế và Dân số tỉnh Bắc Giang");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"sourceAgencyIds\":[\"" + agency + "\"],\"successorId\":\"" + successor + "\",\"effectiveDate\":\"2025-07-01\"}")
                .post("/api/v1/agencies/merges").then().statusCode(200);
    }
}
