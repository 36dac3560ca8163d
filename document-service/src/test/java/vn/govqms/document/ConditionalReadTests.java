package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.ConditionalReads.assertConditional;

/** Every read of one resource answers a strong ETag and 304 to an If-None-Match that names it. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ConditionalReadTests {

    @Test
    void readsOfOneResourceAreConditional() {
        String admin = TestTokens.provinceAdmin("24");
        String agency = ReviewTaskTests.agency("24", "Sở Giáo dục và Đào tạo tỉnh Bắc Giang");
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "SYSTEM_PROCEDURE", law, null, true);

        long version = given().auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().extract().jsonPath().getLong("version");
        assertEquals("\"" + version + "\"", assertConditional(admin, "/api/v1/agencies/{id}", agency), "a versioned resource's tag is its version");
        assertConditional(admin, "/api/v1/legal-documents/{id}", law);
        assertConditional(officer, "/api/v1/documents/{id}/versions/{revision}", doc, "1");
        assertConditional(admin, "/api/v1/provinces/{code}", "24");

        // a resource without a version is tagged by its content: a change gives a new tag, and the old one reads in full
        ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2031-01-01", "[{\"kind\":\"REPLACES\",\"targetId\":\"" + law + "\"}]");
        String task = given().auth().oauth2(admin).queryParam("documentId", doc).get("/api/v1/review-tasks")
                .then().statusCode(200).extract().path("items[0].id");
        String before = assertConditional(officer, "/api/v1/review-tasks/{id}", task);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"NO_CHANGE\",\"note\":\"Vẫn phù hợp\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200);
        Response after = given().auth().oauth2(officer).header("If-None-Match", before).get("/api/v1/review-tasks/{id}", task);
        assertEquals(200, after.statusCode());
        assertNotEquals(before, after.header("ETag"));
        assertEquals("COMPLETED", after.path("status"));

        // refusals stay refusals: the tag of a resource one may not read is never answered
        given().auth().oauth2(TestTokens.provinceAdmin("37")).header("If-None-Match", before).get("/api/v1/review-tasks/{id}", task)
                .then().statusCode(403);
        assertTrue(given().auth().oauth2(admin).get("/api/v1/agencies").header("ETag") == null, "lists are not tagged");
    }
}
