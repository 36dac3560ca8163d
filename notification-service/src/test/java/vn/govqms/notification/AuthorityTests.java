package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Who may do what across the levels (the kit's Scope): the national level reads every agency's and province's records and
 * changes none; a ministry acts on its own units only; a province's steering committee on its province (read-only once the
 * province merged into another); an agency's people on their agency (read-only once it ended), never without agency_id.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class AuthorityTests {

    static final String HOOK = "{\"url\":\"https://motcua.example.gov.vn/hook\",\"eventTypes\":[\"vn.govqms.document.document.issued.v1\"]}";

    static String contactBody(String agency, String subject) {
        return """
                {"agencyId":"%s","subject":"%s","name":"Nguyễn Thị Lan","roles":["ISO_OFFICER"]}""".formatted(agency, subject);
    }

    @Test
    void aMinistryActsOnItsOwnUnitsContactsAndNeverOnAnotherMinistrys() {
        String ministryA = Fixtures.ministry("Bộ Tư pháp");
        String unitA = Fixtures.unitOf(ministryA, "Cục Hộ tịch, quốc tịch, chứng thực");
        String ministryB = Fixtures.ministry("Bộ Tài chính");
        String unitB = Fixtures.unitOf(ministryB, "Cục Hải quan");
        String adminA = TestTokens.ministryAdmin(ministryA);
        String adminB = TestTokens.ministryAdmin(ministryB);
        String contact = Contacts.contact(adminA, unitA, Fixtures.unique("lan"), "Nguyễn Thị Lan", null, "vi", false, "ISO_OFFICER");
        Contacts.contact(adminA, ministryA, Fixtures.unique("chair"), "Phan Tâm", null, "vi", false);
        Contacts.contact(adminB, unitB, Fixtures.unique("hung"), "Lê Văn Hùng", null, "vi", false, "HEAD");

        // each ministry lists its own tree, not the other's
        given().auth().oauth2(adminA).get("/api/v1/contacts").then().statusCode(200).body("total", equalTo(2))
                .body("items.agencyId", hasItems(ministryA, unitA)).body("items.agencyId", not(hasItem(unitB)));
        given().auth().oauth2(adminB).get("/api/v1/contacts").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(adminA).queryParam("agencyId", unitA).get("/api/v1/notifications").then().statusCode(200);

        // ministry B on ministry A's unit: every read and change refused
        given().auth().oauth2(adminB).queryParam("agencyId", unitA).get("/api/v1/contacts").then().spec(problem(403));
        given().auth().oauth2(adminB).get("/api/v1/contacts/{id}", contact).then().spec(problem(403));
        given().auth().oauth2(adminB).contentType(ContentType.JSON).body(contactBody(unitA, Fixtures.unique("x")))
                .post("/api/v1/contacts").then().spec(problem(403)).body("detail", containsString("outside the ministry"));
        given().auth().oauth2(adminB).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(contactBody(unitA, "x"))
                .put("/api/v1/contacts/{id}", contact).then().spec(problem(403));
        given().auth().oauth2(adminB).delete("/api/v1/contacts/{id}", contact).then().spec(problem(403));
        given().auth().oauth2(adminB).queryParam("agencyId", unitA).get("/api/v1/notifications").then().spec(problem(403));
        // a province's steering committee has no say over a ministry's unit, nor a ministry over a province's committee
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/contacts/{id}", contact).then().spec(problem(403));
        given().auth().oauth2(adminA).contentType(ContentType.JSON).body("""
                {"provinceCode":"24","subject":"x","name":"X"}""").post("/api/v1/contacts").then().spec(problem(403));
        // a ministry-admin token without its root agency
        given().auth().oauth2(TestTokens.withClaims("ministry-admin", null, null)).get("/api/v1/contacts").then().spec(problem(403, "missing-claim")).body("claim", equalTo("agency_id"));
        given().auth().oauth2(adminA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(contactBody(unitA, "lan.nt"))
                .put("/api/v1/contacts/{id}", contact).then().statusCode(200);
    }

    @Test
    void aProvinceAdminDoesNotTouchAnotherProvincesWebhooksOrContacts() {
        String adminX = TestTokens.provinceAdmin("38");
        String adminY = TestTokens.provinceAdmin("40");
        String agencyX = Fixtures.agency("38", "Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
        String hook = given().auth().oauth2(adminX).contentType(ContentType.JSON).body(HOOK).post("/api/v1/webhooks")
                .then().statusCode(201).body("forIntegration", equalTo(false)).extract().path("id");
        String contact = Contacts.contact(adminX, agencyX, Fixtures.unique("officer"), "Lê Thị Hằng", null, "vi", false, "ISO_OFFICER");

        given().auth().oauth2(adminY).get("/api/v1/webhooks/{id}", hook).then().spec(problem(403));
        given().auth().oauth2(adminY).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(HOOK).put("/api/v1/webhooks/{id}", hook)
                .then().spec(problem(403));
        given().auth().oauth2(adminY).delete("/api/v1/webhooks/{id}", hook).then().spec(problem(403));
        given().auth().oauth2(adminY).get("/api/v1/webhooks/{id}/deliveries", hook).then().spec(problem(403));
        given().auth().oauth2(adminY).contentType(ContentType.JSON).body("{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}")
                .post("/api/v1/webhooks/{id}/replays", hook).then().spec(problem(403));
        given().auth().oauth2(adminY).get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(hook)));
        given().auth().oauth2(adminY).get("/api/v1/contacts/{id}", contact).then().spec(problem(403));
        given().auth().oauth2(adminY).contentType(ContentType.JSON).body(contactBody(agencyX, "y")).post("/api/v1/contacts")
                .then().spec(problem(403)).body("detail", containsString("outside province 40"));
        // a one-stop-shop system of the province reads only subscriptions of its kind, and none of another province
        given().auth().oauth2(TestTokens.integration("38")).get("/api/v1/webhooks/{id}", hook).then().spec(problem(403));
        given().auth().oauth2(TestTokens.integration("38")).get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(hook)));
        given().auth().oauth2(TestTokens.integration("40")).get("/api/v1/webhooks/{id}/deliveries", hook).then().statusCode(403);
        given().auth().oauth2(TestTokens.withClaims("integration", null, null)).get("/api/v1/webhooks").then().spec(problem(403)).body("claim", equalTo("province_code"));
        given().auth().oauth2(adminX).get("/api/v1/webhooks/{id}", hook).then().statusCode(200);
    }

    @Test
    void anAgencyRoleWithoutAgencyIdIsRefusedNamingTheClaim() {
        for (String role : List.of("iso-officer", "agency-head", "viewer")) {
            String token = TestTokens.withClaims(role, null, "24");
            for (String path : List.of("/api/v1/notifications", "/api/v1/notifications/unread-count", "/api/v1/rules")) {
                given().auth().oauth2(token).get(path).then().spec(problem(403, "missing-claim")).body("claim", equalTo("agency_id"));
            }
        }
        for (String role : List.of("iso-officer", "agency-head")) {
            given().auth().oauth2(TestTokens.withClaims(role, null, "24")).get("/api/v1/contacts").then().spec(problem(403, "missing-claim")).body("claim", equalTo("agency_id"));
        }
        given().auth().oauth2(TestTokens.withClaims("province-admin", null, null)).get("/api/v1/contacts").then().spec(problem(403)).body("claim", equalTo("province_code"));
    }

    @Test
    void theNationalLevelReadsEveryProvinceAndMinistryButChangesNothing() {
        String national = TestTokens.nationalAdmin();
        String agency = Fixtures.agency("24", "Sở Giáo dục và Đào tạo tỉnh Bắc Ninh");
        String ministry = Fixtures.ministry("Bộ Nội vụ");
        String admin = TestTokens.provinceAdmin("24");
        String contact = Contacts.contact(admin, agency, Fixtures.unique("officer"), "Đào Thị Mai", null, "vi", false, "ISO_OFFICER");
        String unitContact = Contacts.contact(TestTokens.ministryAdmin(ministry), ministry, Fixtures.unique("head"), "Trần Văn Nam", null, "vi",
                false, "HEAD");
        String member = Contacts.committeeMember("24", Fixtures.unique("bcd"), "Ngô Thị Thảo", "thao@skhcn.bacninh.gov.vn");
        String hook = given().auth().oauth2(admin).contentType(ContentType.JSON).body(HOOK).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");

        given().auth().oauth2(national).get("/api/v1/contacts/{id}", contact).then().statusCode(200);
        given().auth().oauth2(national).get("/api/v1/contacts/{id}", unitContact).then().statusCode(200);
        given().auth().oauth2(national).get("/api/v1/contacts/{id}", member).then().statusCode(200);
        given().auth().oauth2(national).queryParam("agencyId", agency).get("/api/v1/contacts").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(national).queryParam("steeringCommittee", "true").queryParam("provinceCode", "24").queryParam("size", 200)
                .get("/api/v1/contacts").then().statusCode(200).body("items.id", hasItem(member));
        given().auth().oauth2(national).queryParam("agencyId", agency).get("/api/v1/notifications").then().statusCode(200);
        given().auth().oauth2(national).get("/api/v1/notifications").then().statusCode(200);
        given().auth().oauth2(national).queryParam("provinceCode", "24").get("/api/v1/rules").then().statusCode(200);
        given().auth().oauth2(national).get("/api/v1/webhooks/{id}", hook).then().statusCode(200);
        given().auth().oauth2(national).get("/api/v1/webhooks/{id}/deliveries", hook).then().statusCode(200);
        given().auth().oauth2(national).get("/api/v1/agencies/{id}", agency).then().statusCode(200);

        given().auth().oauth2(national).contentType(ContentType.JSON).body(contactBody(agency, "x")).post("/api/v1/contacts")
                .then().spec(problem(403));
        given().auth().oauth2(national).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(contactBody(agency, "x"))
                .put("/api/v1/contacts/{id}", contact).then().spec(problem(403));
        given().auth().oauth2(national).delete("/api/v1/contacts/{id}", contact).then().spec(problem(403));
        given().auth().oauth2(national).contentType(ContentType.JSON).body("""
                {"eventType":"vn.govqms.audit.finding.raised.v1","recipientKind":"STEERING_COMMITTEE","channels":["INBOX"],"urgency":"HIGH"}""")
                .post("/api/v1/rules").then().spec(problem(403));
        given().auth().oauth2(national).contentType(ContentType.JSON).body(HOOK).post("/api/v1/webhooks").then().spec(problem(403));
        given().auth().oauth2(national).delete("/api/v1/webhooks/{id}", hook).then().spec(problem(403));
    }

    @Test
    void anEndedAgencysOfficialsReadItsContactsButNoLongerChangeThem() {
        String ended = Fixtures.ended("24", "UBND huyện Lục Nam", LocalDate.of(2025, 6, 30));
        String officer = Contacts.contact(TestTokens.provinceAdmin("24"), ended, Fixtures.unique("officer"), "Vi Văn Tâm", null, "vi", false,
                "ISO_OFFICER");
        String head = TestTokens.agencyRole("agency-head", ended, "24");
        given().auth().oauth2(head).get("/api/v1/contacts").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(head).get("/api/v1/contacts/{id}", officer).then().statusCode(200);
        given().auth().oauth2(head).contentType(ContentType.JSON).body(contactBody(ended, Fixtures.unique("x"))).post("/api/v1/contacts")
                .then().spec(problem(403)).body("detail", containsString("ended on 2025-06-30"));
        given().auth().oauth2(head).delete("/api/v1/contacts/{id}", officer).then().spec(problem(403));
    }

    @Test
    void aMergedProvincesSteeringCommitteeReadsButNoLongerWrites() {
        String member = Contacts.committeeMember("87", Fixtures.unique("bcd"), "Nguyễn Văn Bình", "binh@skhcn.example.gov.vn");
        TestKafka.publishCloudEvent("document.events", "87", "vn.govqms.document.province.merged.v1", "provinces/86", """
                {"code":"86","name":"Tỉnh thử nghiệm hợp nhất","effectiveDate":"2025-07-01","mergedCodes":["87"]}""");
        Fixtures.awaitCount("select count(*) from province_succession where code = '87' and successor_code = '86'", 1);
        String ended = TestTokens.provinceAdmin("87");
        String successor = TestTokens.provinceAdmin("86");
        // the register is reloaded every few seconds
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ended).contentType(ContentType.JSON).body("""
                {"provinceCode":"87","subject":"%s","name":"X"}""".formatted(UUID.randomUUID())).post("/api/v1/contacts").statusCode() == 403);
        given().auth().oauth2(ended).get("/api/v1/contacts/{id}", member).then().statusCode(200);
        given().auth().oauth2(ended).delete("/api/v1/contacts/{id}", member).then().spec(problem(403))
                .body("detail", containsString("merged into province 86"));
        // the successor's committee continues the merged province's records: it reads them and may retire the old committee
        given().auth().oauth2(successor).get("/api/v1/contacts/{id}", member).then().statusCode(200);
        given().auth().oauth2(TestTokens.provinceAdmin("85")).get("/api/v1/contacts/{id}", member).then().statusCode(403);
        given().auth().oauth2(successor).delete("/api/v1/contacts/{id}", member).then().statusCode(204);
    }
}
