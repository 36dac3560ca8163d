package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code X-Content-Type-Options: nosniff} on every kind of response: data, refusals, problems, health, OpenAPI. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ResponseHeaderTests {

    @Test
    void everyResponseForbidsContentSniffing() {
        String national = TestTokens.nationalAdmin();
        assertNoSniff(given().auth().oauth2(national).get("/api/v1/documents"), 200);
        assertNoSniff(given().get("/api/v1/documents"), 401);
        assertNoSniff(given().auth().oauth2(national).get("/api/v1/documents/{id}", UUID.randomUUID()), 404);
        assertNoSniff(given().auth().oauth2(national).queryParam("size", "-1").get("/api/v1/documents"), 400);
        assertNoSniff(given().get("/no/such/path"), 404);
        assertNoSniff(given().get("/q/health/ready"), 200);
        assertNoSniff(given().get("/q/openapi"), 200);
    }

    private static void assertNoSniff(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
    }
}
