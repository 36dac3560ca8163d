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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Official assessments are the steering committee's: the assessed agency's own auditors neither author nor change
 * them; an auditor of another agency does when named on the province's assessment team for the year.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class AssessmentTeamTests {

    static final int YEAR = AssessmentTests.YEAR;

    static String auditor(String agency, String province) {
        return TestTokens.agencyRole("auditor", agency, province);
    }

    /** The subject of {@link #auditor}'s token. */
    static String subject(String agency) {
        return "auditor-" + agency;
    }

    static String official(String agency) {
        return "{\"agencyId\":\"" + agency + "\",\"year\":" + YEAR + ",\"kind\":\"OFFICIAL\"}";
    }

    static void name(String province, int year, String... agencies) {
        StringBuilder members = new StringBuilder();
        for (String agency : agencies) {
            members.append(members.isEmpty() ? "" : ",").append("{\"subject\":\"").append(subject(agency)).append("\",\"agencyId\":\"")
                    .append(agency).append("\",\"name\":\"Đánh giá viên\"}");
        }
        given().auth().oauth2(admin(province)).contentType(ContentType.JSON).body("{\"members\":[" + members + "]}")
                .put("/api/v1/assessment-teams/{p}/{y}", province, year).then().statusCode(200);
    }

    static void score(String token, String id, int etag, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + etag + "\"")
                .body("{\"items\":[{\"criterionCode\":\"1.2\",\"points\":25}]}").put("/api/v1/assessments/{id}/items", id)
                .then().statusCode(status);
    }

    @Test
    void anAuditorOfTheAssessedAgencyNeitherAuthorsNorChangesItsOfficialAssessment() {
        String p = Fixtures.province();
        String justice = Fixtures.agency(p, "Sở Tư pháp");
        CriteriaSets.activeSet(p, 2020);
        String own = auditor(justice, p);

        given().auth().oauth2(own).contentType(ContentType.JSON).body(official(justice)).post("/api/v1/assessments").then().spec(problem(403)).body("detail", containsString("does not assess it officially"));
        // not even when the province named the agency's auditor on its team (for the other agencies)
        name(p, YEAR, justice);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(official(justice)).post("/api/v1/assessments").then().spec(problem(403));

        String id = AssessmentTests.start(admin(p), justice, "OFFICIAL");
        score(own, id, 0, 403);
        given().auth().oauth2(own).post("/api/v1/assessments/{id}/submit", id).then().spec(problem(403));
        // the agency's people read their official assessment
        given().auth().oauth2(own).get("/api/v1/assessments/{id}", id).then().statusCode(200).body("kind", equalTo("OFFICIAL"));
        score(admin(p), id, 0, 200);
        given().auth().oauth2(admin(p)).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
    }

    @Test
    void aNamedAuditorOfAnotherAgencyAuthorsAndAnUnnamedOneDoesNot() {
        String p = Fixtures.province();
        String justice = Fixtures.agency(p, "Sở Tư pháp");
        String science = Fixtures.agency(p, "Sở Khoa học và Công nghệ");
        String health = Fixtures.agency(p, "Sở Y tế");
        CriteriaSets.activeSet(p, 2020);
        String named = auditor(science, p);
        String unnamed = auditor(health, p);
        // last year's team does not name this year's
        name(p, YEAR - 1, health);
        name(p, YEAR, science);

        given().auth().oauth2(unnamed).contentType(ContentType.JSON).body(official(justice)).post("/api/v1/assessments").then().spec(problem(403)).body("detail", containsString("not on the assessment team of province " + p + " for " + YEAR));
        String id = given().auth().oauth2(named).contentType(ContentType.JSON).body(official(justice)).post("/api/v1/assessments").then()
                .statusCode(201).body("kind", equalTo("OFFICIAL")).body("agencyId", equalTo(justice)).extract().path("id");
        score(named, id, 0, 200);
        score(unnamed, id, 1, 403);
        given().auth().oauth2(unnamed).get("/api/v1/assessments/{id}", id).then().spec(problem(403));
        given().auth().oauth2(unnamed).post("/api/v1/assessments/{id}/submit", id).then().spec(problem(403));
        given().auth().oauth2(named).get("/api/v1/assessments/{id}", id).then().statusCode(200).body("items[1].points", equalTo(25.0f));
        given().auth().oauth2(named).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        // the committee finalises, not the team's auditor
        given().auth().oauth2(named).post("/api/v1/assessments/{id}/finalise", id).then().spec(problem(403));
        given().auth().oauth2(admin(p)).post("/api/v1/assessments/{id}/finalise", id).then().statusCode(200).body("status", equalTo("FINALISED"));

        // the Department of Science and Technology is assessed too, by another agency's auditor on the team
        given().auth().oauth2(named).contentType(ContentType.JSON).body(official(science)).post("/api/v1/assessments").then().spec(problem(403));
        name(p, YEAR, science, justice);
        given().auth().oauth2(auditor(justice, p)).contentType(ContentType.JSON).body(official(science)).post("/api/v1/assessments").then()
                .statusCode(201);
        // taken off the team: no more
        name(p, YEAR, justice);
        given().auth().oauth2(named).contentType(ContentType.JSON).body(official(health)).post("/api/v1/assessments").then().statusCode(403);
    }

    @Test
    void theTeamIsNamedByTheProvincesSteeringCommitteeOnly() {
        String p = Fixtures.province();
        String science = Fixtures.agency(p, "Sở Khoa học và Công nghệ");
        String justice = Fixtures.agency(p, "Sở Tư pháp");
        String team = "{\"members\":[{\"subject\":\"" + subject(science) + "\",\"agencyId\":\"" + science
                + "\",\"name\":\"Nguyễn Văn An, Chi cục Tiêu chuẩn Đo lường Chất lượng\"}]}";

        given().auth().oauth2(admin(p)).get("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then().statusCode(200).body("members.size()", equalTo(0));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(team).put("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then()
                .statusCode(200).body("provinceCode", equalTo(p)).body("year", equalTo(YEAR))
                .body("members[0].subject", equalTo(subject(science))).body("members[0].agencyName", equalTo("Sở Khoa học và Công nghệ"));
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then().statusCode(200)
                .body("members.agencyId", equalTo(List.of(science)));
        given().auth().oauth2(admin(p)).queryParam("resourceType", "assessment-team").queryParam("resourceId", p + "/" + YEAR)
                .get("/api/v1/audit-trail").then().statusCode(200).body("items.action", hasItem("named"));

        // nobody else names it
        for (String token : List.of(admin(Fixtures.province()), TestTokens.nationalAdmin(), auditor(science, p),
                TestTokens.agencyRole("agency-head", science, p), TestTokens.integration(p))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(team).put("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then()
                    .spec(problem(403));
        }
        given().auth().oauth2(admin(Fixtures.province())).get("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then().spec(problem(403));
        given().auth().oauth2(auditor(science, p)).get("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then().statusCode(403);

        // members are auditors of agencies the directory knows, each named once
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(team.replace(science, UUID.randomUUID().toString()))
                .put("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then().spec(problem(422))
                .body("field", equalTo("members[0].agencyId"));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON)
                .body("{\"members\":[{\"subject\":\"a\",\"agencyId\":\"" + science + "\"},{\"subject\":\"a\",\"agencyId\":\"" + justice + "\"}]}")
                .put("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then().spec(problem(400));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("{\"members\":[{\"agencyId\":\"" + science + "\"}]}")
                .put("/api/v1/assessment-teams/{p}/{y}", p, YEAR).then().spec(problem(400));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(team).put("/api/v1/assessment-teams/{p}/{y}", "Bac Ninh", YEAR)
                .then().spec(problem(400));
    }

    @Test
    void anEndedAgencysAuditorOnTheTeamAuthorsNoMore() {
        String p = Fixtures.province();
        String justice = Fixtures.agency(p, "Sở Tư pháp");
        String dissolved = Fixtures.ended(p, "Ban Quản lý dự án đầu tư xây dựng", LocalDate.now(VIETNAM).minusDays(1));
        CriteriaSets.activeSet(p, 2020);
        name(p, YEAR, dissolved);
        given().auth().oauth2(auditor(dissolved, p)).contentType(ContentType.JSON).body(official(justice)).post("/api/v1/assessments").then()
                .spec(problem(403)).body("detail", containsString("ended on"));
    }
}
