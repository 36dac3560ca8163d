package vn.govqms.notification;

import io.restassured.http.ContentType;
import vn.govqms.local.JwtKeys;
import vn.govqms.local.RealParts;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Agencies in the directory, contacts, tokens of named people and events on the real broker. */
public final class Fixtures {

    public static final String DB = "notification";
    public static final String PROBLEM = "application/problem+json";
    static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** An agency registered through document.events, once it is in this service's directory. */
    public static String agency(String province, String name) {
        return agency(province, name, null, null, null);
    }

    /**
     * An agency with a parent (a ministry's unit: province 00, {@code root} the ministry), or one that ended on {@code validTo};
     * null for none.
     */
    public static String agency(String province, String name, String parent, String root, LocalDate validTo) {
        UUID id = UUID.randomUUID();
        int n = SEQ.incrementAndGet();
        TestKafka.publishCloudEvent("document.events", id.toString(), "vn.govqms.document.agency.registered.v1", "agencies/" + id, """
                {"agencyId":"%s","code":"9%02d.%02d.00.H%s","name":"%s","level":"%s","parentId":%s,"provinceCode":"%s","rootId":"%s",
                 "validFrom":"2015-01-01","validTo":%s,"revision":0}""".formatted(id, n % 100, n / 100 % 100, province, name,
                "00".equals(province) ? parent == null ? "MINISTRY" : "MINISTRY_UNIT" : "DEPARTMENT", json(parent), province, root == null ? id : root, json(validTo)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDb.count(DB, "select count(*) from agency_directory where id = '" + id + "'") == 1);
        return id.toString();
    }

    /** A ministry: the root of its own tree of central bodies (province 00). */
    public static String ministry(String name) {
        return agency("00", name, null, null, null);
    }

    /** A unit of a ministry. */
    public static String unitOf(String ministry, String name) {
        return agency("00", name, ministry, ministry, null);
    }

    static String json(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** A token of a named person with one role. */
    public static String token(String subject, String role, String agencyId, String province) {
        return JwtKeys.inFolder(Path.of(System.getProperty(RealParts.JWT_DIR_PROPERTY)))
                .token(subject, role, agencyId, province, Duration.ofHours(1));
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A contact of an agency created by the province-admin; returns its id. */
    public static String contact(String admin, String agency, String subject, String name, String email, String language,
                                 boolean digest, String... roles) {
        String rolesJson = roles.length == 0 ? "[]" : "[\"" + String.join("\",\"", roles) + "\"]";
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":%s,"provinceCode":%s,"subject":"%s","name":"%s","email":%s,"language":"%s","roles":%s,"digest":%s}"""
                .formatted(agency == null ? "null" : "\"" + agency + "\"", "null", subject, name,
                        email == null ? "null" : "\"" + email + "\"", language, rolesJson, digest))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** A member of a province's steering committee. */
    public static String committeeMember(String province, String subject, String name, String email) {
        return given().auth().oauth2(TestTokens.provinceAdmin(province)).contentType(ContentType.JSON).body("""
                {"provinceCode":"%s","subject":"%s","name":"%s","email":"%s"}""".formatted(province, subject, name, email))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** Publishes an event of another service on its topic, keyed by agency; returns the event id. */
    public static String publish(String service, String fact, String agencyId, String json) {
        String topic = service + ".events";
        return TestKafka.publishCloudEvent(topic, agencyId, "vn.govqms." + service + "." + fact + ".v1", fact + "/" + agencyId, json);
    }

    public static long count(String sql) {
        return TestDb.count(DB, sql);
    }

    public static void awaitCount(String sql, long expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(DB, sql) == expected);
    }
}
