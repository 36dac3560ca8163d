package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
    static final String REASON = "Chấm sai tiêu chí 1.2: minh chứng đã đủ";

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

    /**
     * A department's year, made once for this class: its ISO officer's self-assessment refused while incomplete, then scored
     * (1.2: 25), submitted and published by the head; the province's official assessment (1.2: 20) submitted and published,
     * then reopened for a correction. Each step's answer is kept for the rule it shows.
     */
    record Year(String province, String agency, String official, Response selfCreated, Response withoutIfMatch, Response invalidPoints,
                Response submittedUnscored, Response selfSubmitted, Response finalisedByOfficer, Response selfFinalised,
                Response changedWhenPublished, Response scoreAfterSelf, Response officialSubmitted, Response officialFinalised,
                Response comparison, Response scoreAfterOfficial, Response reopenedWithoutReason, Response reopened) {
        String head() {
            return TestTokens.agencyRole("agency-head", agency, province);
        }
    }

    private static Year year;

    static synchronized Year year() {
        if (year != null) {
            return year;
        }
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Giáo dục và Đào tạo");
        CriteriaSets.activeSet(p, 2020);
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String head = TestTokens.agencyRole("agency-head", agency, p);

        Response selfCreated = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"" + agency + "\",\"year\":" + YEAR + ",\"kind\":\"SELF\"}").post("/api/v1/assessments");
        String self = selfCreated.then().statusCode(201).extract().path("id");
        String body = "{\"items\":[{\"criterionCode\":\"1.2\",\"points\":31},{\"criterionCode\":\"2.1\",\"points\":5},{\"criterionCode\":\"9.9\",\"points\":1}]}";
        Response withoutIfMatch = given().auth().oauth2(officer).contentType(ContentType.JSON).body(body).put("/api/v1/assessments/{id}/items", self);
        Response invalidPoints = given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/assessments/{id}/items", self);
        Response submittedUnscored = given().auth().oauth2(officer).post("/api/v1/assessments/{id}/submit", self);
        score(officer, self, 0, "25");
        Response selfSubmitted = given().auth().oauth2(officer).post("/api/v1/assessments/{id}/submit", self);
        Response finalisedByOfficer = given().auth().oauth2(officer).post("/api/v1/assessments/{id}/finalise", self);
        Response selfFinalised = given().auth().oauth2(head).post("/api/v1/assessments/{id}/finalise", self);
        Response changedWhenPublished = given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body("{\"items\":[{\"criterionCode\":\"1.2\",\"points\":30}]}").put("/api/v1/assessments/{id}/items", self);
        Response scoreAfterSelf = given().auth().oauth2(head).get("/api/v1/agencies/{id}/score", agency);

        String official = start(admin(p), agency, "OFFICIAL");
        score(admin(p), official, 0, "20");
        Response officialSubmitted = given().auth().oauth2(admin(p)).post("/api/v1/assessments/{id}/submit", official);
        Response officialFinalised = given().auth().oauth2(admin(p)).post("/api/v1/assessments/{id}/finalise", official);
        Response comparison = given().auth().oauth2(head).queryParam("agencyId", agency).queryParam("year", YEAR)
                .get("/api/v1/assessments/comparison");
        Response scoreAfterOfficial = given().auth().oauth2(head).get("/api/v1/agencies/{id}/score", agency);
        Response reopenedWithoutReason = given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .post("/api/v1/assessments/{id}/reopen", official);
        Response reopened = given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("{\"reason\":\"" + REASON + "\"}")
                .post("/api/v1/assessments/{id}/reopen", official);
        year = new Year(p, agency, official, selfCreated, withoutIfMatch, invalidPoints, submittedUnscored, selfSubmitted, finalisedByOfficer,
                selfFinalised, changedWhenPublished, scoreAfterSelf, officialSubmitted, officialFinalised, comparison, scoreAfterOfficial,
                reopenedWithoutReason, reopened);
        return year;
    }

    @Test
    void aSelfAssessmentStartsAsADraftOfEveryCriterionOfTheActiveSet() {
        year().selfCreated().then().statusCode(201).header("ETag", "\"0\"").body("status", equalTo("DRAFT"))
                .body("kindLabel", equalTo("Tự đánh giá")).body("items.criterionCode", equalTo(List.of("1.1", "1.2", "2.1", "2.2")))
                .body("items[1].points", nullValue());
    }

    @Test
    void pointsAreChangedOnlyWithIfMatch() {
        year().withoutIfMatch().then().spec(problem(428));
    }

    @Test
    void pointsAreWithinTheCriterionsMaximumForItsManualCriteriaOnly() {
        year().invalidPoints().then().spec(problem(400))
                .body("errors.message", hasItem("must be between 0 and 30 (the maximum of criterion 1.2)"))
                .body("errors.field", hasItem("items[1].points")).body("errors.field", hasItem("items[2].criterionCode"));
    }

    @Test
    void anAssessmentWithAManualCriterionUnscoredIsNotSubmitted() {
        year().submittedUnscored().then().spec(problem(422, "criteria-not-scored")).body("criteria", equalTo(List.of("1.2")));
    }

    @Test
    void submittingComputesTheAutomaticCriteriaTheTotalAndTheBand() {
        // 1.1 not announced 0, 1.2 given 25, 2.1 no overdue review 20, 2.2 no overdue action 30
        year().selfSubmitted().then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("totalPoints", equalTo(75.0f)).body("band", equalTo("FAIR"))
                .body("bandLabel", equalTo("Khá")).body("items[2].points", equalTo(20.0f)).body("items[2].indicatorValue", equalTo(0));
    }

    @Test
    void theHeadPublishesTheSelfAssessmentNotTheOfficerAndItsAutomaticPointsFreeze() {
        Year w = year();
        w.finalisedByOfficer().then().spec(problem(403));
        w.selfFinalised().then().statusCode(200)
                .body("status", equalTo("FINALISED")).body("statusLabel", equalTo("Đã công bố")).body("items[2].frozen", equalTo(true));
    }

    @Test
    void aPublishedAssessmentIsNotChangedOnlyReopened() {
        year().changedWhenPublished().then().statusCode(409).body("allowedActions", hasItem("reopen"));
    }

    @Test
    void thePublishedSelfAssessmentIsTheLiveScoreWhileThereIsNoOfficialOne() {
        year().scoreAfterSelf().then().statusCode(200)
                .body("score", equalTo(75.0f)).body("criteria.find { it.code == '1.2' }.points", equalTo(25.0f));
    }

    @Test
    void seventyPointsIsNotAboveSeventyAndSoAverage() {
        // 70.00 is not "trên 70 điểm": Trung bình under the default table
        year().officialSubmitted().then().statusCode(200).body("totalPoints", equalTo(70.0f))
                .body("band", equalTo("AVERAGE")).body("bandLabel", equalTo("Trung bình"));
    }

    @Test
    void theComparisonSetsTheSelfAssessmentAgainstTheOfficialOnePerCriterion() {
        year().comparison().then().statusCode(200).body("selfTotal", equalTo(75.0f)).body("officialTotal", equalTo(70.0f))
                .body("difference", equalTo(-5.0f)).body("criteria.find { it.criterionCode == '1.2' }.selfPoints", equalTo(25.0f))
                .body("criteria.find { it.criterionCode == '1.2' }.officialPoints", equalTo(20.0f))
                .body("criteria.find { it.criterionCode == '1.2' }.difference", equalTo(-5.0f));
    }

    @Test
    void thePublishedOfficialAssessmentStandsInTheLiveScore() {
        Year w = year();
        w.officialFinalised().then().statusCode(200);
        w.scoreAfterOfficial().then().statusCode(200).body("score", equalTo(70.0f));
    }

    @Test
    void aCorrectionReopensTheOfficialAssessmentWithAReasonKeptInTheAuditTrail() {
        Year w = year();
        w.reopenedWithoutReason().then().spec(problem(400));
        w.reopened().then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(admin(w.province())).queryParam("resourceType", "assessment").queryParam("resourceId", w.official())
                .get("/api/v1/audit-trail").then().statusCode(200).body("items.action", hasItem("reopened"))
                .body("items.find { it.action == 'reopened' }.changes.reason.to", equalTo(REASON));
    }

    @Test
    void theAgencyListsItsSelfAndOfficialAssessmentsOfTheYear() {
        given().auth().oauth2(year().head()).queryParam("year", YEAR).get("/api/v1/assessments").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void submittedAndPublishedAssessmentsAreEvents() {
        String agency = year().agency();
        assertFalse(TestKafka.await("scoring.events", r -> agency.equals(r.key())
                && "vn.govqms.scoring.assessment.published.v1".equals(TestKafka.header(r, "ce_type"))
                && "OFFICIAL".equals(JsonPath.from(r.value()).getString("kind"))
                && "Trung bình".equals(JsonPath.from(r.value()).getString("bandLabel")), Duration.ofSeconds(20)).isEmpty());
        assertFalse(TestKafka.await("scoring.events", r -> agency.equals(r.key())
                && "vn.govqms.scoring.assessment.submitted.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).isEmpty());
    }

    /** Two departments of a province with an active set, the first with a self-assessment in draft; made once for this class. */
    record Refusals(String province, String agency, String other, String officer, String json, String draft, Response withoutSet) {
    }

    private static Refusals refusals;

    static synchronized Refusals refusals() {
        if (refusals != null) {
            return refusals;
        }
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Y tế");
        String other = Fixtures.agency(p, "Sở Xây dựng");
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String json = "{\"agencyId\":\"" + agency + "\",\"year\":" + YEAR + ",\"kind\":\"SELF\"}";
        Response withoutSet = given().auth().oauth2(officer).contentType(ContentType.JSON).body(json).post("/api/v1/assessments");
        CriteriaSets.activeSet(p, 2020);
        refusals = new Refusals(p, agency, other, officer, json, start(officer, agency, "SELF"), withoutSet);
        return refusals;
    }

    @Test
    void withoutAnActiveCriteriaSetThereIsNoAssessment() {
        refusals().withoutSet().then().spec(problem(422, "no-criteria-set"));
    }

    @Test
    void onlyTheAgencysOwnHeadOrIsoOfficerStartsItsSelfAssessment() {
        Refusals w = refusals();
        given().contentType(ContentType.JSON).body(w.json()).post("/api/v1/assessments").then().spec(problem(401));
        given().auth().oauth2(admin(w.province())).contentType(ContentType.JSON).body(w.json()).post("/api/v1/assessments").then()
                .spec(problem(403)).body("detail", containsString("own head or ISO officer"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", w.other(), w.province())).contentType(ContentType.JSON).body(w.json())
                .post("/api/v1/assessments").then().spec(problem(403));
        given().auth().oauth2(w.officer()).contentType(ContentType.JSON).body(w.json().replace("SELF", "OFFICIAL")).post("/api/v1/assessments")
                .then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("viewer", w.agency(), w.province())).contentType(ContentType.JSON).body(w.json())
                .post("/api/v1/assessments").then().spec(problem(403));
    }

    @Test
    void anUnknownAgencyAKindThatIsNotOneOrABrokenBodyIsRefused() {
        Refusals w = refusals();
        given().auth().oauth2(w.officer()).contentType(ContentType.JSON).body(w.json().replace(w.agency(), UUID.randomUUID().toString()))
                .post("/api/v1/assessments").then().spec(problem(422, "unknown-reference"));
        given().auth().oauth2(w.officer()).contentType(ContentType.JSON).body(w.json().replace("SELF", "BOTH")).post("/api/v1/assessments")
                .then().spec(problem(400));
        given().auth().oauth2(w.officer()).contentType(ContentType.JSON).body("{\"agencyId\":\"" + w.agency() + "\"")
                .post("/api/v1/assessments").then().spec(problem(400));
        given().auth().oauth2(w.officer()).queryParam("agencyId", w.agency()).get("/api/v1/assessments/comparison").then().spec(problem(400));
    }

    @Test
    void anAgencyHasOneSelfAssessmentAYear() {
        Refusals w = refusals();
        given().auth().oauth2(w.officer()).contentType(ContentType.JSON).body(w.json()).post("/api/v1/assessments").then().spec(problem(409));
    }

    @Test
    void anAssessmentIsReadOnlyByThoseWhoHoldItsAgency() {
        Refusals w = refusals();
        given().auth().oauth2(TestTokens.agencyRole("agency-head", w.other(), w.province())).get("/api/v1/assessments/{id}", w.draft())
                .then().spec(problem(403));
        given().auth().oauth2(admin(Fixtures.province())).get("/api/v1/assessments/{id}", w.draft()).then().spec(problem(403));
        given().auth().oauth2(w.officer()).get("/api/v1/assessments/{id}", UUID.randomUUID()).then().spec(problem(404));
    }

    @Test
    void aDraftIsPublishedByNoOneBeforeItIsSubmitted() {
        Refusals w = refusals();
        given().auth().oauth2(w.officer()).post("/api/v1/assessments/{id}/finalise", w.draft()).then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", w.agency(), w.province())).post("/api/v1/assessments/{id}/finalise", w.draft())
                .then().spec(problem(409)).body("allowedActions", hasItem("submit"));
    }
}
