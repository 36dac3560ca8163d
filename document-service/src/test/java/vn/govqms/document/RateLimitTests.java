package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-caller rate limits of the kit (vn.govqms.kit.http): the test profile gives two subjects limits of their own
 * (3 writes, 2 expensive reads a minute; application.properties), past which 429 problem+json with Retry-After; other
 * callers and cheap reads are not touched.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class RateLimitTests {

    @Test
    void theFourthWriteOfACallerIsRefusedWithRetryAfter() {
        String agency = UUID.randomUUID().toString();
        String officer = TestTokens.person("can-bo-gioi-han", "iso-officer", agency, "24");
        for (int i = 0; i < 3; i++) {
            // an invalid body still counts: the limit is on requests, before any work
            given().auth().oauth2(officer).contentType("application/json").body("{}").post("/api/v1/documents")
                    .then().statusCode(400);
        }
        Response refused = given().auth().oauth2(officer).contentType("application/json").body("{}").post("/api/v1/documents");
        assertRateLimited(refused, 60);

        String colleague = TestTokens.person("can-bo-iso-" + UUID.randomUUID(), "iso-officer", agency, "24");
        given().auth().oauth2(colleague).contentType("application/json").body("{}").post("/api/v1/documents")
                .then().statusCode(400);
    }

    @Test
    void reportsAndSearchesCountAsExpensiveReadsAndPlainPagesDoNot() {
        String national = TestTokens.person("bo-khcn-gioi-han", "national-admin", null, null);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(national).get("/api/v1/documents").then().statusCode(200);
        }
        given().auth().oauth2(national).get("/api/v1/review-tasks/overdue-by-province").then().statusCode(200);
        given().auth().oauth2(national).queryParam("q", "quy trinh").get("/api/v1/documents").then().statusCode(200);
        assertRateLimited(given().auth().oauth2(national).get("/api/v1/review-tasks/overdue-by-province"), 60);
        assertRateLimited(given().auth().oauth2(national).queryParam("q", "quy trinh").get("/api/v1/documents"), 60);
        given().auth().oauth2(national).get("/api/v1/documents").then().statusCode(200);
    }

    private static void assertRateLimited(Response response, long windowSeconds) {
        assertEquals(429, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= windowSeconds, "Retry-After " + retryAfter);
        JsonPath body = response.jsonPath();
        assertEquals(429, body.getInt("status"));
        assertTrue(body.getString("type").endsWith("/rate-limited"), body.getString("type"));
        assertEquals(retryAfter, body.getLong("retryAfterSeconds"));
    }
}
