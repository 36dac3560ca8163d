package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.local.testing.Problems.problem;

/** An agency's QMS: progress, announcement, the TTHCs in its scope, its controlled external documents. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class QmsTests {


    /** The four steps, as an announcement records them when they happened outside the system (on paper, before GovQMS). */
    static final String OUTSIDE_STEPS = """
            [{"step":"FRAMEWORK_DOCUMENTS","evidence":"Hệ thống tài liệu ban hành theo Quyết định số 12/QĐ-SKHCN (bản giấy)"},
             {"step":"INTERNAL_AUDIT","heldOn":"2015-04-10","evidence":"Báo cáo đánh giá nội bộ số 15/BC-SKHCN"},
             {"step":"MANAGEMENT_REVIEW","heldOn":"2015-04-20","evidence":"Biên bản họp xem xét của lãnh đạo ngày 20/4/2015"},
             {"step":"EFFECTIVENESS_CONFIRMED","heldOn":"2015-05-15","evidence":"Văn bản xác nhận hiệu lực số 120/SKHCN-VP"}]""";

    /** Announces with the steps recorded as taken outside the system; returns the announcement's id. */
    static String announce(String agency, String province) {
        return given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, province)).contentType(ContentType.JSON).body("""
                {"decisionNumber":"45/QĐ-SKHCN","decisionDate":"2015-05-20","standardEdition":"ISO_9001_2015",
                 "scope":"Toàn bộ hoạt động giải quyết thủ tục hành chính của Sở","notifiedLeadAgencyOn":"2015-05-25",
                 "stepsOutsideSystem":%s}""".formatted(OUTSIDE_STEPS))
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(201).extract().path("id");
    }

    static String tthc(String name) {
        return given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"%s","field":"Tư pháp","level":"PROVINCIAL","processingDays":5,"provinceCode":"24"}"""
                .formatted(String.format("4.%06d.000.00.00.H24", (int) (Math.random() * 999_999)), name))
                .post("/api/v1/administrative-procedures").then().statusCode(201).extract().path("id");
    }

    @Test
    void announcingThenWideningTheScopeRequiresReannouncement() {
        String agency = ReviewTaskTests.agency("24", "Sở Tư pháp tỉnh Bắc Giang");
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"APPLYING\",\"standardEdition\":\"ISO_9001_2008\"}").put("/api/v1/agencies/{id}/qms", agency)
                .then().statusCode(200).body("qmsStatus", equalTo("APPLYING")).body("standardEdition", equalTo("ISO_9001_2008"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"status\":\"ANNOUNCED\"}").put("/api/v1/agencies/{id}/qms", agency).then().spec(problem(400));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"decisionNumber":"1/QĐ","decisionDate":"2015-05-20","standardEdition":"ISO_9001_2015","scope":"x"}""")
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(403);
        announce(agency, "24");
        String admin = TestTokens.provinceAdmin("24");
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200)
                .body("qmsStatus", equalTo("ANNOUNCED")).body("standardEdition", equalTo("ISO_9001_2015"))
                .body("reannouncementRequired", equalTo(false));
        assertFalse(TestKafka.await("document.events", r -> agency.equals(r.key())
                && "vn.govqms.document.qms.announced.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).isEmpty());

        String first = tthc("Chứng thực bản sao từ bản chính");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"procedureIds\":[\"" + first + "\"],\"since\":\"2025-07-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(200)
                .body("procedureId", contains(first)).body("[0].since", equalTo("2025-07-01"));
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200)
                .body("reannouncementRequired", equalTo(true));
        assertFalse(TestKafka.await("document.events", r -> agency.equals(r.key())
                && "vn.govqms.document.qms.reannouncement-required.v1".equals(TestKafka.header(r, "ce_type"))
                && r.value().contains(first), Duration.ofSeconds(20)).isEmpty());
        // announcing again clears it
        announce(agency, "24");
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200)
                .body("reannouncementRequired", equalTo(false)).body("reannouncementReason", nullValue());
        given().auth().oauth2(officer).get("/api/v1/agencies/{id}/announcements", agency).then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(officer).get("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(200)
                .body("$", hasSize(1));
        // only the province publishes an agency's TTHCs
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"procedureIds\":[],\"since\":\"2025-07-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(403);
        given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON).body("{\"procedureIds\":[],\"since\":\"2025-07-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"procedureIds\":[\"" + UUID.randomUUID() + "\"],\"since\":\"2025-07-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().spec(problem(422));
    }

    @Test
    void theExternalDocumentsListFollowsTheIssuedDocuments() {
        String agency = ReviewTaskTests.agency("24", "Sở Tài chính tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        ReviewTaskTests.procedure(agency, "24", "SYSTEM_PROCEDURE", law, null, true);
        ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2016-01-01", "[{\"kind\":\"REPEALS\",\"targetId\":\"" + law + "\"}]");
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).get("/api/v1/agencies/{id}/external-documents", agency)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].legalDocumentId", equalTo(law))
                .body("[0].citedByDocuments", equalTo(2)).body("[0].status", equalTo("REPEALED"));
        given().auth().oauth2(TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), "24"))
                .get("/api/v1/agencies/{id}/external-documents", agency).then().spec(problem(403));
    }
}
