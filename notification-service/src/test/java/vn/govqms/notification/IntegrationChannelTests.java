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

    /**
     * Lạng Sơn's justice department, made once for this class: a one-stop-shop system subscribed to documents issued (and one
     * subscription from before subscriptions were told apart that names a finding too), the steering committee to both; each
     * listening on the live stream while a finding is raised and a document issued; then a finding's delivery queued for the
     * older subscription as before this version. What each receiver and stream got is kept.
     */
    record Channels(String own, String legacy, String findingId, String issuedId, String document, List<Receiver.Received> system,
                    List<Receiver.Received> older, List<Receiver.Received> committee, List<StreamTests.Sse> systemStream,
                    List<StreamTests.Sse> committeeStream, long findingDeliveries, int olderAfterWithheld) {
    }

    private static Channels channels;

    static synchronized Channels channels(URL stream) throws Exception {
        if (channels != null) {
            return channels;
        }
        String agency = Fixtures.agency("41", "Sở Tư pháp tỉnh Lạng Sơn");
        String admin = TestTokens.provinceAdmin("41");
        String integration = TestTokens.integration("41");
        Contacts.contact(admin, agency, Fixtures.unique("officer"), "Hoàng Thị Yến", null, "vi", false, "ISO_OFFICER", "UNIT_LEAD");
        try (Receiver system = Receiver.start(); Receiver older = Receiver.start(); Receiver committee = Receiver.start()) {
            String[] own = WebhookTests.subscribe(integration, system.url(), null, ISSUED);
            system.secret(own[1]);
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
            await().atMost(Duration.ofSeconds(30)).until(() -> committee.received().size() == 2 && committeeStream.events.size() >= 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> system.received().size() == 1 && older.received().size() == 1
                    && !systemStream.events.isEmpty());
            // the committee's stream has the finding; the system's is given the same time
            await().atMost(Duration.ofSeconds(20)).until(() -> committeeStream.events.stream().anyMatch(e -> e.event().equals("finding.raised")));
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> systemStream.events.size() <= 1);
            systemStream.close();
            committeeStream.close();

            long findingDeliveries = Fixtures.count("select count(*) from webhook_delivery where event_id = '" + findingId
                    + "' and subscription_id in ('" + own[0] + "', '" + legacy[0] + "')");

            // a finding's delivery queued for the older subscription before this version
            TestDb.update(Fixtures.db(), "insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at) "
                    + "values (gen_random_uuid(), '" + legacy[0] + "', '" + findingId + "', 'PENDING', 0, now(), now())");
            Fixtures.awaitCount("select count(*) from webhook_delivery where subscription_id = '" + legacy[0] + "' and event_id = '" + findingId
                    + "' and status <> 'PENDING'", 1);
            channels = new Channels(own[0], legacy[0], findingId, issuedId, document, List.copyOf(system.received()),
                    List.copyOf(older.received()), List.copyOf(committee.received()), List.copyOf(systemStream.events),
                    List.copyOf(committeeStream.events), findingDeliveries, older.received().size());
            return channels;
        }
    }

    @Test
    void aSystemMayNotSubscribeToWhatItsReadsRefuse() {
        given().auth().oauth2(TestTokens.integration("41")).contentType(ContentType.JSON).body("""
                {"url":"https://motcua.langson.gov.vn/hook","eventTypes":["%s","%s"]}""".formatted(ISSUED, FINDING))
                .post("/api/v1/webhooks").then().spec(problem(403)).body("detail", containsString(FINDING));
    }

    @Test
    void aSystemsSubscriptionIsMarkedAsAnIntegrations() throws Exception {
        given().auth().oauth2(TestTokens.integration("41")).get("/api/v1/webhooks/{id}", channels(stream).own()).then().statusCode(200)
                .body("forIntegration", equalTo(true));
    }

    @Test
    void aSystemsWebhooksCarryTheIssuedDocumentWithoutTheFieldsNoReadShows() throws Exception {
        Channels w = channels(stream);
        for (Receiver.Received r : List.of(w.system().get(0), w.older().get(0))) {
            assertTrue(r.signatureValid());
            assertEquals(ISSUED, r.body().getString("type"));
            assertEquals(w.issuedId(), r.body().getString("id"));
            assertEquals("QT-TP-07", r.body().getJsonObject("data").getString("code"));
            assertEquals(w.document(), r.body().getJsonObject("data").getString("documentId"));
            assertFalse(r.body().getJsonObject("data").containsKey("reviewerNotes"));
        }
    }

    @Test
    void noFindingIsDeliveredToASystemEvenThroughASubscriptionThatNamesIt() throws Exception {
        Channels w = channels(stream);
        assertEquals(1, w.system().size());
        assertEquals(1, w.older().size());
        assertEquals(0, w.findingDeliveries());
    }

    @Test
    void theSteeringCommitteeHearsOfBothWithTheirWholeData() throws Exception {
        Channels w = channels(stream);
        assertTrue(w.committee().stream().anyMatch(r -> w.findingId().equals(r.body().getString("id"))));
        assertTrue(w.committee().stream().anyMatch(r -> r.body().getJsonObject("data").containsKey("reviewerNotes")));
        assertTrue(w.committeeStream().stream().anyMatch(e -> e.event().equals("finding.raised")));
    }

    @Test
    void aSystemsStreamCarriesTheIssueOnlyWithoutTheFieldsNoReadShows() throws Exception {
        List<StreamTests.Sse> events = channels(stream).systemStream();
        assertEquals(1, events.size(), events.toString());
        assertEquals("document.issued", events.get(0).event());
        assertFalse(events.get(0).data().contains("reviewerNotes"));
        assertFalse(events.get(0).data().contains("phiếu xin lỗi"));
    }

    @Test
    void aFindingsDeliveryQueuedForASystemBeforeThisVersionIsWithheldNeverSent() throws Exception {
        Channels w = channels(stream);
        assertEquals(1, Fixtures.count("select count(*) from webhook_delivery where subscription_id = '" + w.legacy() + "' and event_id = '"
                + w.findingId() + "' and status = 'DEAD' and last_error like 'withheld%'"));
        assertEquals(1, w.olderAfterWithheld());
    }
}
