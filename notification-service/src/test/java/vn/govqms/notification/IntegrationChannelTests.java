package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/**
 * A one-stop-shop system (role integration) receives through the webhooks and the live stream only what its REST reads allow
 * (event.IntegrationView): a controlled document's issue, not an audit finding.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class IntegrationChannelTests {

    static final String ISSUED = "vn.govqms.document.document.issued.v1";
    static final String FINDING = "vn.govqms.audit.finding.raised.v1";

    @TestHTTPResource("/api/v1/notifications/stream")
    URL stream;

    static String issued(String agency, String document) {
        return """
                {"documentId":"%s","agencyId":"%s","code":"QT-TP-07","title":"Quy trình cấp phiếu lý lịch tư pháp","type":"PROCEDURE",
                 "revision":2,"status":"ISSUED","tthcProcedureId":null,"effectiveDate":"2026-12-01","reason":null,"actor":"iso.officer",
                 "reviewerNotes":"chưa công khai"}""".formatted(document, agency);
    }

    static String finding(String agency) {
        return """
                {"findingId":"%s","auditId":"%s","agencyId":"%s","auditKind":"PROVINCIAL_INSPECTION","clause":"8.5.1",
                 "kind":"MAJOR_NONCONFORMITY","description":"Hồ sơ trễ hạn không có phiếu xin lỗi"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), agency);
    }

    @Test
    void aOneStopShopSystemReceivesADocumentIssuedButNoFindingThroughWebhooksAndTheStream() throws Exception {
        String agency = Fixtures.agency("41", "Sở Tư pháp tỉnh Lạng Sơn");
        String admin = TestTokens.provinceAdmin("41");
        String integration = TestTokens.integration("41");
        Contacts.contact(admin, agency, Fixtures.unique("officer"), "Hoàng Thị Yến", null, "vi", false, "ISO_OFFICER", "UNIT_LEAD");

        // it may not subscribe to what its REST reads refuse
        given().auth().oauth2(integration).contentType(ContentType.JSON).body("""
                {"url":"https://motcua.langson.gov.vn/hook","eventTypes":["%s","%s"]}""".formatted(ISSUED, FINDING))
                .post("/api/v1/webhooks").then().spec(problem(403)).body("detail", containsString(FINDING));

        try (Receiver system = Receiver.start(); Receiver older = Receiver.start(); Receiver committee = Receiver.start()) {
            String[] own = WebhookTests.subscribe(integration, system.url(), null, ISSUED);
            system.secret(own[1]);
            given().auth().oauth2(integration).get("/api/v1/webhooks/{id}", own[0]).then().statusCode(200).body("forIntegration", equalTo(true));
            // one made before subscriptions were told apart names a finding too (the migration takes it as a system's)
            String[] legacy = WebhookTests.subscribe(integration, older.url(), null, ISSUED);
            older.secret(legacy[1]);
            TestDb.update(Fixtures.db(), "update webhook_subscription set event_types = array['" + ISSUED + "', '" + FINDING + "'] where id = '"
                    + legacy[0] + "'");
            String[] steering = WebhookTests.subscribe(admin, committee.url(), null, ISSUED, FINDING);
            committee.secret(steering[1]);

            StreamTests.Listener systemStream = new StreamTests.Listener(stream.toURI(), integration, null);
            StreamTests.Listener committeeStream = new StreamTests.Listener(stream.toURI(), admin, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> systemStream.status == 200 && committeeStream.status == 200);

            String findingId = Fixtures.publish("audit", "finding.raised", agency, finding(agency));
            String document = UUID.randomUUID().toString();
            String issuedId = Fixtures.publish("document", "document.issued", agency, issued(agency, document));

            // the steering committee hears of both; the system of the document only, without the fields no REST read shows
            await().atMost(Duration.ofSeconds(30)).until(() -> committee.received().size() == 2 && committeeStream.events.size() >= 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> system.received().size() == 1 && older.received().size() == 1
                    && !systemStream.events.isEmpty());
            for (Receiver.Received r : List.of(system.received().get(0), older.received().get(0))) {
                assertTrue(r.signatureValid());
                assertEquals(ISSUED, r.body().getString("type"));
                assertEquals(issuedId, r.body().getString("id"));
                assertEquals("QT-TP-07", r.body().getJsonObject("data").getString("code"));
                assertEquals(document, r.body().getJsonObject("data").getString("documentId"));
                assertFalse(r.body().getJsonObject("data").containsKey("reviewerNotes"));
            }
            assertTrue(committee.received().stream().anyMatch(r -> findingId.equals(r.body().getString("id"))));
            assertTrue(committee.received().stream().anyMatch(r -> r.body().getJsonObject("data").containsKey("reviewerNotes")));
            assertEquals(0, Fixtures.count("select count(*) from webhook_delivery where event_id = '" + findingId + "' and subscription_id in ('"
                    + own[0] + "', '" + legacy[0] + "')"));

            // the committee's stream has the finding; the system's, given the same time, never gets more than the issue
            await().atMost(Duration.ofSeconds(20)).until(() -> committeeStream.events.stream().anyMatch(e -> e.event().equals("finding.raised")));
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> systemStream.events.size() <= 1);
            systemStream.close();
            committeeStream.close();
            assertEquals(1, systemStream.events.size(), systemStream.events.toString());
            assertEquals("document.issued", systemStream.events.get(0).event());
            assertFalse(systemStream.events.get(0).data().contains("reviewerNotes"));
            assertFalse(systemStream.events.get(0).data().contains("phiếu xin lỗi"));
            assertTrue(committeeStream.events.stream().anyMatch(e -> e.event().equals("finding.raised")));

            // a finding's delivery queued for such a subscription before this version is withheld, never sent
            TestDb.update(Fixtures.db(), "insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at) "
                    + "values (gen_random_uuid(), '" + legacy[0] + "', '" + findingId + "', 'PENDING', 0, now(), now())");
            Fixtures.awaitCount("select count(*) from webhook_delivery where subscription_id = '" + legacy[0] + "' and event_id = '" + findingId
                    + "' and status = 'DEAD' and last_error like 'withheld%'", 1);
            assertEquals(1, older.received().size());
        }
    }
}
