package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.webhook.FailureReason;
import vn.govqms.notification.webhook.SecretKeeping;
import vn.govqms.notification.webhook.Signature;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.notification.WebhookTests.REVIEW;
import static vn.govqms.notification.WebhookTests.subscribe;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Webhooks read as an attacker would: a name that changes its answer after the check (DNS rebinding), transition forms of
 * internal addresses, ports, redirects; failures logged by class, not by their raw text; secrets sealed at rest and rotated with
 * an overlap during which both signatures verify.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class WebhookHardeningTests {

    static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    SecretKeeping keeping;

    static String review(String agency) {
        return Fixtures.publish("document", "procedure-review.required", agency, InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-" + UUID.randomUUID()));
    }

    static long attempts(String subscription, FailureReason reason) {
        return Fixtures.count("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = '"
                + subscription + "' and a.reason = '" + reason.name() + "'");
    }

    /** The newest delivery of a subscription, with its attempts, as the log shows it to the subscription's manager. */
    static JsonPath lastDelivery(String token, String subscription) {
        String id = given().auth().oauth2(token).get("/api/v1/webhooks/{id}/deliveries", subscription).then().statusCode(200)
                .extract().path("items[0].id");
        return given().auth().oauth2(token).get("/api/v1/webhooks/{id}/deliveries/{d}", subscription, id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aNameThatAnsweredAPublicAddressWhenSavedAndALoopbackOneWhenSentReachesNothing() {
        String agency = Fixtures.agency("70", "Sở Tài chính tỉnh Hà Nam");
        String admin = TestTokens.provinceAdmin("70");
        try (Receiver inside = Receiver.start()) {
            String url = "http://rebind.motcua.test:" + inside.port() + "/govqms/webhook";
            FixedAnswers.answer("rebind.motcua.test", "93.184.215.14");
            String[] sub = subscribe(admin, url, null, REVIEW);
            inside.secret(sub[1]);

            FixedAnswers.answer("rebind.motcua.test", "127.0.0.1");
            review(agency);
            await().atMost(WAIT).until(() -> attempts(sub[0], FailureReason.BLOCKED_ADDRESS) >= 1);
            JsonPath delivery = lastDelivery(admin, sub[0]);
            assertEquals("BLOCKED_ADDRESS", delivery.getString("lastReason"));
            assertEquals(FailureReason.BLOCKED_ADDRESS.text(), delivery.getString("attemptLog[0].error"));
            assertFalse(delivery.prettify().contains("127.0.0.1"), "the log names no internal address");

            // the same loopback address behind the NAT64 prefix
            FixedAnswers.answer("rebind.motcua.test", "64:ff9b::7f00:1");
            review(agency);
            await().atMost(WAIT).until(() -> Fixtures.count("select count(*) from webhook_delivery where subscription_id = '" + sub[0]
                    + "' and last_reason = 'BLOCKED_ADDRESS'") == 2);
            assertEquals(0, inside.requests(), "nothing reached the receiver inside");
        }
    }

    @Test
    void internalAddressesInTransitionFormsAndOtherPortsAreRefusedWhenSaved() {
        String admin = TestTokens.provinceAdmin("71");
        for (String url : new String[] {"https://[64:ff9b::a9fe:a9fe]/latest/meta-data", "https://[2002:7f00:1::1]/hook",
                "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", "https://[::ffff:10.0.0.5]/hook"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"" + url + "\",\"eventTypes\":[\"" + REVIEW + "\"]}")
                    .post("/api/v1/webhooks").then().spec(problem(422, "webhook-target-refused"));
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"https://motcua.hanam.gov.vn:22/hook\",\"eventTypes\":[\"" + REVIEW + "\"]}")
                .post("/api/v1/webhooks").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"https://khong-ton-tai.motcua.test/hook\",\"eventTypes\":[\"" + REVIEW + "\"]}")
                .post("/api/v1/webhooks").then().spec(problem(422)).body("detail", Matchers.containsString("does not resolve"));
    }

    @Test
    void aDeliveryConnectsToTheAddressCheckedForItsNameWithTheNameAsHost() {
        String agency = Fixtures.agency("72", "Sở Xây dựng tỉnh Nam Định");
        String admin = TestTokens.provinceAdmin("72");
        try (Receiver receiver = Receiver.start()) {
            // .test names never resolve on this machine: the delivery arrives only if the client used the address we checked
            FixedAnswers.answer("pinned.motcua.test", "127.0.0.1");
            String[] sub = subscribe(admin, "http://pinned.motcua.test:" + receiver.port() + "/govqms/webhook", null, REVIEW);
            receiver.secret(sub[1]);
            review(agency);
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            assertEquals("pinned.motcua.test:" + receiver.port(), receiver.received().get(0).host());
            assertTrue(receiver.received().get(0).signatureValid());
        }
    }

    @Test
    void redirectsAreNotFollowedAndFailuresAreLoggedByClass() throws Exception {
        String agency = Fixtures.agency("74", "Sở Công Thương tỉnh Ninh Bình");
        String admin = TestTokens.provinceAdmin("74");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (Receiver target = Receiver.start(); Receiver redirector = Receiver.start().redirectTo(target.url());
             Receiver plain = Receiver.start()) {
            String redirected = subscribe(admin, redirector.url(), null, REVIEW)[0];
            String refused = subscribe(admin, "http://127.0.0.1:" + closedPort + "/hook", null, REVIEW)[0];
            // https to a server that speaks plain http: the TLS handshake fails
            String tls = subscribe(admin, "https://127.0.0.1:" + plain.port() + "/hook", null, REVIEW)[0];
            FixedAnswers.answer("gone.motcua.test", "93.184.215.14");
            String dns = subscribe(admin, "http://gone.motcua.test:8080/hook", null, REVIEW)[0];
            FixedAnswers.forget("gone.motcua.test");

            review(agency);
            await().atMost(WAIT).until(() -> Fixtures.count("select count(*) from webhook_delivery where subscription_id in ('" + redirected
                    + "','" + refused + "','" + tls + "','" + dns + "') and status = 'DEAD'") == 4);

            JsonPath r = lastDelivery(admin, redirected);
            assertEquals("REDIRECT", r.getString("lastReason"));
            assertEquals(307, r.getInt("lastStatusCode"));
            assertEquals(FailureReason.REDIRECT.text(307), r.getString("attemptLog[0].error"));
            assertEquals(3, redirector.requests());
            assertEquals(0, target.requests(), "the redirect was not followed");

            for (String[] expected : new String[][] {{refused, "REFUSED"}, {tls, "TLS"}, {dns, "DNS"}}) {
                JsonPath d = lastDelivery(admin, expected[0]);
                FailureReason reason = FailureReason.valueOf(expected[1]);
                assertEquals(expected[1], d.getString("lastReason"), d.prettify());
                assertEquals(reason.text(), d.getString("lastError"));
                assertEquals(3, d.getList("attemptLog").size());
                for (int i = 0; i < 3; i++) {
                    assertEquals(expected[1], d.getString("attemptLog[" + i + "].reason"));
                    assertEquals(reason.text(), d.getString("attemptLog[" + i + "].error"));
                }
            }
        }
    }

    /**
     * Thái Bình's subscription, its secret rotated three times, made once for this class: with an hour's overlap (one delivery
     * during it, one after it was ended by a past date), with none (PT0S, one delivery after it) and with the configured one
     * ({}). The receiver answers 204 to a delivery it verifies with the secret it holds (401 otherwise, and it is sent again).
     */
    record Rotation(String subscription, String old, String fresh, String third, OffsetDateTime rotatedAt, Response rotated,
                    Response readAfterRotation, Receiver.Received during, Response readAfterOverlap, Receiver.Received after,
                    Response dropped, Receiver.Received afterDrop, Response configured) {
    }

    private static Rotation rotation;

    static synchronized Rotation rotation() {
        if (rotation != null) {
            return rotation;
        }
        String agency = Fixtures.agency("75", "Sở Giao thông vận tải tỉnh Thái Bình");
        String admin = TestTokens.provinceAdmin("75");
        try (Receiver receiver = Receiver.start()) {
            String[] sub = subscribe(admin, receiver.url(), null, REVIEW);
            OffsetDateTime rotatedAt = OffsetDateTime.now();
            Response rotated = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"overlap\":\"PT1H\"}")
                    .post("/api/v1/webhooks/{id}/secret-rotations", sub[0]);
            String fresh = rotated.then().statusCode(200).extract().path("secret");
            receiver.secret(fresh);
            Response readAfterRotation = given().auth().oauth2(admin).get("/api/v1/webhooks/{id}", sub[0]);
            review(agency);
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);

            // the overlap ends (a past date, not a wait): the old secret is no longer used, then erased
            TestDb.update(Fixtures.db(), "update webhook_subscription set previous_secret_expires_at = now() - interval '1 second' where id = '" + sub[0] + "'");
            await().atMost(WAIT).until(() -> Fixtures.count("select count(*) from webhook_subscription where id = '" + sub[0]
                    + "' and previous_secret is null and previous_secret_expires_at is null") == 1);
            Response readAfterOverlap = given().auth().oauth2(admin).get("/api/v1/webhooks/{id}", sub[0]);
            review(agency);
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);

            Response dropped = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"overlap\":\"PT0S\"}")
                    .post("/api/v1/webhooks/{id}/secret-rotations", sub[0]);
            String third = dropped.then().statusCode(200).extract().path("secret");
            receiver.secret(third);
            review(agency);
            await().atMost(WAIT).until(() -> receiver.received().size() == 3);
            Response configured = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/webhooks/{id}/secret-rotations", sub[0]);
            rotation = new Rotation(sub[0], sub[1], fresh, third, rotatedAt, rotated, readAfterRotation, receiver.received().get(0),
                    readAfterOverlap, receiver.received().get(1), dropped, receiver.received().get(2), configured);
            return rotation;
        }
    }

    @Test
    void aRotationAnswersTheNewSecretOnceAndWhenTheOldOneExpires() {
        Rotation w = rotation();
        w.rotated().then().statusCode(200).body("secret", startsWith(Signature.PREFIX)).body("previousSecretExpiresAt", notNullValue())
                .body("secretRotatedAt", notNullValue());
        assertNotEquals(w.old(), w.fresh());
        OffsetDateTime until = OffsetDateTime.parse(w.rotated().path("previousSecretExpiresAt"));
        assertTrue(until.isAfter(w.rotatedAt().plusMinutes(59)) && until.isBefore(w.rotatedAt().plusMinutes(61)), until.toString());
        w.readAfterRotation().then().statusCode(200).body("secret", nullValue());
    }

    @Test
    void duringTheOverlapBothSignaturesVerify() {
        Receiver.Received during = rotation().during();
        assertEquals(2, during.signatures(), during.signature());
        assertTrue(during.signedWith(rotation().fresh()), "the new secret verifies");
        assertTrue(during.signedWith(rotation().old()), "the old secret verifies during the overlap");
    }

    @Test
    void afterTheOverlapTheOldSecretIsErasedAndNoLongerSigns() {
        Rotation w = rotation();
        w.readAfterOverlap().then().statusCode(200).body("previousSecretExpiresAt", nullValue());
        assertEquals(1, w.after().signatures(), w.after().signature());
        assertTrue(w.after().signedWith(w.fresh()));
        assertFalse(w.after().signedWith(w.old()), "the old secret no longer verifies");
    }

    @Test
    void aRotationWithoutOverlapDropsTheCurrentSecretAtOnce() {
        Rotation w = rotation();
        w.dropped().then().statusCode(200).body("previousSecretExpiresAt", nullValue());
        assertEquals(1, w.afterDrop().signatures());
        assertTrue(w.afterDrop().signedWith(w.third()));
        assertFalse(w.afterDrop().signedWith(w.fresh()));
    }

    @Test
    void aRotationThatNamesNoOverlapTakesTheConfiguredOne() {
        rotation().configured().then().statusCode(200).body("previousSecretExpiresAt", notNullValue());
    }

    @Test
    void everyRotationIsInTheAuditTrailWithoutTheSecret() {
        assertEquals(3, Fixtures.count("select count(*) from audit_trail where resource_type = 'webhook' and resource_id = '"
                + rotation().subscription() + "' and action = 'secret-rotated' and changes not like '%whsec_%'"));
    }

    @Test
    void onlyTheProvincesCommitteeRotatesItsSubscriptionsSecret() {
        String subscription = rotation().subscription();
        // another province's committee, a one-stop-shop system on the committee's subscription, national-admin, an unknown subscription
        given().auth().oauth2(TestTokens.provinceAdmin("74")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/webhooks/{id}/secret-rotations", subscription).then().spec(problem(403));
        given().auth().oauth2(TestTokens.integration("75")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/webhooks/{id}/secret-rotations", subscription).then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/webhooks/{id}/secret-rotations", subscription).then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("75")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/webhooks/{id}/secret-rotations", UUID.randomUUID()).then().spec(problem(404));
    }

    @Test
    void theOverlapIsADurationOfAtMost30Days() {
        String subscription = rotation().subscription();
        for (String overlap : new String[] {"P31D", "-PT1H", "một ngày"}) {
            given().auth().oauth2(TestTokens.provinceAdmin("75")).contentType(ContentType.JSON).body("{\"overlap\":\"" + overlap + "\"}")
                    .post("/api/v1/webhooks/{id}/secret-rotations", subscription).then().spec(problem(400));
        }
    }

    @Test
    void secretsAreSealedAtRestAndAPlainRowFromBeforeIsSealedAtStart() {
        String agency = Fixtures.agency("76", "Sở Nông nghiệp tỉnh Hưng Yên");
        String admin = TestTokens.provinceAdmin("76");
        try (Receiver receiver = Receiver.start()) {
            String[] sub = subscribe(admin, receiver.url(), null, REVIEW);
            receiver.secret(sub[1]);
            assertEquals(1, Fixtures.count("select count(*) from webhook_subscription where id = '" + sub[0] + "' and secret_key_id = 'dev-1' "
                    + "and secret <> '" + sub[1] + "' and position('" + sub[1].substring(Signature.PREFIX.length()) + "' in secret) = 0"));

            // a row as stored before secrets were encrypted: plain, no key id; it still signs, and the next start seals it
            String plain = Signature.newSecret();
            TestDb.update(Fixtures.db(), "update webhook_subscription set secret = '" + plain + "', secret_key_id = null where id = '" + sub[0] + "'");
            receiver.secret(plain);
            review(agency);
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            assertTrue(receiver.received().get(0).signatureValid());

            assertTrue(keeping.reseal().await().atMost(WAIT) >= 1);
            assertEquals(1, Fixtures.count("select count(*) from webhook_subscription where id = '" + sub[0] + "' and secret_key_id = 'dev-1' "
                    + "and secret <> '" + plain + "'"));
            review(agency);
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);
            assertTrue(receiver.received().get(1).signatureValid(), "the sealed secret still signs");
            assertNull(given().auth().oauth2(admin).get("/api/v1/webhooks/{id}", sub[0]).then().statusCode(200).extract().path("secret"));
        }
    }
}
