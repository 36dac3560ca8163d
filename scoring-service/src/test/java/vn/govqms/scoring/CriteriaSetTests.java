package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/** Criteria sets: drafted, activated only at 100 points, immutable once active, changed through new versions. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class CriteriaSetTests {

    @Test
    void aSetIsActivatedOnlyWhenItsPointsMake100AndThenNeverChanges() {
        String p = Fixtures.province();
        String json = CriteriaSets.standardSet(p, 2026).replace("\"maxPoints\":30,\"method\":\"MANUAL\"", "\"maxPoints\":20,\"method\":\"MANUAL\"");
        String id = given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(json).post("/api/v1/criteria-sets")
                .then().statusCode(201).header("ETag", "\"0\"").header("Location", containsString("/api/v1/criteria-sets/"))
                .body("status", equalTo("DRAFT")).body("statusLabel", equalTo("Dự thảo")).body("version", equalTo(1))
                .body("totalMaxPoints", equalTo(90.0f))
                .body("bands.code", equalTo(List.of("VERY_GOOD", "GOOD", "FAIR", "AVERAGE", "WEAK")))
                .body("bands[0].label", equalTo("Rất tốt")).body("bands[4].label", equalTo("Yếu"))
                // the article's "trên 90 điểm": a set created without bands stores the table with each edge in the band below
                .body("bands.minScore", equalTo(Arrays.asList(90, 80, 70, 50, null)))
                .body("bands.minInclusive", equalTo(Arrays.asList(false, false, false, false, null)))
                .extract().path("id");

        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", id).then().spec(problem(422, "criteria-points-sum"))
                .body("detail", containsString("add up to 90")).body("sum", equalTo(90.0f));

        String fixed = CriteriaSets.standardSet(p, 2026).replace("\"provinceCode\":\"" + p + "\",", "");
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(fixed).put("/api/v1/criteria-sets/{id}", id)
                .then().spec(problem(428));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(fixed)
                .put("/api/v1/criteria-sets/{id}", id).then().spec(problem(412));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(fixed)
                .put("/api/v1/criteria-sets/{id}", id).then().statusCode(200).header("ETag", "\"1\"").body("totalMaxPoints", equalTo(100.0f));
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("statusLabel", equalTo("Đang áp dụng"));

        // an active set is immutable: 409 with what is allowed
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(fixed)
                .put("/api/v1/criteria-sets/{id}", id).then().spec(problem(409, "invalid-transition")).body("allowedActions", hasItem("new-version"));
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", id).then().statusCode(409);

        // a change is a new version; activating it retires the old one
        String v2 = given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/versions", id).then().statusCode(201)
                .body("version", equalTo(2)).body("status", equalTo("DRAFT")).body("previousId", equalTo(id)).extract().path("id");
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", v2).then().statusCode(200);
        given().auth().oauth2(TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), p))
                .get("/api/v1/criteria-sets/{id}", id).then().statusCode(200).body("status", equalTo("RETIRED"));
        given().auth().oauth2(admin(p)).queryParam("provinceCode", p).queryParam("status", "ACTIVE").get("/api/v1/criteria-sets")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(v2)).body("items[0].version", equalTo(2));
        given().auth().oauth2(admin(p)).queryParam("resourceType", "criteria-set").queryParam("resourceId", id).get("/api/v1/audit-trail")
                .then().statusCode(200).body("items.action", equalTo(List.of("created", "edited", "activated")));
    }

    @Test
    void onlyTheProvincesAdminWritesItsSets() {
        String p = Fixtures.province();
        String other = Fixtures.province();
        String json = CriteriaSets.standardSet(p, 2026);
        given().contentType(ContentType.JSON).body(json).post("/api/v1/criteria-sets").then().spec(problem(401));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), p)).contentType(ContentType.JSON)
                .body(json).post("/api/v1/criteria-sets").then().spec(problem(403));
        given().auth().oauth2(admin(other)).contentType(ContentType.JSON).body(json).post("/api/v1/criteria-sets").then().statusCode(403);
        String id = CriteriaSets.createSet(p, json);
        given().auth().oauth2(admin(other)).post("/api/v1/criteria-sets/{id}/activation", id).then().spec(problem(403));
        given().get("/api/v1/criteria-sets/{id}", id).then().statusCode(401);
    }

    @Test
    void badInputIsRefusedWithProblems() {
        String p = Fixtures.province();
        String token = admin(p);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":").post("/api/v1/criteria-sets")
                .then().spec(problem(400, "malformed-json"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(CriteriaSets.standardSet(p, 2026).replace("\"appliesFromYear\":2026", "\"appliesFromYear\":\"2026\""))
                .post("/api/v1/criteria-sets").then().spec(problem(400));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"provinceCode\":\"" + p + "\",\"name\":\"x\",\"appliesFromYear\":2026}")
                .post("/api/v1/criteria-sets").then().spec(problem(400)).body("errors.field", hasItem("groups"));
        // an automatic criterion needs its rule's parameters; codes are unique
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(CriteriaSets.standardSet(p, 2026).replace(",\"pointsPerItem\":5", "").replace("\"code\":\"2.2\"", "\"code\":\"1.1\""))
                .post("/api/v1/criteria-sets").then().spec(problem(400))
                .body("errors.field", hasItem("groups[1].criteria[0].pointsPerItem"))
                .body("errors.message", hasItem("duplicate criterion code 1.1"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(CriteriaSets.standardSet(p, 2026).replace("\"indicator\":\"QMS_ANNOUNCED\"", "\"indicator\":\"NO_SUCH_THING\""))
                .post("/api/v1/criteria-sets").then().spec(problem(400));
        // bands go from the highest down and the last takes the rest
        String bands = CriteriaSets.standardSet(p, 2026).replaceFirst("\\}$", ",\"bands\":[{\"code\":\"GOOD\",\"label\":\"Tốt\",\"minScore\":80},"
                + "{\"code\":\"VERY_GOOD\",\"label\":\"Rất tốt\",\"minScore\":90},{\"code\":\"WEAK\",\"label\":\"Yếu\",\"minScore\":10}]}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(bands).post("/api/v1/criteria-sets").then().statusCode(400)
                .body("errors.field", hasItem("bands[1].minScore")).body("errors.field", hasItem("bands[2].minScore"));
        given().auth().oauth2(token).get("/api/v1/criteria-sets/{id}", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(token).get("/api/v1/criteria-sets/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(token).queryParam("status", "LIVE").get("/api/v1/criteria-sets").then().spec(problem(400));
        given().auth().oauth2(token).queryParam("size", "500").get("/api/v1/criteria-sets").then().spec(problem(400));
    }
}
