package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Reads a stream in the background, collecting its events. */
    static final class Listener implements AutoCloseable {
        final List<Sse> events = new CopyOnWriteArrayList<>();
        final Thread thread;
        volatile int status;

        Listener(URI uri, String token, String lastEventId) {
            thread = new Thread(() -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream");
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                try {
                    HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    status = response.statusCode();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                    String id = null;
                    String event = null;
                    StringBuilder data = new StringBuilder();
                    for (String line; (line = reader.readLine()) != null; ) {
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
                } catch (Exception e) {
                    // closed by the test
                }
            }, "sse-listener");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    @Test
    void aProvinceDashboardSeesNotificationsAndScoreChangesAndResumesAfterAReconnect() throws Exception {
        String agency = Fixtures.agency("36", "Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
        String officer = Fixtures.unique("officer");
        Fixtures.contact(TestTokens.provinceAdmin("36"), agency, officer, "Lê Thị Hồng", null, "vi", false, "ISO_OFFICER");
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
                .get("/api/v1/notifications/stream").then().statusCode(403).contentType(Fixtures.PROBLEM);
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("agencyId", agency)
                .get("/api/v1/notifications/stream").then().statusCode(403).contentType(Fixtures.PROBLEM);
        given().auth().oauth2(TestTokens.provinceAdmin("36")).queryParam("agencyId", UUID.randomUUID().toString())
                .get("/api/v1/notifications/stream").then().statusCode(422).contentType(Fixtures.PROBLEM);
        given().auth().oauth2(TestTokens.withClaims("viewer", null, "36"))
                .get("/api/v1/notifications/stream").then().statusCode(403).contentType(Fixtures.PROBLEM)
                .body("type", endsWith("missing-claim")).body("claim", equalTo("agency_id"));
        given().auth().oauth2(TestTokens.provinceAdmin("36")).header("Last-Event-ID", "abc")
                .get("/api/v1/notifications/stream").then().statusCode(400).contentType(Fixtures.PROBLEM);
    }
}
