package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/** Signed webhooks to a real receiver: retried with back-off, dead-lettered, replayed; a slow receiver holds up no one else. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class WebhookTests {

    static final String REVIEW = "vn.govqms.document.procedure-review.required.v1";

    static String[] subscribe(String token, String url, String agency, String... types) {
        var response = given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"url":"%s","eventTypes":["%s"],"agencyId":%s,"description":"Hệ thống một cửa điện tử tỉnh"}"""
                .formatted(url, String.join("\",\"", types), agency == null ? "null" : "\"" + agency + "\""))
                .post("/api/v1/webhooks").then().statusCode(201).body("secret", startsWith("whsec_")).extract();
        return new String[] {response.path("id"), response.path("secret")};
    }

    @Test
    void aSignedDeliveryArrivesAfterAFailedFirstAttempt() {
        String agency = Fixtures.agency("28", "Sở Tư pháp tỉnh Hòa Bình");
        String admin = TestTokens.provinceAdmin("28");
        try (Receiver receiver = Receiver.start().failFirst(1)) {
            String[] sub = subscribe(admin, receiver.url(), null, REVIEW);
            receiver.secret(sub[1]);
            String task = UUID.randomUUID().toString();
            String eventId = Fixtures.publish("document", "procedure-review.required", agency,
                    InboxTests.reviewRequired(agency, task, "QT-HB-01"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            Receiver.Received r = receiver.received().get(0);
            assertTrue(r.signatureValid());
            assertEquals("1.0", r.body().getString("specversion"));
            assertEquals(eventId, r.body().getString("id"));
            assertEquals(REVIEW, r.body().getString("type"));
            assertEquals(task, r.body().getJsonObject("data").getString("taskId"));
            assertEquals(2, receiver.requests());

            String delivery = given().auth().oauth2(admin).get("/api/v1/webhooks/{id}/deliveries", sub[0]).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2))
                    .body("items[0].lastStatusCode", equalTo(204)).extract().path("items[0].id");
            assertEquals(delivery, r.webhookId());
            given().auth().oauth2(admin).get("/api/v1/webhooks/{id}/deliveries/{d}", sub[0], delivery).then().statusCode(200)
                    .body("attemptLog.size()", equalTo(2)).body("attemptLog[0].statusCode", equalTo(503))
                    .body("attemptLog[0].reason", equalTo("HTTP_STATUS")).body("attemptLog[0].error", equalTo("HTTP 503"))
                    .body("attemptLog[1].statusCode", equalTo(204)).body("attemptLog[1].reason", nullValue())
                    .body("attemptLog[1].error", nullValue());
            // one agency's subscription does not receive another agency's events
            String other = Fixtures.agency("28", "Sở Nội vụ tỉnh Hòa Bình");
            String[] narrow = subscribe(admin, receiver.url(), other, REVIEW);
            Fixtures.publish("document", "procedure-review.required", agency, InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-HB-02"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 2);
            assertEquals(0, Fixtures.count("select count(*) from webhook_delivery where subscription_id = '" + narrow[0] + "'"));
        }
    }

    @Test
    void aDeadReceiverHoldsUpNoOneAndItsDeliveriesAreDeadLetteredThenReplayed() {
        String agency = Fixtures.agency("29", "UBND phường Quang Trung");
        String admin = TestTokens.provinceAdmin("29");
        try (Receiver slow = Receiver.start().silent(true); Receiver fast = Receiver.start()) {
            String[] slowSub = subscribe(admin, slow.url(), null, REVIEW);
            String[] fastSub = subscribe(admin, fast.url(), null, REVIEW);
            slow.secret(slowSub[1]);
            fast.secret(fastSub[1]);
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                Fixtures.publish("document", "procedure-review.required", agency, InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-QT-" + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> fast.received().size() == 10);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(fast.received().stream().allMatch(Receiver.Received::signatureValid));
            // 10 deliveries to the dead receiver, 16 at a time, each waiting 2 s for its timeout
            await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count("select count(*) from webhook_delivery where subscription_id = '"
                    + slowSub[0] + "' and status = 'DEAD'") == 10);
            System.out.printf("fast receiver got 10 deliveries in %.1f s while the other timed out%n", seconds);
            String dead = given().auth().oauth2(admin).queryParam("status", "DEAD").get("/api/v1/webhooks/{id}/deliveries", slowSub[0])
                    .then().statusCode(200).body("total", equalTo(10)).body("items[0].attempts", equalTo(3))
                    .body("items[0].lastReason", equalTo("TIMEOUT")).body("items[0].lastError", equalTo("no answer within the timeout"))
                    .extract().path("items[0].id");
            assertEquals(3, Fixtures.count("select count(*) from webhook_attempt where delivery_id = '" + dead + "'"));

            // the receiver is back: replay one, then the rest by date range
            slow.silent(false);
            given().auth().oauth2(admin).post("/api/v1/webhooks/{id}/deliveries/{d}/replay", slowSub[0], dead).then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.received().size() == 1);
            assertTrue(slow.received().get(0).signatureValid());
            String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"from\":\"" + today + "\",\"to\":\"" + today + "\"}")
                    .post("/api/v1/webhooks/{id}/replays", slowSub[0]).then().statusCode(200).body("requeued", equalTo(10));
            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from webhook_delivery where subscription_id = '"
                    + slowSub[0] + "' and status = 'DELIVERED'") == 10);
        }
    }

    @Test
    void refusals() {
        String admin = TestTokens.provinceAdmin("30");
        String agency = Fixtures.agency("30", "Sở Y tế tỉnh Hải Dương");
        String body = "{\"url\":\"https://motcua.haiduong.gov.vn/hook\",\"eventTypes\":[\"" + REVIEW + "\"]}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then().spec(problem(401));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, "30")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhooks").then().spec(problem(403));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"ftp://x\",\"eventTypes\":[\"" + REVIEW + "\"]}")
                .post("/api/v1/webhooks").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"https://a b\",\"eventTypes\":[\"" + REVIEW + "\"]}")
                .post("/api/v1/webhooks").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"https://x.vn\",\"eventTypes\":[\"vn.govqms.x.y.v1\"]}")
                .post("/api/v1/webhooks").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"https://x.vn\",\"eventTypes\":[]}")
                .post("/api/v1/webhooks").then().spec(problem(400));
        // an agency of another province
        String foreign = Fixtures.agency("31", "Sở Y tế tỉnh Hưng Yên");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.vn\",\"eventTypes\":[\"" + REVIEW + "\"],\"agencyId\":\"" + foreign + "\"}")
                .post("/api/v1/webhooks").then().spec(problem(403));
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(admin).get("/api/v1/webhooks/{id}", id).then().statusCode(200).body("secret", nullValue()).header("ETag", "\"0\"");
        given().auth().oauth2(TestTokens.integration("31")).get("/api/v1/webhooks/{id}", id).then().spec(problem(403));
        given().auth().oauth2(TestTokens.integration("31")).get("/api/v1/webhooks/{id}/deliveries", id).then().spec(problem(403));
        given().auth().oauth2(admin).get("/api/v1/webhooks/{id}/deliveries/{d}", id, UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(admin).queryParam("status", "LOST").get("/api/v1/webhooks/{id}/deliveries", id).then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/api/v1/webhooks/{id}", id).then().spec(problem(428));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"url\":\"https://x.vn/hook\",\"eventTypes\":[\"" + REVIEW + "\"],\"active\":false}")
                .put("/api/v1/webhooks/{id}", id).then().statusCode(200).body("active", equalTo(false)).body("url", equalTo("https://x.vn/hook"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"from\":\"2026-11-30\",\"to\":\"2026-11-01\"}")
                .post("/api/v1/webhooks/{id}/replays", id).then().spec(problem(400));
        given().auth().oauth2(admin).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/webhooks/{id}", id).then().spec(problem(404));
    }
}
