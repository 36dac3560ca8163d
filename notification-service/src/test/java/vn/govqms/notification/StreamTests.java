package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/** Server-sent events per agency and per province; a reconnect with Last-Event-ID resumes without a gap. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class StreamTests {

    @TestHTTPResource("/api/v1/notifications/stream")
    URL stream;

    /** An SSE event as read off the wire. */
    record Sse(String id, String event, String data) {
    }

    /** The tests' HTTP client for streams (one event loop is plenty). */
    static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

    /**
     * Reads a stream in the background, collecting its events; {@code token} null opens it without an Authorization header (with
     * a ticket in the address, as a browser's EventSource does). A refusal's status, headers and body are kept; {@link #close}
     * drops the connection, so that the service sees the stream end.
     */
    static final class Listener implements AutoCloseable {
        final List<Sse> events = new CopyOnWriteArrayList<>();
        volatile int status;
        volatile String retryAfter;
        volatile String body;
        private final HttpClient client = VERTX.createHttpClient();
        private String id;
        private String event;
        private final StringBuilder data = new StringBuilder();

        Listener(URI uri, String token, String lastEventId) {
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                    .putHeader("Accept", "text/event-stream");
            if (token != null) {
                request.putHeader("Authorization", "Bearer " + token);
            }
            if (lastEventId != null) {
                request.putHeader("Last-Event-ID", lastEventId);
            }
            client.request(request).compose(HttpClientRequest::send).onSuccess(response -> {
                retryAfter = response.getHeader("Retry-After");
                if (response.statusCode() != 200) {
                    response.body().onSuccess(b -> {
                        body = b.toString(StandardCharsets.UTF_8);
                        status = response.statusCode();
                    });
                    return;
                }
                status = 200;
                response.handler(RecordParser.newDelimited("\n", line -> read(line.toString(StandardCharsets.UTF_8).replace("\r", ""))));
            });
        }

        private void read(String line) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    events.add(new Sse(id, event, data.toString()));
                }
                id = null;
                event = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            }
        }

        /** The refusal's body as JSON (status other than 200). */
        JsonPath problem() {
            return new JsonPath(body);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    @Test
    void aProvinceDashboardSeesNotificationsAndScoreChangesAndResumesAfterAReconnect() throws Exception {
        String agency = Fixtures.agency("36", "Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
        String officer = Fixtures.unique("officer");
        Contacts.contact(TestTokens.provinceAdmin("36"), agency, officer, "Lê Thị Hồng", null, "vi", false, "ISO_OFFICER");
        String admin = TestTokens.provinceAdmin("36");
        Listener dashboard = new Listener(stream.toURI(), admin, null);
        Listener agencyApp = new Listener(URI.create(stream + "?agencyId=" + agency), TestTokens.agencyRole("viewer", agency, "36"), null);
        // connected (the stream answered) before the events
        await().atMost(Duration.ofSeconds(10)).until(() -> dashboard.status == 200 && agencyApp.status == 200);
        Fixtures.publish("document", "procedure-review.required", agency, InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-TH-01"));
        // the two topics are consumed independently: the score change is sent once the review has reached both streams
        await().atMost(Duration.ofSeconds(30)).until(() -> !dashboard.events.isEmpty() && !agencyApp.events.isEmpty());
        Fixtures.publish("scoring", "score.changed", agency, """
                {"agencyId":"%s","provinceCode":"36","year":2026,"previousScore":78.5,"score":82.0,"previousBand":"FAIR","band":"GOOD",
                 "bandLabel":"Tốt","cause":"vn.govqms.audit.audit.completed.v1"}""".formatted(agency));
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.events.size() >= 2 && agencyApp.events.size() >= 2);
        dashboard.close();
        agencyApp.close();
        assertEquals(200, dashboard.status);
        Sse first = dashboard.events.get(0);
        Sse second = dashboard.events.get(1);
        assertEquals("procedure-review.required", first.event());
        assertTrue(first.data().contains("\"title\":\"Cần rà soát quy trình QT-TH-01\""), first.data());
        assertEquals("score.changed", second.event());
        assertTrue(second.data().contains("\"bandLabel\":\"Tốt\""), second.data());
        assertTrue(Long.parseLong(second.id()) > Long.parseLong(first.id()));
        assertEquals(first.id(), agencyApp.events.get(0).id());

        // a reconnect after the first event gets the second again, then what happens next
        Listener resumed = new Listener(stream.toURI(), admin, first.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> !resumed.events.isEmpty());
        resumed.close();
        assertEquals(second.id(), resumed.events.get(0).id());
    }

    @Test
    void refusals() {
        String agency = Fixtures.agency("36", "Sở Tài chính tỉnh Thanh Hóa");
        String other = Fixtures.agency("36", "Sở Nội vụ tỉnh Thanh Hóa");
        given().get("/api/v1/notifications/stream").then().statusCode(401);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, "36")).queryParam("agencyId", other)
                .get("/api/v1/notifications/stream").then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("agencyId", agency)
                .get("/api/v1/notifications/stream").then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("36")).queryParam("agencyId", UUID.randomUUID().toString())
                .get("/api/v1/notifications/stream").then().spec(problem(422));
        given().auth().oauth2(TestTokens.withClaims("viewer", null, "36"))
                .get("/api/v1/notifications/stream").then().spec(problem(403, "missing-claim")).body("claim", equalTo("agency_id"));
        given().auth().oauth2(TestTokens.provinceAdmin("36")).header("Last-Event-ID", "abc")
                .get("/api/v1/notifications/stream").then().spec(problem(400));
    }
}
