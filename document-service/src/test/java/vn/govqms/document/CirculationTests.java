package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Distribution with signed receipt, posting and publication, periodic reviews. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class CirculationTests {

    static final String PROBLEM = "application/problem+json";
    static final String UNIT = "{\"kind\":\"UNIT\",\"name\":\"Bộ phận Một cửa\"}";
    static final String PERSON = "{\"kind\":\"PERSON\",\"name\":\"Nguyễn Văn An\"}";

    @Test
    void everyRecipientSignsOncePerVersionAndANewVersionAsksAgain() {
        String agency = ReviewTaskTests.agency("24", "Sở Xây dựng tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String head = TestTokens.agencyRole("agency-head", agency, "24");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[" + UNIT + "," + PERSON + "]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipient\":" + UNIT + "}")
                .post("/api/v1/documents/{id}/versions/1/acknowledgements", doc).then().statusCode(200)
                .body("acknowledgedBy", equalTo("iso-officer-" + agency));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipient\":" + UNIT + "}")
                .post("/api/v1/documents/{id}/versions/1/acknowledgements", doc).then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(head).queryParam("pending", true).get("/api/v1/documents/{id}/distribution", doc)
                .then().statusCode(200).body("recipient", contains("Nguyễn Văn An"));
        // revision 2 issued: both must sign again
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions", doc).then().statusCode(201);
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions/2/submit", doc).then().statusCode(200);
        given().auth().oauth2(head).post("/api/v1/documents/{id}/versions/2/approve", doc).then().statusCode(200);
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/versions/2/issue", doc).then().statusCode(200);
        given().auth().oauth2(head).queryParam("pending", true).queryParam("revision", 2).get("/api/v1/documents/{id}/distribution", doc)
                .then().statusCode(200).body("$", hasSize(2));
        // a superseded version is not distributed any more
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[" + UNIT + "]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.agencyRole("viewer", java.util.UUID.randomUUID().toString(), "24"))
                .get("/api/v1/documents/{id}/distribution", doc).then().statusCode(403);
    }

    @Test
    void postingPublicationAndPeriodicReviews() {
        String agency = ReviewTaskTests.agency("24", "Sở Giao thông vận tải tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"postedOn\":\"2026-01-05\",\"portalUrl\":\"https://sgtvt.bacgiang.gov.vn/iso/qt\",\"publishedOn\":\"2026-01-06\"}")
                .put("/api/v1/documents/{id}/publication", doc).then().statusCode(200)
                .body("postedOn", equalTo("2026-01-05")).body("portalUrl", equalTo("https://sgtvt.bacgiang.gov.vn/iso/qt"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"portalUrl\":\"javascript:alert(1)\"}")
                .put("/api/v1/documents/{id}/publication", doc).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2026-06-30\",\"outcome\":\"NO_CHANGE\",\"note\":\"Còn phù hợp\",\"nextReviewDate\":\"2027-06-30\"}")
                .post("/api/v1/documents/{id}/periodic-reviews", doc).then().statusCode(200).body("outcome", equalTo("NO_CHANGE"));
        given().auth().oauth2(officer).get("/api/v1/documents/{id}", doc).then().statusCode(200).body("nextReviewDate", equalTo("2027-06-30"));
        given().auth().oauth2(officer).get("/api/v1/documents/{id}/periodic-reviews", doc).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].reviewer", equalTo("iso-officer-" + agency));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2026-06-30\",\"outcome\":\"NO_CHANGE\",\"nextReviewDate\":\"2026-01-01\"}")
                .post("/api/v1/documents/{id}/periodic-reviews", doc).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2026-06-30\",\"outcome\":\"NO_CHANGE\"}")
                .post("/api/v1/documents/{id}/periodic-reviews", doc).then().statusCode(403);
    }
}
