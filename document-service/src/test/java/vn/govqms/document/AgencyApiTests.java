package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering, reading, listing and changing agencies; the events they publish through the outbox. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AgencyApiTests {

    static final AtomicInteger SEQ = new AtomicInteger(100);

    static String code(String province) {
        return String.format("000.%02d.%02d.H%s", SEQ.incrementAndGet() % 100, SEQ.get() / 100, province);
    }

    static Response register(String province, String name, String level, String parentId) {
        String body = """
                {"code":"%s","name":"%s","level":"%s","parentId":%s,"provinceCode":"%s","validFrom":"2015-01-01"}"""
                .formatted(code(province), name, level, parentId == null ? "null" : "\"" + parentId + "\"", province);
        return given().auth().oauth2(TestTokens.provinceAdmin(province)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies");
    }

    @Test
    void registeringAnAgencyWritesTheOutboxAndPublishesACloudEvent() {
        Response created = register("24", "Sở Khoa học và Công nghệ tỉnh Bắc Giang", "DEPARTMENT", null);
        created.then().statusCode(201).header("ETag", "\"0\"").header("Location", notNullValue())
                .body("levelLabel", equalTo("Sở, ban, ngành")).body("version", equalTo(0));
        String id = created.path("id");

        assertEquals(1, TestDb.count("document", "select count(*) from outbox where message_key = '" + id
                + "' and type = 'vn.govqms.document.agency.registered.v1'"));
        List<ConsumerRecord<String, String>> found = TestKafka.await("document.events",
                r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertFalse(found.isEmpty(), "agency.registered reached document.events");
        ConsumerRecord<String, String> event = found.get(0);
        assertEquals("vn.govqms.document.agency.registered.v1", TestKafka.header(event, "ce_type"));
        assertEquals("1.0", TestKafka.header(event, "ce_specversion"));
        assertEquals("/govqms/document-service", TestKafka.header(event, "ce_source"));
        assertEquals("agencies/" + id, TestKafka.header(event, "ce_subject"));
        assertNotNull(TestKafka.header(event, "ce_id"));
        assertNotNull(TestKafka.header(event, "ce_time"));
        assertTrue(event.value().contains("\"agencyId\":\"" + id + "\""), event.value());
        assertTrue(event.value().contains("Sở Khoa học và Công nghệ tỉnh Bắc Giang"), event.value());
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDb.count("document",
                "select count(*) from outbox where message_key = '" + id + "' and sent_at is not null") == 1);

        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/agencies/{id}", id)
                .then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("Sở Khoa học và Công nghệ tỉnh Bắc Giang"));
    }

    @Test
    void vietnameseTextSentInNfdIsStoredInNfc() {
        String nfd = Normalizer.normalize("UBND xã Thanh Hưng", Normalizer.Form.NFD);
        Response created = register("11", nfd, "COMMUNE", null);
        created.then().statusCode(201).body("name", equalTo("UBND xã Thanh Hưng"));
        String stored = TestDb.value("document", "select name from agency where id = '" + created.path("id") + "'");
        assertEquals(Normalizer.normalize("UBND xã Thanh Hưng", Normalizer.Form.NFC), stored);
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndPublishesAgencyUpdated() {
        String id = register("37", "Sở Nội vụ tỉnh Ninh Bình", "DEPARTMENT", null).then().statusCode(201).extract().path("id");
        String admin = TestTokens.provinceAdmin("37");
        String change = """
                {"name":"Sở Nội vụ tỉnh Ninh Bình (mới)","validFrom":"2015-01-01","validTo":null}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(change).put("/api/v1/agencies/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(change)
                .put("/api/v1/agencies/{id}", id).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/agencies/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Sở Nội vụ tỉnh Ninh Bình (mới)"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/agencies/{id}", id).then().statusCode(412);

        List<ConsumerRecord<String, String>> found = TestKafka.await("document.events",
                r -> id.equals(r.key()) && "vn.govqms.document.agency.updated.v1".equals(TestKafka.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertFalse(found.isEmpty());
        assertTrue(found.get(0).value().contains("\"revision\":1"), found.get(0).value());

        given().auth().oauth2(admin).queryParam("resourceType", "agency").queryParam("resourceId", id)
                .get("/api/v1/audit-trail").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].action", equalTo("registered"))
                .body("items[1].action", equalTo("updated"))
                .body("items[1].actor", equalTo("admin-37"))
                .body("items[1].changes.name.from", equalTo("Sở Nội vụ tỉnh Ninh Bình"))
                .body("items[1].changes.name.to", equalTo("Sở Nội vụ tỉnh Ninh Bình (mới)"));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("resourceType", "agency").queryParam("resourceId", id)
                .get("/api/v1/audit-trail").then().statusCode(403);
    }

    @Test
    void theListIsPagedFilteredAndSearchableWithoutDiacritics() {
        String parent = register("19", "Ban Dân tộc tỉnh Thái Nguyên", "DEPARTMENT", null).then().statusCode(201).extract().path("id");
        register("19", "Phòng Kế hoạch - Tổng hợp", "PUBLIC_SERVICE_UNIT", parent).then().statusCode(201)
                .body("parentId", equalTo(parent));
        String admin = TestTokens.provinceAdmin("19");
        given().auth().oauth2(admin).queryParam("q", "ban dan toc").get("/api/v1/agencies")
                .then().statusCode(200).body("items.name", hasItem("Ban Dân tộc tỉnh Thái Nguyên"))
                .body("items.provinceCode", everyItem(equalTo("19")));
        given().auth().oauth2(admin).queryParam("level", "PUBLIC_SERVICE_UNIT").get("/api/v1/agencies")
                .then().statusCode(200).body("items.level", everyItem(equalTo("PUBLIC_SERVICE_UNIT")));
        given().auth().oauth2(admin).queryParam("size", 1).get("/api/v1/agencies")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1))
                .body("total", Matchers.greaterThanOrEqualTo(2));
        // the province filter narrows within the caller's scope, never widens it
        given().auth().oauth2(admin).queryParam("provinceCode", "24").get("/api/v1/agencies")
                .then().statusCode(200).body("total", equalTo(0));
        // the national level lists every province; an agency role without agency_id is refused, not widened
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("q", "ban dan toc").queryParam("provinceCode", "19")
                .get("/api/v1/agencies").then().statusCode(200).body("items.name", hasItem("Ban Dân tộc tỉnh Thái Nguyên"));
        given().auth().oauth2(TestTokens.withClaims("viewer", null, "19")).get("/api/v1/agencies")
                .then().statusCode(403).contentType("application/problem+json").body("claim", equalTo("agency_id"));
        // an agency role sees its own agency only
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", parent, "19")).get("/api/v1/agencies")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(parent));
    }
}
