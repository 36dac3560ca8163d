package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.head;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Problems.problem;

/** Yearly ISO activity plans: template, editing, approval by the head, completion, overdue check, progress. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ActivityPlanTests {

    static String plan(String agency, String province, int year) {
        return given().auth().oauth2(officer(agency, province)).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"" + agency + "\",\"year\":" + year + "}")
                .post("/api/v1/activity-plans").then().statusCode(201).extract().path("id");
    }

    /**
     * Hải Phòng's home affairs department's plan of 2026, made once for this class: drafted from the required activities, a
     * training added and re-dated, approved by the head, the training done. Each step's answer is kept for the rule it shows.
     */
    record Plan(String agency, String id, String training, Response read, Response duplicate, Response trainingAdded,
                Response requiredDeleted, Response requiredChanged, Response outsideTheYear, Response editedWithoutIfMatch, Response edited,
                Response approvedByOfficer, Response approved, Response approvedAgain, Response addedAfterApproval, Response doneInFuture,
                Response done, Response doneAgain) {
    }

    private static Plan haiPhong;

    static synchronized Plan haiPhong() {
        if (haiPhong != null) {
            return haiPhong;
        }
        String agency = Fixtures.agency("31", "Sở Nội vụ tỉnh Hải Phòng");
        String officer = officer(agency, "31");
        String id = plan(agency, "31", 2026);
        Response read = given().auth().oauth2(officer).get("/api/v1/activity-plans/{id}", id);
        Response duplicate = given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"agencyId\":\"" + agency + "\",\"year\":2026}")
                .post("/api/v1/activity-plans");
        Response trainingAdded = given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"kind":"TRAINING","title":"Tập huấn ISO cho công chức mới","plannedDate":"2026-04-15","owner":"tran.thi.binh"}""")
                .post("/api/v1/activity-plans/{id}/items", id);
        String training = trainingAdded.then().statusCode(201).extract().path("id");
        String audit = read.then().statusCode(200).extract().path("items.find { it.kind == 'INTERNAL_AUDIT' }.id");
        Response requiredDeleted = given().auth().oauth2(officer).delete("/api/v1/activity-plans/{id}/items/{item}", id, audit);
        Response requiredChanged = given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"kind":"OTHER","title":"x","plannedDate":"2026-04-15"}""").put("/api/v1/activity-plans/{id}/items/{item}", id, audit);
        Response outsideTheYear = given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"kind":"TRAINING","title":"Tập huấn","plannedDate":"2027-04-15"}""").post("/api/v1/activity-plans/{id}/items", id);
        String redated = """
                {"kind":"TRAINING","title":"Tập huấn ISO","plannedDate":"2026-05-15"}""";
        Response editedWithoutIfMatch = given().auth().oauth2(officer).contentType(ContentType.JSON).body(redated)
                .put("/api/v1/activity-plans/{id}/items/{item}", id, training);
        Response edited = given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(redated)
                .put("/api/v1/activity-plans/{id}/items/{item}", id, training);

        Response approvedByOfficer = given().auth().oauth2(officer).post("/api/v1/activity-plans/{id}/approval", id);
        Response approved = given().auth().oauth2(head(agency, "31")).post("/api/v1/activity-plans/{id}/approval", id);
        Response approvedAgain = given().auth().oauth2(head(agency, "31")).post("/api/v1/activity-plans/{id}/approval", id);
        Response addedAfterApproval = given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"kind":"TRAINING","title":"Tập huấn","plannedDate":"2026-04-15"}""").post("/api/v1/activity-plans/{id}/items", id);

        Response doneInFuture = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"doneDate\":\"" + LocalDate.now(VIETNAM).plusDays(3) + "\",\"evidence\":\"Danh sách học viên\"}")
                .post("/api/v1/activity-plans/{id}/items/{item}/completion", id, training);
        Response done = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"doneDate\":\"2026-05-14\",\"evidence\":\"Quyết định 15/QĐ-SNV; danh sách 32 học viên\"}")
                .post("/api/v1/activity-plans/{id}/items/{item}/completion", id, training);
        Response doneAgain = given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"doneDate\":\"2026-05-14\",\"evidence\":\"lại\"}")
                .post("/api/v1/activity-plans/{id}/items/{item}/completion", id, training);
        haiPhong = new Plan(agency, id, training, read, duplicate, trainingAdded, requiredDeleted, requiredChanged, outsideTheYear,
                editedWithoutIfMatch, edited, approvedByOfficer, approved, approvedAgain, addedAfterApproval, doneInFuture, done, doneAgain);
        return haiPhong;
    }

    @Test
    void aNewPlanStartsAsADraftOfTheRequiredActivities() {
        haiPhong().read().then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("status", equalTo("DRAFT")).body("statusLabel", equalTo("Dự thảo"))
                .body("items.kind", hasItems("INTERNAL_AUDIT", "MANAGEMENT_REVIEW", "PROCEDURE_REVIEW", "OBJECTIVES_SET"))
                .body("items.find { it.kind == 'INTERNAL_AUDIT' }.kindLabel", equalTo("Đánh giá nội bộ"));
    }

    @Test
    void anAgencyHasOnePlanAYear() {
        haiPhong().duplicate().then().spec(problem(409));
    }

    @Test
    void theOfficerAddsActivitiesWithinThePlansYear() {
        Plan w = haiPhong();
        w.trainingAdded().then().statusCode(201).body("kindLabel", equalTo("Đào tạo, tập huấn"));
        w.outsideTheYear().then().spec(problem(400));
    }

    @Test
    void thePlansOnlyInternalAuditIsNeitherRemovedNorTurnedIntoAnotherActivity() {
        Plan w = haiPhong();
        w.requiredDeleted().then().spec(problem(422, "required-activity"));
        w.requiredChanged().then().spec(problem(422));
    }

    @Test
    void activitiesAreChangedOnlyWithIfMatch() {
        Plan w = haiPhong();
        w.editedWithoutIfMatch().then().spec(problem(428));
        w.edited().then().statusCode(200).body("plannedDate", equalTo("2026-05-15"));
    }

    @Test
    void theHeadApprovesThePlanOnceAndTheOfficerCannot() {
        Plan w = haiPhong();
        w.approvedByOfficer().then().spec(problem(403));
        w.approved().then().statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("agency-head-" + w.agency()));
        w.approvedAgain().then().spec(problem(409, "invalid-transition")).body("allowedActions", equalTo(List.of("complete-item")));
        assertTrue(Fixtures.published("audit", w.agency(), "activity-plan.approved", "Tập huấn ISO"));
    }

    @Test
    void anApprovedPlanTakesNoNewActivities() {
        haiPhong().addedAfterApproval().then().spec(problem(409));
    }

    @Test
    void anActivityIsDoneOnceWithItsEvidenceAndNotInTheFuture() {
        Plan w = haiPhong();
        w.doneInFuture().then().spec(problem(400));
        w.done().then().statusCode(200).body("state", equalTo("DONE"));
        w.doneAgain().then().spec(problem(409));
        assertTrue(Fixtures.published("audit", w.agency(), "activity.done", w.training()));
    }

    @Test
    void thePlansChangesAreInTheAuditTrail() {
        Plan w = haiPhong();
        given().auth().oauth2(officer(w.agency(), "31")).queryParam("resourceType", "activity-plan").queryParam("resourceId", w.id())
                .get("/api/v1/audit-trail").then().statusCode(200).body("total", greaterThanOrEqualTo(4));
    }

    @Test
    void activitiesPastTheirDateAreAnnouncedOverdueOnce() {
        String agency = Fixtures.agency("31", "UBND xã An Lão");
        String id = plan(agency, "31", 2025);
        given().auth().oauth2(head(agency, "31")).post("/api/v1/activity-plans/{id}/approval", id).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from activity_item where plan_id = '" + id + "' and overdue_at is not null") == 4);
        assertTrue(Fixtures.published("audit", agency, "activity.overdue", "\"kind\" : \"INTERNAL_AUDIT\""));
        // the check runs every second: through two more of them, still one event per activity
        Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10))
                .until(() -> Fixtures.count("select count(*) from outbox where type = 'vn.govqms.audit.activity.overdue.v1' and message_key = '"
                        + agency + "'") == 4);
        given().auth().oauth2(officer(agency, "31")).get("/api/v1/activity-plans/{id}", id).then()
                .body("items.state", equalTo(List.of("OVERDUE", "OVERDUE", "OVERDUE", "OVERDUE")));
    }

    @Test
    void aCompletionIsNotRefusedBecauseTheOverdueCheckMarkedTheItemWhileItWasRead() throws Exception {
        String agency = Fixtures.agency("31", "UBND xã Gia Vân", "COMMUNE");
        String id = plan(agency, "31", LocalDate.now(VIETNAM).getYear() - 1);
        String item = given().auth().oauth2(officer(agency, "31")).get("/api/v1/activity-plans/{id}", id).then().statusCode(200)
                .extract().path("items.find { it.kind == 'MANAGEMENT_REVIEW' }.id");
        try (Connection db = Fixtures.connection(); Statement lock = db.createStatement()) {
            // the test holds the item's row, so that the overdue check and the completion queue up behind it in that order
            db.setAutoCommit(false);
            lock.execute("select id from activity_item where id = '" + item + "' for update");
            given().auth().oauth2(head(agency, "31")).post("/api/v1/activity-plans/{id}/approval", id).then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.waitingForLock("set overdue_at") == 1);
            CompletableFuture<Response> completion = CompletableFuture.supplyAsync(() -> given().auth().oauth2(officer(agency, "31"))
                    .contentType(ContentType.JSON).body("{\"doneDate\":\"" + LocalDate.now(VIETNAM) + "\",\"evidence\":\"Biên bản họp xem xét của lãnh đạo\"}")
                    .post("/api/v1/activity-plans/{id}/items/{item}/completion", id, item));
            // the completion has read the item as it was before the check, and waits behind the check to write it
            await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.waitingForLock("activity_item") == 2);
            db.commit();
            completion.get(30, TimeUnit.SECONDS).then().statusCode(200).body("state", equalTo("DONE"));
        }
        // the check's mark stays on the item done late, announced once
        assertEquals(1, Fixtures.count("select count(*) from activity_item where id = '" + item
                + "' and overdue_at is not null and done_date is not null"));
        assertTrue(Fixtures.published("audit", agency, "activity.overdue", item));
        assertTrue(Fixtures.published("audit", agency, "activity.done", item));
    }

    @Test
    void progressPerProvinceAndRefusals() {
        String a = Fixtures.agency("33", "Sở Tài chính tỉnh Hưng Yên");
        String b = Fixtures.agency("33", "Sở Xây dựng tỉnh Hưng Yên");
        String other = Fixtures.agency("34", "Sở Xây dựng tỉnh Thái Bình");
        String planA = plan(a, "33", 2026);
        plan(b, "33", 2026);
        given().auth().oauth2(head(a, "33")).post("/api/v1/activity-plans/{id}/approval", planA).then().statusCode(200);
        given().auth().oauth2(admin("33")).queryParam("year", "2026").get("/api/v1/activity-plans/progress").then().statusCode(200)
                .body("agencies", greaterThanOrEqualTo(2)).body("approvedPlans", greaterThanOrEqualTo(1))
                .body("perAgency.find { it.agencyId == '" + a + "' }.planStatus", equalTo("APPROVED"))
                .body("perAgency.find { it.agencyId == '" + b + "' }.items", equalTo(4));
        given().auth().oauth2(officer(a, "33")).queryParam("year", "2026").get("/api/v1/activity-plans/progress").then().statusCode(200)
                .body("agencies", equalTo(1)).body("perAgency[0].agencyId", equalTo(a));
        given().auth().oauth2(admin("33")).queryParam("year", "twenty").get("/api/v1/activity-plans/progress").then().spec(problem(400));
        // the national level reads every province's plans, and changes none
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("year", "2026").get("/api/v1/activity-plans/progress").then()
                .statusCode(200).body("agencies", equalTo((int) Fixtures.count(
                        "select count(*) from agency_directory where valid_to is null or valid_to >= '2026-01-01'")));
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/activity-plans").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/activity-plans/{id}", planA).then().statusCode(200);
        given().auth().oauth2(TestTokens.nationalAdmin()).post("/api/v1/activity-plans/{id}/approval", planA).then().spec(problem(403));

        // refusals: no token, another agency, another province, unknown agency, malformed input
        given().get("/api/v1/activity-plans/{id}", planA).then().spec(problem(401));
        given().auth().oauth2(officer(b, "33")).get("/api/v1/activity-plans/{id}", planA).then().spec(problem(403));
        given().auth().oauth2(admin("34")).get("/api/v1/activity-plans/{id}", planA).then().statusCode(403);
        given().auth().oauth2(officer(other, "34")).contentType(ContentType.JSON).body("{\"agencyId\":\"" + a + "\",\"year\":2027}")
                .post("/api/v1/activity-plans").then().statusCode(403);
        given().auth().oauth2(officer(a, "33")).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"" + UUID.randomUUID() + "\",\"year\":2027}")
                .post("/api/v1/activity-plans").then().spec(problem(422, "unknown-reference"));
        given().auth().oauth2(officer(a, "33")).contentType(ContentType.JSON).body("{\"agencyId\":\"" + a + "\",\"year\":\"2027\"}")
                .post("/api/v1/activity-plans").then().spec(problem(400));
        given().auth().oauth2(officer(a, "33")).contentType(ContentType.JSON).body("{\"agencyId\":")
                .post("/api/v1/activity-plans").then().spec(problem(400));
        given().auth().oauth2(officer(a, "33")).contentType(ContentType.JSON).body("{\"year\":2027}")
                .post("/api/v1/activity-plans").then().spec(problem(400));
        given().auth().oauth2(officer(a, "33")).get("/api/v1/activity-plans/{id}", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(admin("33")).queryParam("year", "2026").get("/api/v1/activity-plans").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(officer(a, "33")).get("/api/v1/activity-plans").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aConfirmedInternalAuditAndAHeldManagementReviewCompleteTheirActivities() {
        String agency = Fixtures.agency("32", "Sở Kế hoạch và Đầu tư tỉnh Hải Dương");
        String id = plan(agency, "32", 2026);
        given().auth().oauth2(head(agency, "32")).post("/api/v1/activity-plans/{id}/approval", id).then().statusCode(200);
        given().auth().oauth2(head(agency, "32")).contentType(ContentType.JSON).body(ManagementReviewTests.review(agency, "2026-02-10"))
                .post("/api/v1/management-reviews").then().statusCode(201);
        String audit = AuditTests.internalAudit(agency, "32", "[\"9.2\"]", "[]");
        String lead = Fixtures.auditor(agency, "32");
        given().auth().oauth2(lead).post("/api/v1/audits/{id}/start", audit).then().statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", audit).then().statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"conclusion\":\"Phù hợp\"}")
                .post("/api/v1/audits/{id}/report", audit).then().statusCode(200);
        given().auth().oauth2(head(agency, "32")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/audits/{id}/confirmation", audit).then().statusCode(200);
        given().auth().oauth2(officer(agency, "32")).get("/api/v1/activity-plans/{id}", id).then().statusCode(200)
                .body("items.find { it.kind == 'MANAGEMENT_REVIEW' }.state", equalTo("DONE"))
                .body("items.find { it.kind == 'MANAGEMENT_REVIEW' }.doneDate", equalTo("2026-02-10"))
                .body("items.find { it.kind == 'MANAGEMENT_REVIEW' }.evidence", containsString("Họp xem xét của lãnh đạo"))
                .body("items.find { it.kind == 'INTERNAL_AUDIT' }.state", equalTo("DONE"))
                .body("items.find { it.kind == 'INTERNAL_AUDIT' }.evidence", containsString(audit));
        assertTrue(Fixtures.published("audit", agency, "activity.done", "MANAGEMENT_REVIEW"));
    }
}
