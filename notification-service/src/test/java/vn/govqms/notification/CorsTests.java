package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dashboard on another origin calls the API from a browser: the kit's CORS settings (every service has them) answer the
 * preflight of an allowed origin ({@code %test}: https://dashboard.bacninh.gov.vn) and of no other.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class CorsTests {

    static final String DASHBOARD = "https://dashboard.bacninh.gov.vn";

    @TestHTTPResource("/")
    URL root;

    static Response preflight(String origin, String path, String method, String headers) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).options(path);
    }

    static Set<String> list(String header) {
        return header == null ? Set.of() : Arrays.stream(header.split(",")).map(String::trim).map(String::toLowerCase).collect(Collectors.toSet());
    }

    @Test
    void aPreflightFromTheDashboardIsAnswered() {
        Response r = preflight(DASHBOARD, "/api/v1/notifications", "GET", "authorization,if-none-match");
        assertEquals(200, r.statusCode());
        assertEquals(DASHBOARD, r.header("Access-Control-Allow-Origin"));
        assertTrue(list(r.header("Access-Control-Allow-Methods")).containsAll(List.of("get", "post", "put", "delete")),
                r.header("Access-Control-Allow-Methods"));
        assertTrue(list(r.header("Access-Control-Allow-Headers")).containsAll(
                List.of("authorization", "content-type", "if-match", "if-none-match", "last-event-id")), r.header("Access-Control-Allow-Headers"));
        assertTrue(r.header("Access-Control-Allow-Credentials") == null || "false".equals(r.header("Access-Control-Allow-Credentials")),
                "bearer tokens, never cookies");

        // a write with If-Match, and the stream ticket a page asks for before opening its EventSource
        Response write = preflight(DASHBOARD, "/api/v1/notifications/stream-tickets", "POST", "authorization,content-type,if-match");
        assertEquals(200, write.statusCode());
        assertEquals(DASHBOARD, write.header("Access-Control-Allow-Origin"));
    }

    @Test
    void theDashboardReadsTheAnswerAndItsHeaders() {
        String token = TestTokens.provinceAdmin("24");
        Response r = given().header("Origin", DASHBOARD).auth().oauth2(token).get("/api/v1/notifications");
        assertEquals(200, r.statusCode());
        assertEquals(DASHBOARD, r.header("Access-Control-Allow-Origin"));
        assertTrue(list(r.header("Access-Control-Expose-Headers")).containsAll(List.of("etag", "location", "link", "retry-after")),
                r.header("Access-Control-Expose-Headers"));

        Response ticket = given().header("Origin", DASHBOARD).auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/notifications/stream-tickets");
        assertEquals(200, ticket.statusCode());
        assertEquals(DASHBOARD, ticket.header("Access-Control-Allow-Origin"));
    }

    @Test
    void theServicesOwnPagesStillWork() {
        // Swagger UI's "Try it out" sends its own origin with a POST: same-origin, not refused by the CORS filter
        Response r = given().header("Origin", root.toString().replaceAll("/$", "")).auth().oauth2(TestTokens.provinceAdmin("24"))
                .contentType(ContentType.JSON).body("{}").post("/api/v1/notifications/stream-tickets");
        assertEquals(200, r.statusCode());
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        for (String stranger : List.of("https://evil.example.com", "https://dashboard.bacninh.gov.vn.evil.example.com", "http://dashboard.bacninh.gov.vn")) {
            Response r = preflight(stranger, "/api/v1/notifications", "GET", "authorization");
            assertNull(r.header("Access-Control-Allow-Origin"), stranger);
            assertTrue(r.statusCode() >= 400, stranger + ": " + r.statusCode());

            // a page there that sends the request anyway gets nothing it may read
            Response read = given().header("Origin", stranger).auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/notifications");
            assertNull(read.header("Access-Control-Allow-Origin"), stranger);
            assertEquals(403, read.statusCode(), stranger);
        }
    }
}
