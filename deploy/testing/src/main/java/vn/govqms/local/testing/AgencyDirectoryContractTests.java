package vn.govqms.local.testing;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What every service that keeps the agency directory must do, against the real broker and database:
 * a service's test class extends this (with {@code @QuarkusTest} and the real-parts resource).
 */
public abstract class AgencyDirectoryContractTests {

    private static final String REGISTERED = "vn.govqms.document.agency.registered.v1";
    private static final String UPDATED = "vn.govqms.document.agency.updated.v1";

    /** The service's database name (as given to RealPartsTestResource). */
    protected abstract String database();

    static String agencyJson(UUID id, String code, String name, String province, long revision) {
        return """
                {"agencyId":"%s","code":"%s","name":"%s","level":"COMMUNE","parentId":null,"provinceCode":"%s",
                 "validFrom":"2018-04-01","validTo":null,"revision":%d,"somethingNew":"ignored"}"""
                .formatted(id, code, name, province, revision);
    }

    // a service that has just started may still be joining its consumer group (a minute on a loaded build host); the
    // waits end as soon as the effect is there
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String code() {
        return String.format("%03d.%02d.%02d.H11", (int) (Math.random() * 1000), (int) (Math.random() * 100), 1);
    }

    @Test
    void registeredAgencyLandsInTheDirectory() {
        UUID id = UUID.randomUUID();
        TestKafka.publishCloudEvent("document.events", id.toString(), REGISTERED, "agencies/" + id,
                agencyJson(id, code(), "UBND xã Thanh Minh", "11", 0));
        String token = TestTokens.provinceAdmin("11");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/agencies/{id}", id).then().statusCode(200)
                .body("name", equalTo("UBND xã Thanh Minh"))
                .body("provinceCode", equalTo("11"))
                .body("level", equalTo("COMMUNE")));
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = agencyJson(id, code(), "UBND xã Mường Phăng", "11", 0);
        TestKafka.publishCloudEvent("document.events", id.toString(), eventId, REGISTERED, "agencies/" + id, json);
        await().atMost(WAIT).until(() ->
                TestDb.count(database(), "select count(*) from agency_directory where id = '" + id + "'") == 1);
        // If the event were applied again, its upsert would overwrite these (revision -1 < 0).
        TestDb.update(database(), "update agency_directory set name = 'marker', revision = -1 where id = '" + id + "'");
        TestKafka.publishCloudEvent("document.events", id.toString(), eventId, REGISTERED, "agencies/" + id, json);
        // a later event on the same key shows that the duplicate has been consumed by then
        UUID other = UUID.randomUUID();
        TestKafka.publishCloudEvent("document.events", id.toString(), REGISTERED, "agencies/" + other,
                agencyJson(other, code(), "UBND xã Nà Tấu", "11", 0));
        await().atMost(WAIT).until(() ->
                TestDb.count(database(), "select count(*) from agency_directory where id = '" + other + "'") == 1);
        assertEquals("marker", TestDb.value(database(), "select name from agency_directory where id = '" + id + "'"));
        assertEquals(1, TestDb.count(database(), "select count(*) from processed_event where event_id = '" + eventId + "'"));
    }

    @Test
    void anOlderRevisionNeverOverwritesANewerOne() {
        UUID id = UUID.randomUUID();
        String code = code();
        TestKafka.publishCloudEvent("document.events", id.toString(), UPDATED, "agencies/" + id,
                agencyJson(id, code, "UBND phường Mường Thanh", "11", 2));
        TestKafka.publishCloudEvent("document.events", id.toString(), UPDATED, "agencies/" + id,
                agencyJson(id, code, "UBND xã Mường Thanh (cũ)", "11", 1));
        UUID probe = UUID.randomUUID();
        TestKafka.publishCloudEvent("document.events", id.toString(), REGISTERED, "agencies/" + probe,
                agencyJson(probe, code(), "probe", "11", 0));
        await().atMost(WAIT).until(() ->
                TestDb.count(database(), "select count(*) from agency_directory where id = '" + probe + "'") == 1);
        assertEquals("UBND phường Mường Thanh", TestDb.value(database(), "select name from agency_directory where id = '" + id + "'"));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String marker = UUID.randomUUID().toString();
        TestKafka.publish("document.events", marker, Map.of("ce_specversion", "1.0", "ce_id", marker,
                "ce_type", REGISTERED, "ce_source", "/test"), "{not json " + marker);
        String unknownVersion = UUID.randomUUID().toString();
        TestKafka.publish("document.events", unknownVersion, Map.of("ce_specversion", "1.0", "ce_id", unknownVersion,
                "ce_type", "vn.govqms.document.agency.registered.v9", "ce_source", "/test"), "{}");
        UUID id = UUID.randomUUID();
        TestKafka.publishCloudEvent("document.events", id.toString(), REGISTERED, "agencies/" + id,
                agencyJson(id, code(), "UBND xã Pá Khoang", "11", 0));
        await().atMost(WAIT).until(() ->
                TestDb.count(database(), "select count(*) from agency_directory where id = '" + id + "'") == 1);
        var dead = TestKafka.await("document.events.dlq", r -> marker.equals(r.key())
                && database().equals(consumerOf(r)), WAIT);
        assertFalse(dead.isEmpty(), "the malformed record reached document.events.dlq");
        assertEquals("document.events", TestKafka.header(dead.get(0), "dead-letter-topic"));
        var version = TestKafka.await("document.events.dlq", r -> unknownVersion.equals(r.key())
                && database().equals(consumerOf(r)), WAIT);
        assertFalse(version.isEmpty(), "the unknown version reached document.events.dlq");
        assertEquals(true, TestKafka.header(version.get(0), "dead-letter-reason").contains("unsupported version"));
    }

    private String consumerOf(ConsumerRecord<String, String> r) {
        String c = TestKafka.header(r, "dead-letter-consumer");
        return c == null ? null : c.replace("-service", "");
    }

    @Test
    void theDirectoryIsReadOnlyAndScoped() {
        UUID id = UUID.randomUUID();
        TestKafka.publishCloudEvent("document.events", id.toString(), REGISTERED, "agencies/" + id,
                agencyJson(id, code(), "UBND xã Tà Lèng", "11", 0));
        String admin = TestTokens.provinceAdmin("11");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/agencies/{id}", id).then().statusCode(200));
        given().get("/api/v1/agencies/{id}", id).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("province-admin", "11")).get("/api/v1/agencies/{id}", id)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.signedByStranger("province-admin", "11")).get("/api/v1/agencies/{id}", id)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/agencies/{id}", id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("forbidden"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), "11"))
                .get("/api/v1/agencies/{id}", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", id.toString(), "11"))
                .get("/api/v1/agencies/{id}", id).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).get("/api/v1/agencies/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").put("/api/v1/agencies/{id}", id)
                .then().statusCode(405).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
