package vn.govqms.scoring;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/** Self and official assessments: points checked, automatic criteria computed at submission, published, corrected with a reason. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class AssessmentTests {

    static final int YEAR = LocalDate.now(VIETNAM).getYear();

    static String start(String token, String agency, String kind) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"" + agency + "\",\"year\":" + YEAR + ",\"kind\":\"" + kind + "\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }

    static void score(String token, String id, int etag, String points) {
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + etag + "\"")
                .body("{\"items\":[{\"criterionCode\":\"1.2\",\"points\":" + points + ",\"evidenceLinks\":[\"https://stp.gov.vn/iso/so-tay.pdf\"],"
                        + "\"comment\":\"Đủ sổ tay, chính sách, mục tiêu chất lượng\"}]}")
                .put("/api/v1/assessments/{id}/items", id).then().statusCode(200);
    }

    @Test
    void selfAndOfficialAssessmentsGoFromDraftToPublishedAndFeedTheLiveScore() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Giáo dục và Đào tạo");
        CriteriaSets.activeSet(p, 2020);
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String head = TestTokens.agencyRole("agency-head", agency, p);

        String self = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"" + agency + "\",\"year\":" + YEAR + ",\"kind\":\"SELF\"}").post("/api/v1/assessments")
                .then().statusCode(201).header("ETag", "\"0\"").body("status", equalTo("DRAFT")).body("kindLabel", equalTo("Tự đánh giá"))
                .body("items.criterionCode", equalTo(List.of("1.1", "1.2", "2.1", "2.2")))
                .body("items[1].points", nullValue()).extract().path("id");

        String body = "{\"items\":[{\"criterionCode\":\"1.2\",\"points\":31},{\"criterionCode\":\"2.1\",\"points\":5},{\"criterionCode\":\"9.9\",\"points\":1}]}";
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(body).put("/api/v1/assessments/{id}/items", self)
                .then().spec(problem(428));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/assessments/{id}/items", self).then().spec(problem(400))
                .body("errors.message", hasItem("must be between 0 and 30 (the maximum of criterion 1.2)"))
                .body("errors.field", hasItem("items[1].points")).body("errors.field", hasItem("items[2].criterionCode"));
        given().auth().oauth2(officer).post("/api/v1/assessments/{id}/submit", self).then().spec(problem(422, "criteria-not-scored")).body("criteria", equalTo(List.of("1.2")));
        score(officer, self, 0, "25");
        // 1.1 not announced 0, 1.2 given 25, 2.1 no overdue review 20, 2.2 no overdue action 30
        given().auth().oauth2(officer).post("/api/v1/assessments/{id}/submit", self).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("totalPoints", equalTo(75.0f)).body("band", equalTo("FAIR"))
                .body("bandLabel", equalTo("Khá")).body("items[2].points", equalTo(20.0f)).body("items[2].indicatorValue", equalTo(0));
        given().auth().oauth2(officer).post("/api/v1/assessments/{id}/finalise", self).then().spec(problem(403));
        given().auth().oauth2(head).post("/api/v1/assessments/{id}/finalise", self).then().statusCode(200)
                .body("status", equalTo("FINALISED")).body("statusLabel", equalTo("Đã công bố")).body("items[2].frozen", equalTo(true));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body("{\"items\":[{\"criterionCode\":\"1.2\",\"points\":30}]}").put("/api/v1/assessments/{id}/items", self)
                .then().statusCode(409).body("allowedActions", hasItem("reopen"));
        given().auth().oauth2(head).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200)
                .body("score", equalTo(75.0f)).body("criteria.find { it.code == '1.2' }.points", equalTo(25.0f));

        String official = start(admin(p), agency, "OFFICIAL");
        score(admin(p), official, 0, "20");
        // 70.00 is not "trên 70 điểm": Trung bình under the default table
        given().auth().oauth2(admin(p)).post("/api/v1/assessments/{id}/submit", official).then().statusCode(200).body("totalPoints", equalTo(70.0f))
                .body("band", equalTo("AVERAGE")).body("bandLabel", equalTo("Trung bình"));
        given().auth().oauth2(admin(p)).post("/api/v1/assessments/{id}/finalise", official).then().statusCode(200);
        given().auth().oauth2(head).queryParam("agencyId", agency).queryParam("year", YEAR).get("/api/v1/assessments/comparison")
                .then().statusCode(200).body("selfTotal", equalTo(75.0f)).body("officialTotal", equalTo(70.0f))
                .body("difference", equalTo(-5.0f)).body("criteria.find { it.criterionCode == '1.2' }.selfPoints", equalTo(25.0f))
                .body("criteria.find { it.criterionCode == '1.2' }.officialPoints", equalTo(20.0f))
                .body("criteria.find { it.criterionCode == '1.2' }.difference", equalTo(-5.0f));
        // the official points now stand in the live score
        given().auth().oauth2(head).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200).body("score", equalTo(70.0f));

        // a correction reopens the official assessment with a reason kept in the audit trail
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("{\"reason\":\"\"}").post("/api/v1/assessments/{id}/reopen", official)
                .then().spec(problem(400));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("{\"reason\":\"Chấm sai tiêu chí 1.2: minh chứng đã đủ\"}")
                .post("/api/v1/assessments/{id}/reopen", official).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(admin(p)).queryParam("resourceType", "assessment").queryParam("resourceId", official).get("/api/v1/audit-trail")
                .then().statusCode(200).body("items.action", hasItem("reopened"))
                .body("items.find { it.action == 'reopened' }.changes.reason.to", equalTo("Chấm sai tiêu chí 1.2: minh chứng đã đủ"));
        given().auth().oauth2(head).queryParam("year", YEAR).get("/api/v1/assessments").then().statusCode(200).body("total", equalTo(2));

        assertFalse(TestKafka.await("scoring.events", r -> agency.equals(r.key())
                && "vn.govqms.scoring.assessment.published.v1".equals(TestKafka.header(r, "ce_type"))
                && r.value().contains("\"kind\":\"OFFICIAL\"") && r.value().contains("\"bandLabel\":\"Trung bình\""), Duration.ofSeconds(20)).isEmpty());
        assertFalse(TestKafka.await("scoring.events", r -> agency.equals(r.key())
                && "vn.govqms.scoring.assessment.submitted.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void assessmentsAreRefusedOutsideRoleScopeAndRules() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Y tế");
        String other = Fixtures.agency(p, "Sở Xây dựng");
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String json = "{\"agencyId\":\"" + agency + "\",\"year\":" + YEAR + ",\"kind\":\"SELF\"}";
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(json).post("/api/v1/assessments").then().spec(problem(422, "no-criteria-set"));
        CriteriaSets.activeSet(p, 2020);
        given().contentType(ContentType.JSON).body(json).post("/api/v1/assessments").then().spec(problem(401));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(json).post("/api/v1/assessments").then().statusCode(403)
                .body("detail", containsString("own head or ISO officer"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, p)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/assessments").then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(json.replace("SELF", "OFFICIAL")).post("/api/v1/assessments")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, p)).contentType(ContentType.JSON).body(json).post("/api/v1/assessments")
                .then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(json.replace(agency, UUID.randomUUID().toString()))
                .post("/api/v1/assessments").then().statusCode(422).body("type", equalTo("https://govqms.vn/problems/unknown-reference"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(json.replace("SELF", "BOTH")).post("/api/v1/assessments")
                .then().spec(problem(400));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"agencyId\":\"" + agency + "\"")
                .post("/api/v1/assessments").then().spec(problem(400));
        String id = start(officer, agency, "SELF");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(json).post("/api/v1/assessments").then().spec(problem(409));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", other, p)).get("/api/v1/assessments/{id}", id).then().statusCode(403);
        given().auth().oauth2(admin(Fixtures.province())).get("/api/v1/assessments/{id}", id).then().statusCode(403);
        given().auth().oauth2(officer).get("/api/v1/assessments/{id}", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(officer).post("/api/v1/assessments/{id}/finalise", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, p)).post("/api/v1/assessments/{id}/finalise", id)
                .then().statusCode(409).body("allowedActions", hasItem("submit"));
        given().auth().oauth2(officer).queryParam("agencyId", agency).get("/api/v1/assessments/comparison").then().spec(problem(400));
    }
}
