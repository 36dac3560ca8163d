package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.StreamTests.Listener;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/**
 * A browser's EventSource cannot send an Authorization header: it opens the stream with a ticket obtained with the bearer token,
 * bound to the caller's scope, usable once, valid {@code govqms.stream.ticket-validity} ({@code %test}: 3 s).
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class StreamTicketTests {

    @TestHTTPResource("/")
    URL root;

    static JsonPath ticket(String token, String agencyId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(agencyId == null ? "{}" : "{\"agencyId\":\"" + agencyId + "\"}")
                .post("/api/v1/notifications/stream-tickets").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    URI at(String relative) {
        return URI.create(root.toString().replaceAll("/$", "") + relative);
    }

    @Test
    void aTicketOpensTheStreamOnceWithoutAnAuthorizationHeader() throws Exception {
        String agency = Fixtures.agency("42", "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh");
        JsonPath issued = ticket(TestTokens.provinceAdmin("42"), null);
        String ticket = issued.getString("ticket");
        OffsetDateTime expires = OffsetDateTime.parse(issued.getString("expiresAt"));
        assertTrue(expires.isAfter(OffsetDateTime.now()) && expires.isBefore(OffsetDateTime.now().plusSeconds(10)), expires.toString());
        assertFalse(ticket.contains("."), "not a JWT");
        assertEquals("/api/v1/notifications/stream?ticket=" + ticket, issued.getString("streamUrl"));

        try (Listener browser = new Listener(at(issued.getString("streamUrl")), null, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.status != 0);
            assertEquals(200, browser.status);
            Fixtures.publish("scoring", "score.changed", agency, StreamFeedTests.scoreChanged(agency, "42"));
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.events.stream().anyMatch(e -> e.data().contains(agency)));

            // the same ticket again (a replayed address, a second tab): refused
            given().queryParam("ticket", ticket).get("/api/v1/notifications/stream").then().spec(problem(401, "invalid-stream-ticket"));
        }
        given().queryParam("ticket", "q3J6c1lH0e3mX8yq7YtR1k2wq9Vb4nA5sD6fG7hJ8kL").get("/api/v1/notifications/stream").then().spec(problem(401, "invalid-stream-ticket"));
        // the bearer header still opens it; without either, 401
        given().get("/api/v1/notifications/stream").then().spec(problem(401));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/notifications/stream-tickets").then().spec(problem(401));

        // the access log has the stream's requests, never the ticket
        Path accessLog = Path.of("target", "access.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(accessLog)
                && Files.readString(accessLog).contains("GET /api/v1/notifications/stream HTTP"));
        assertFalse(Files.readString(accessLog).contains(ticket), "a ticket in the access log");
    }

    @Test
    void anExpiredTicketIsRefused() {
        String ticket = ticket(TestTokens.provinceAdmin("42"), null).getString("ticket");
        // past its 3 s
        await().pollDelay(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        given().queryParam("ticket", ticket).get("/api/v1/notifications/stream").then().spec(problem(401, "invalid-stream-ticket"));
    }

    @Test
    void aTicketCarriesItsHoldersScopeAndNoMore() {
        String own = Fixtures.agency("42", "Sở Tài chính tỉnh Hà Tĩnh");
        String other = Fixtures.agency("42", "Sở Nội vụ tỉnh Hà Tĩnh");
        String viewer = TestTokens.agencyRole("viewer", own, "42");

        // a ticket is refused for what the token itself may not watch
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body("{\"agencyId\":\"" + other + "\"}")
                .post("/api/v1/notifications/stream-tickets").then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("43")).contentType(ContentType.JSON).body("{\"agencyId\":\"" + own + "\"}")
                .post("/api/v1/notifications/stream-tickets").then().spec(problem(403));

        // nor does the address widen it: another agency than the ticket's is refused before the ticket is used
        String ticket = ticket(viewer, null).getString("ticket");
        given().queryParam("ticket", ticket).queryParam("agencyId", other).get("/api/v1/notifications/stream").then().spec(problem(400));

        // the viewer's stream shows its agency only, though the ticket says nothing of it
        try (Listener browser = new Listener(at("/api/v1/notifications/stream?ticket=" + ticket), null, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.status != 0);
            assertEquals(200, browser.status);
            Fixtures.publish("scoring", "score.changed", other, StreamFeedTests.scoreChanged(other, "42"));
            Fixtures.publish("scoring", "score.changed", own, StreamFeedTests.scoreChanged(own, "42"));
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.events.stream().anyMatch(e -> e.data().contains(own)));
            assertTrue(browser.events.stream().noneMatch(e -> e.data().contains(other)), browser.events.toString());
        }
    }

    @Test
    void aBrowserResumesWithANewTicketAndTheLastEventId() {
        String agency = Fixtures.agency("42", "Sở Y tế tỉnh Hà Tĩnh");
        String head = TestTokens.agencyRole("agency-head", agency, "42");
        String first;
        String second;
        try (Listener browser = new Listener(at(ticket(head, agency).getString("streamUrl")), null, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.status == 200);
            Fixtures.publish("scoring", "score.changed", agency, StreamFeedTests.scoreChanged(agency, "42"));
            Fixtures.publish("scoring", "score.changed", agency, StreamFeedTests.scoreChanged(agency, "42").replace("74.5", "76.0"));
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.events.size() >= 2);
            first = browser.events.get(0).id();
            second = browser.events.get(1).id();
        }
        // the page asks for a new ticket and passes the last id it saw (a new EventSource sends no Last-Event-ID)
        String url = ticket(head, agency).getString("streamUrl") + "&lastEventId=" + first;
        try (Listener resumed = new Listener(at(url), null, null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !resumed.events.isEmpty());
            assertEquals(second, resumed.events.get(0).id());
        }
    }
}
