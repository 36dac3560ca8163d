package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.govqms.local.testing.Problems.problem;

/** Contacts are managed by the province-admin and the agency itself; rules by the province-admin, per province. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class ContactAndRuleTests {

    @Test
    void theAgencyAndItsProvinceManageItsContacts() {
        String agency = Fixtures.agency("24", "Sở Tư pháp tỉnh Bắc Giang");
        String head = TestTokens.agencyRole("agency-head", agency, "24");
        String id = given().auth().oauth2(head).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","subject":"tran.thi.binh","name":"Trần Thị Bình","email":"binh.tt@sotuphap.bacgiang.gov.vn",
                 "roles":["ISO_OFFICER","AUDITOR"]}""".formatted(agency))
                .post("/api/v1/contacts").then().statusCode(201).header("ETag", "\"0\"")
                .body("language", equalTo("vi")).body("roleLabels", hasItem("Cán bộ ISO")).body("steeringCommittee", equalTo(false))
                .extract().path("id");
        // the same person twice in one agency
        given().auth().oauth2(head).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","subject":"tran.thi.binh","name":"Trần Thị Bình"}""".formatted(agency))
                .post("/api/v1/contacts").then().spec(problem(409));
        // updates need If-Match
        String update = """
                {"agencyId":"%s","subject":"tran.thi.binh","name":"Trần Thị Bình","email":"binh@sotuphap.gov.vn","language":"en",
                 "roles":["ISO_OFFICER"],"digest":true}""".formatted(agency);
        given().auth().oauth2(head).contentType(ContentType.JSON).body(update).put("/api/v1/contacts/{id}", id)
                .then().spec(problem(428));
        given().auth().oauth2(head).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(update)
                .put("/api/v1/contacts/{id}", id).then().spec(problem(412));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put("/api/v1/contacts/{id}", id).then().statusCode(200).body("language", equalTo("en")).body("digest", equalTo(true))
                .body("roleLabels[0]", equalTo("ISO officer"));
        given().auth().oauth2(head).queryParam("role", "ISO_OFFICER").get("/api/v1/contacts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].subject", equalTo("tran.thi.binh"));
        assertEquals(2, Fixtures.count("select count(*) from audit_trail where resource_type = 'contact' and resource_id = '" + id + "'"));
    }

    @Test
    void refusals() {
        String agency = Fixtures.agency("24", "Sở Y tế tỉnh Bắc Giang");
        String other = Fixtures.agency("24", "Sở Xây dựng tỉnh Bắc Giang");
        String body = """
                {"agencyId":"%s","subject":"le.van.cuong","name":"Lê Văn Cường","roles":["HEAD"]}""".formatted(agency);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts").then().spec(problem(401));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, "24")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/contacts").then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/contacts").then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/contacts").then().spec(problem(403));
        String admin = TestTokens.provinceAdmin("24");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"agencyId\":").post("/api/v1/contacts")
                .then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","subject":"x","name":"X","roles":["CHAIRMAN"]}""".formatted(agency))
                .post("/api/v1/contacts").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","name":"X"}""".formatted(agency)).post("/api/v1/contacts").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","subject":"x","name":"X","email":"not-an-address"}""".formatted(agency))
                .post("/api/v1/contacts").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","subject":"x","name":"X"}""".formatted(UUID.randomUUID()))
                .post("/api/v1/contacts").then().spec(problem(422));
        given().auth().oauth2(admin).get("/api/v1/contacts/{id}", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(admin).get("/api/v1/contacts/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(admin).queryParam("size", "500").get("/api/v1/contacts").then().spec(problem(400));
        // a steering-committee member is the province-admin's to add
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, "24")).contentType(ContentType.JSON).body("""
                {"provinceCode":"24","subject":"bcd.member","name":"Phạm Minh Đức"}""").post("/api/v1/contacts")
                .then().spec(problem(403));
        String member = Contacts.committeeMember("24", Fixtures.unique("bcd"), "Phạm Minh Đức", "duc.pm@skhcn.bacgiang.gov.vn");
        given().auth().oauth2(admin).get("/api/v1/contacts/{id}", member).then().statusCode(200).body("steeringCommittee", equalTo(true));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).get("/api/v1/contacts/{id}", member).then().statusCode(403);
    }

    @Test
    void aProvinceReplacesTheDefaultsOfAnEventTypeWithItsOwnRules() {
        String admin = TestTokens.provinceAdmin("27");
        String type = "vn.govqms.audit.finding.raised.v1";
        given().auth().oauth2(admin).queryParam("eventType", type).get("/api/v1/rules").then().statusCode(200)
                .body("total", equalTo(2)).body("items.inForce", Matchers.everyItem(equalTo(true)));
        String rule = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"eventType":"%s","recipientKind":"STEERING_COMMITTEE","channels":["INBOX"],"urgency":"HIGH"}""".formatted(type))
                .post("/api/v1/rules").then().statusCode(201).body("provinceCode", equalTo("27")).extract().path("id");
        given().auth().oauth2(admin).queryParam("eventType", type).get("/api/v1/rules").then().statusCode(200)
                .body("total", equalTo(3)).body("items.findAll { it.provinceCode == null }.inForce", Matchers.everyItem(equalTo(false)));
        // other provinces keep the defaults and may not read the rule
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/rules/{id}", rule).then().spec(problem(403));
        String defaultRule = given().auth().oauth2(admin).queryParam("eventType", type).get("/api/v1/rules").then()
                .extract().path("items.find { it.provinceCode == null }.id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"eventType":"%s","recipientKind":"AGENCY_ROLE","recipientRole":"HEAD","channels":["INBOX"],"urgency":"LOW"}""".formatted(type))
                .put("/api/v1/rules/{id}", defaultRule).then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", UUID.randomUUID().toString(), "27"))
                .contentType(ContentType.JSON).body("""
                {"eventType":"%s","recipientKind":"STEERING_COMMITTEE","channels":["INBOX"],"urgency":"HIGH"}""".formatted(type))
                .post("/api/v1/rules").then().spec(problem(403));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"eventType":"vn.govqms.audit.nothing.v1","recipientKind":"STEERING_COMMITTEE","channels":["INBOX"],"urgency":"HIGH"}""")
                .post("/api/v1/rules").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"eventType":"%s","recipientKind":"AGENCY_ROLE","channels":["INBOX"],"urgency":"HIGH"}""".formatted(type))
                .post("/api/v1/rules").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"eventType":"%s","recipientKind":"AGENCY_ROLE","recipientRole":"HEAD","channels":["SMS"],"urgency":"HIGH"}""".formatted(type))
                .post("/api/v1/rules").then().spec(problem(400));
        given().auth().oauth2(admin).delete("/api/v1/rules/{id}", rule).then().statusCode(204);
        given().auth().oauth2(admin).queryParam("eventType", type).get("/api/v1/rules").then().body("total", equalTo(2));
    }

    @Test
    void aPersonMutesAChannelForThemselves() {
        String token = TestTokens.person(Fixtures.unique("muter"), "iso-officer", UUID.randomUUID().toString(), "24");
        given().auth().oauth2(token).get("/api/v1/contacts/me/preferences").then().statusCode(200).body("mutedChannels.size()", equalTo(0));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mutedChannels\":[\"EMAIL\",\"EMAIL\"]}")
                .put("/api/v1/contacts/me/preferences").then().statusCode(200).body("mutedChannels", equalTo(List.of("EMAIL")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mutedChannels\":[\"PIGEON\"]}")
                .put("/api/v1/contacts/me/preferences").then().spec(problem(400));
        given().get("/api/v1/contacts/me/preferences").then().statusCode(401);
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/q/openapi").then().statusCode(200)
                .body(notNullValue());
        given().get("/api/v1/rules").then().statusCode(401);
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/rules").then().statusCode(200).body("total", greaterThan(20));
    }
}
