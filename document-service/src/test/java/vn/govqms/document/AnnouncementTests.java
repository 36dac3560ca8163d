package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Announcing conformity follows the four steps (documents of the framework model issued, an internal audit and a
 * management review held, the head's confirmation of effectiveness), unless the announcement records them as taken
 * outside the system; the announcement is posted at the office and on the portal; a change of scope requires
 * re-announcement by a due date, announced overdue once; status and edition changes are events.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AnnouncementTests {

    static final String AUDIT_COMPLETED = "vn.govqms.audit.audit.completed.v1";
    static final String REVIEW_HELD = "vn.govqms.audit.management-review.held.v1";

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    static String body(LocalDate decisionDate, String outside) {
        return """
                {"decisionNumber":"45/QĐ-STP","decisionDate":"%s","standardEdition":"ISO_9001_2015",
                 "scope":"Toàn bộ hoạt động giải quyết thủ tục hành chính của Sở","notifiedLeadAgencyOn":"%s","stepsOutsideSystem":%s}"""
                .formatted(decisionDate, decisionDate, outside);
    }

    static List<String> missing(String problem) {
        return JsonPath.from(problem).getList("missing.step");
    }

    static String auditCompleted(String agency, String auditId, String kind, LocalDate on) {
        return """
                {"auditId":"%s","agencyId":"%s","kind":"%s","mode":"ON_SITE","year":%d,"completedOn":"%s",
                 "conclusion":"HTQLCL được duy trì phù hợp","findings":{"major":0,"minor":1,"observation":0,"improvement":0}}"""
                .formatted(auditId, agency, kind, on.getYear(), on);
    }

    /**
     * One agency taking the four steps in turn, made once for this class: the head asks to announce after each, and the
     * answers are kept for the rules below (the readiness and the events are read afterwards).
     */
    record FourSteps(String agency, LocalDate today, Response nothingTaken, Response withoutAnOperationalProcedure,
                     Response readinessAfterTheAudits, long stepsAfterTheAudits, Response afterTheAudits, Response confirmation,
                     Response announcement) {
        String head() {
            return TestTokens.agencyRole("agency-head", agency, "24");
        }

        String viewer() {
            return TestTokens.agencyRole("viewer", agency, "24");
        }
    }

    private static FourSteps fourSteps;

    static synchronized FourSteps fourSteps() {
        if (fourSteps != null) {
            return fourSteps;
        }
        String agency = ReviewTaskTests.agency("24", "Sở Tư pháp tỉnh Bắc Giang");
        String head = TestTokens.agencyRole("agency-head", agency, "24");
        String viewer = TestTokens.agencyRole("viewer", agency, "24");
        LocalDate today = today();
        Response nothingTaken = announce(head, agency, today);
        // the documents of the framework model: policy, objectives, a system procedure, and later a procedure of its work
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        ReviewTaskTests.procedure(agency, "24", "QUALITY_POLICY", law, null, true);
        ReviewTaskTests.procedure(agency, "24", "QUALITY_OBJECTIVES", law, null, true);
        ReviewTaskTests.procedure(agency, "24", "SYSTEM_PROCEDURE", law, null, true);
        Response withoutAnOperationalProcedure = announce(head, agency, today);
        ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        // audit-service's facts: an internal audit completed (twice delivered), a cross-check (not the agency's own audit),
        // an internal audit too long ago
        String audit = UUID.randomUUID().toString();
        String eventId = TestKafka.publishCloudEvent("audit.events", agency, AUDIT_COMPLETED, "audits/" + audit,
                auditCompleted(agency, audit, "INTERNAL_AUDIT", today.minusDays(20)));
        TestKafka.publishCloudEvent("audit.events", agency, eventId, AUDIT_COMPLETED, "audits/" + audit,
                auditCompleted(agency, audit, "INTERNAL_AUDIT", today.minusDays(20)));
        TestKafka.publishCloudEvent("audit.events", agency, AUDIT_COMPLETED, "audits/x",
                auditCompleted(agency, UUID.randomUUID().toString(), "CROSS_CHECK", today.minusDays(5)));
        TestKafka.publishCloudEvent("audit.events", agency, AUDIT_COMPLETED, "audits/old",
                auditCompleted(agency, UUID.randomUUID().toString(), "INTERNAL_AUDIT", today.minusYears(3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(viewer).get("/api/v1/agencies/{id}/qms/readiness", agency)
                .then().statusCode(200).extract().jsonPath().getBoolean("steps.find { it.step == 'INTERNAL_AUDIT' }.done"));
        Response readinessAfterTheAudits = given().auth().oauth2(viewer).get("/api/v1/agencies/{id}/qms/readiness", agency);
        long stepsAfterTheAudits = TestDb.count("document", "select count(*) from qms_step where agency_id = '" + agency + "'");
        Response afterTheAudits = announce(head, agency, today);
        // and a management review held
        String review = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("audit.events", agency, REVIEW_HELD, "management-reviews/" + review, """
                {"reviewId":"%s","agencyId":"%s","year":%d,"heldOn":"%s","chair":"Nguyễn Văn Hùng - Giám đốc Sở"}"""
                .formatted(review, agency, today.getYear(), today.minusDays(10)));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(viewer).get("/api/v1/agencies/{id}/qms/readiness", agency)
                .then().extract().jsonPath().getBoolean("steps.find { it.step == 'MANAGEMENT_REVIEW' }.done"));
        Response confirmation = given().auth().oauth2(head).contentType(ContentType.JSON).body(confirmation(today))
                .post("/api/v1/agencies/{id}/qms/effectiveness-confirmations", agency);
        Response announcement = announce(head, agency, today);
        fourSteps = new FourSteps(agency, today, nothingTaken, withoutAnOperationalProcedure, readinessAfterTheAudits,
                stepsAfterTheAudits, afterTheAudits, confirmation, announcement);
        return fourSteps;
    }

    static Response announce(String head, String agency, LocalDate today) {
        return given().auth().oauth2(head).contentType(ContentType.JSON).body(body(today, "[]"))
                .post("/api/v1/agencies/{id}/announcements", agency);
    }

    static String confirmation(LocalDate today) {
        return "{\"confirmedOn\":\"" + today.minusDays(2) + "\",\"reference\":\"Văn bản số 120/STP-VP\"}";
    }

    @Test
    void anAgencyWithNoStepTakenIsRefusedNamingAllFour() {
        String refused = fourSteps().nothingTaken().then().spec(problem(422, "announcement-steps-missing"))
                .body("detail", containsString("INTERNAL_AUDIT")).extract().asString();
        assertEquals(List.of("FRAMEWORK_DOCUMENTS", "INTERNAL_AUDIT", "MANAGEMENT_REVIEW", "EFFECTIVENESS_CONFIRMED"), missing(refused));
    }

    @Test
    void theFrameworkDocumentsNeedAnIssuedProcedureOfTheAgencysWork() {
        String refused = fourSteps().withoutAnOperationalProcedure().then().statusCode(422).extract().asString();
        assertEquals(List.of("FRAMEWORK_DOCUMENTS", "INTERNAL_AUDIT", "MANAGEMENT_REVIEW", "EFFECTIVENESS_CONFIRMED"), missing(refused));
        assertEquals("no issued document of type OPERATIONAL_PROCEDURE or TTHC_PROCEDURE",
                JsonPath.from(refused).getString("missing[0].detail"));
    }

    @Test
    void anInternalAuditCountsOnceAndACrossCheckOrAnOldAuditNotAtAll() {
        FourSteps w = fourSteps();
        assertEquals(List.of("MANAGEMENT_REVIEW", "EFFECTIVENESS_CONFIRMED"), missing(w.afterTheAudits().then().statusCode(422)
                .extract().asString()));
        w.readinessAfterTheAudits().then().statusCode(200)
                .body("ready", equalTo(false))
                .body("steps.find { it.step == 'FRAMEWORK_DOCUMENTS' }.done", equalTo(true))
                .body("steps.find { it.step == 'INTERNAL_AUDIT' }.heldOn", equalTo(w.today().minusDays(20).toString()))
                .body("steps.find { it.step == 'MANAGEMENT_REVIEW' }.done", equalTo(false));
        assertEquals(2, w.stepsAfterTheAudits(), "the audit delivered twice is one step; the cross-check is none");
    }

    @Test
    void onlyTheAgencysHeadConfirmsItsEffectivenessAndNotInTheFuture() {
        FourSteps w = fourSteps();
        w.confirmation().then().statusCode(201).body("step", equalTo("EFFECTIVENESS_CONFIRMED")).body("source", equalTo("HEAD"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", w.agency(), "24")).contentType(ContentType.JSON)
                .body(confirmation(w.today())).post("/api/v1/agencies/{id}/qms/effectiveness-confirmations", w.agency())
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("agency-head", UUID.randomUUID().toString(), "24")).contentType(ContentType.JSON)
                .body(confirmation(w.today())).post("/api/v1/agencies/{id}/qms/effectiveness-confirmations", w.agency())
                .then().statusCode(403);
        given().auth().oauth2(w.head()).contentType(ContentType.JSON)
                .body("{\"confirmedOn\":\"" + w.today().plusDays(3) + "\",\"reference\":\"x\"}")
                .post("/api/v1/agencies/{id}/qms/effectiveness-confirmations", w.agency()).then().spec(problem(400));
    }

    @Test
    void threeYearsOnTheAuditAndTheReviewNoLongerCount() {
        FourSteps w = fourSteps();
        given().auth().oauth2(w.viewer()).queryParam("on", w.today().plusYears(3).toString())
                .get("/api/v1/agencies/{id}/qms/readiness", w.agency()).then().statusCode(200).body("ready", equalTo(false))
                .body("steps.find { it.step == 'INTERNAL_AUDIT' }.done", equalTo(false));
        given().auth().oauth2(w.viewer()).get("/api/v1/agencies/{id}/qms/readiness", w.agency()).then().statusCode(200)
                .body("ready", equalTo(true));
    }

    @Test
    void withTheFourStepsTakenTheAnnouncementIsMadeAndPublished() {
        FourSteps w = fourSteps();
        String announcement = w.announcement().then().statusCode(201).body("stepsOutsideSystem", hasSize(0)).extract().path("id");
        List<ConsumerRecord<String, String>> announced = TestKafka.await("document.events", r -> w.agency().equals(r.key())
                && "vn.govqms.document.qms.announced.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        assertEquals(announcement, JsonPath.from(announced.get(0).value()).getString("announcementId"));
        assertEquals(List.of(), JsonPath.from(announced.get(0).value()).getList("stepsOutsideSystem"));
        List<ConsumerRecord<String, String>> changed = TestKafka.await("document.events", r -> w.agency().equals(r.key())
                && "vn.govqms.document.qms.status-changed.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        JsonPath status = JsonPath.from(changed.get(0).value());
        assertEquals("ANNOUNCED", status.getString("status"));
        assertEquals("NOT_STARTED", status.getString("previousStatus"));
        assertEquals(w.today().toString(), status.getString("effectiveDate"));
    }

    @Test
    void stepsTakenOutsideTheSystemAreRecordedAndShown() {
        String agency = ReviewTaskTests.agency("24", "Sở Nội vụ tỉnh Bắc Giang");
        String head = TestTokens.agencyRole("agency-head", agency, "24");
        LocalDate on = LocalDate.parse("2015-05-20");
        // one step declared outside: the other three are still missing, and named
        String partly = given().auth().oauth2(head).contentType(ContentType.JSON).body(body(on, """
                [{"step":"INTERNAL_AUDIT","heldOn":"2015-04-10","evidence":"Báo cáo đánh giá nội bộ số 15/BC-SNV"}]"""))
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(422).extract().asString();
        assertEquals(List.of("FRAMEWORK_DOCUMENTS", "MANAGEMENT_REVIEW", "EFFECTIVENESS_CONFIRMED"), missing(partly));
        // a declaration needs its evidence, its day (but for the documents), once per step, not after the decision
        given().auth().oauth2(head).contentType(ContentType.JSON).body(body(on, "[{\"step\":\"INTERNAL_AUDIT\",\"heldOn\":\"2015-04-10\"}]"))
                .post("/api/v1/agencies/{id}/announcements", agency).then().spec(problem(400));
        given().auth().oauth2(head).contentType(ContentType.JSON).body(body(on, "[{\"step\":\"MANAGEMENT_REVIEW\",\"evidence\":\"Biên bản\"}]"))
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(400).body("detail", containsString("heldOn"));
        given().auth().oauth2(head).contentType(ContentType.JSON).body(body(on, """
                [{"step":"MANAGEMENT_REVIEW","heldOn":"2015-04-10","evidence":"a"},{"step":"MANAGEMENT_REVIEW","heldOn":"2015-04-11","evidence":"b"}]"""))
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(400).body("detail", containsString("twice"));
        given().auth().oauth2(head).contentType(ContentType.JSON).body(body(on, "[{\"step\":\"MANAGEMENT_REVIEW\",\"heldOn\":\"2015-06-01\",\"evidence\":\"a\"}]"))
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(400);
        given().auth().oauth2(head).contentType(ContentType.JSON).body(body(on, "[{\"step\":\"SOMETHING\",\"evidence\":\"a\"}]"))
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(400);

        String id = given().auth().oauth2(head).contentType(ContentType.JSON).body(body(on, QmsTests.OUTSIDE_STEPS))
                .post("/api/v1/agencies/{id}/announcements", agency).then().statusCode(201)
                .body("stepsOutsideSystem.step", containsInAnyOrder("FRAMEWORK_DOCUMENTS", "INTERNAL_AUDIT", "MANAGEMENT_REVIEW",
                        "EFFECTIVENESS_CONFIRMED"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/agencies/{id}/announcements", agency).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(id))
                .body("[0].stepsOutsideSystem.find { it.step == 'INTERNAL_AUDIT' }.evidence", equalTo("Báo cáo đánh giá nội bộ số 15/BC-SKHCN"))
                .body("[0].stepsOutsideSystem.find { it.step == 'INTERNAL_AUDIT' }.heldOn", equalTo("2015-04-10"))
                .body("[0].stepsOutsideSystem.find { it.step == 'FRAMEWORK_DOCUMENTS' }.heldOn", nullValue());
        List<ConsumerRecord<String, String>> announced = TestKafka.await("document.events", r -> agency.equals(r.key())
                && "vn.govqms.document.qms.announced.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        assertEquals(4, JsonPath.from(announced.get(0).value()).getList("stepsOutsideSystem").size());
        // the declaration counts for that announcement only: the agency's own record still lacks every step
        given().auth().oauth2(head).get("/api/v1/agencies/{id}/qms/readiness", agency).then().statusCode(200).body("ready", equalTo(false));
    }

    @Test
    void postingAtTheOfficeAndOnThePortalIsRecordedOnTheAnnouncement() {
        String agency = ReviewTaskTests.agency("24", "Sở Xây dựng tỉnh Bắc Giang");
        String other = ReviewTaskTests.agency("24", "Sở Giao thông Vận tải tỉnh Bắc Giang");
        String id = QmsTests.announce(agency, "24");
        String otherAnnouncement = QmsTests.announce(other, "24");
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String url = "/api/v1/agencies/{id}/announcements/{a}/postings";
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"channel\":\"OFFICE\",\"place\":\"Bảng niêm yết tại Bộ phận Một cửa, tầng 1\",\"postedOn\":\"2015-05-22\"}")
                .post(url, agency, id).then().statusCode(201).body("postings", hasSize(1));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, "24")).contentType(ContentType.JSON)
                .body("{\"channel\":\"PORTAL\",\"link\":\"https://sxd.bacgiang.gov.vn/cong-bo-htqlcl\",\"postedOn\":\"2015-05-23\"}")
                .post(url, agency, id).then().statusCode(201).body("postings", hasSize(2))
                .body("postings[1].channel", equalTo("PORTAL")).body("postings[1].link", equalTo("https://sxd.bacgiang.gov.vn/cong-bo-htqlcl"))
                .body("postings[1].postedOn", equalTo("2015-05-23")).body("postings[1].channelLabel", equalTo("Đăng tải trên cổng thông tin điện tử"));
        // where, when and the link are the record
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"channel\":\"PORTAL\",\"postedOn\":\"2015-05-23\"}")
                .post(url, agency, id).then().spec(problem(400)).body("detail", containsString("link"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"channel\":\"PORTAL\",\"link\":\"cong thong tin\",\"postedOn\":\"2015-05-23\"}")
                .post(url, agency, id).then().statusCode(400);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"channel\":\"OFFICE\",\"postedOn\":\"2015-05-23\"}")
                .post(url, agency, id).then().statusCode(400).body("detail", containsString("place"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"channel\":\"OFFICE\",\"place\":\"Trụ sở\",\"postedOn\":\"2015-05-01\"}")
                .post(url, agency, id).then().statusCode(400).body("detail", containsString("decision date"));
        // not another agency's people; not another agency's announcement through this agency
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, "24")).contentType(ContentType.JSON)
                .body("{\"channel\":\"OFFICE\",\"place\":\"Trụ sở\",\"postedOn\":\"2015-05-22\"}").post(url, agency, id).then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).contentType(ContentType.JSON)
                .body("{\"channel\":\"OFFICE\",\"place\":\"Trụ sở\",\"postedOn\":\"2015-05-22\"}").post(url, agency, id).then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"channel\":\"OFFICE\",\"place\":\"Trụ sở\",\"postedOn\":\"2015-05-22\"}")
                .post(url, agency, otherAnnouncement).then().spec(problem(404));
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).get("/api/v1/agencies/{id}/announcements", agency)
                .then().statusCode(200).body("[0].postings.channel", containsInAnyOrder("OFFICE", "PORTAL"))
                .body("[0].postings.find { it.channel == 'OFFICE' }.place", equalTo("Bảng niêm yết tại Bộ phận Một cửa, tầng 1"));
    }

    @Test
    void aChangeOfScopeIsDueForReannouncementThreeMonthsLaterAndReannouncingClearsIt() {
        String admin = TestTokens.provinceAdmin("24");
        String first = QmsTests.tthc("Cấp Phiếu lý lịch tư pháp");

        // removing a TTHC from an announced scope requires re-announcement, due 3 months after the change
        String agency = ReviewTaskTests.agency("24", "Sở Lao động tỉnh Bắc Giang");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"procedureIds\":[\"" + first + "\"],\"since\":\"2015-01-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().body("reannouncementRequired", equalTo(false));
        QmsTests.announce(agency, "24");
        LocalDate since = today();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"procedureIds\":[],\"since\":\"" + since + "\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200)
                .body("reannouncementRequired", equalTo(true)).body("reannouncementSince", equalTo(since.toString()))
                .body("reannouncementDue", equalTo(since.plusMonths(3).toString())).body("reannouncementOverdue", equalTo(false));
        JsonPath required = JsonPath.from(TestKafka.await("document.events", r -> agency.equals(r.key())
                && "vn.govqms.document.qms.reannouncement-required.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20))
                .get(0).value());
        assertEquals(List.of(first), required.getList("removedProcedureIds"));
        assertEquals(since.plusMonths(3).toString(), required.getString("dueDate"));
        String requirement = required.getString("requirementId");
        // re-announcing clears it, and says which requirement it cleared
        QmsTests.announce(agency, "24");
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().body("reannouncementRequired", equalTo(false))
                .body("reannouncementDue", nullValue());
        assertFalse(TestKafka.await("document.events", r -> agency.equals(r.key())
                && "vn.govqms.document.qms.announced.v1".equals(TestKafka.header(r, "ce_type"))
                && requirement.equals(JsonPath.from(r.value()).getString("clearedRequirementId")), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void aChangeOfScopeDatedFourMonthsAgoIsAnnouncedOverdueOnceWithoutTouchingTheAgencysETag() {
        String admin = TestTokens.provinceAdmin("24");
        String second = QmsTests.tthc("Đăng ký khai sinh");
        String late = ReviewTaskTests.agency("24", "Sở Y tế tỉnh Bắc Giang");
        QmsTests.announce(late, "24");
        LocalDate longAgo = today().minusMonths(4);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"procedureIds\":[\"" + second + "\"],\"since\":\"" + longAgo + "\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", late).then().statusCode(200);
        int version = given().auth().oauth2(admin).get("/api/v1/agencies/{id}", late).then().extract().path("version");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(admin).get("/api/v1/agencies/{id}", late)
                .then().extract().jsonPath().getBoolean("reannouncementOverdue"));
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", late).then().body("version", equalTo(version));
        String overdueType = "vn.govqms.document.qms.reannouncement-overdue.v1";
        List<ConsumerRecord<String, String>> overdue = TestKafka.await("document.events", r -> late.equals(r.key())
                && overdueType.equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        JsonPath o = JsonPath.from(overdue.get(0).value());
        assertEquals(longAgo.plusMonths(3).toString(), o.getString("dueDate"));
        assertEquals(ChronoUnit.DAYS.between(longAgo.plusMonths(3), today()), o.getLong("daysOverdue"));
        assertEquals("Bổ sung 1 thủ tục hành chính trong phạm vi áp dụng từ " + longAgo + ".", o.getString("reason"));
        // later checks (every second in tests) announce nothing more
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> TestKafka.readAll("document.events").stream()
                .filter(r -> late.equals(r.key()) && overdueType.equals(TestKafka.header(r, "ce_type"))).count() == 1);
    }

    @Test
    void statusAndEditionChangesAreEventsWithTheDayTheyHappened() {
        String agency = ReviewTaskTests.agency("24", "Sở Công Thương tỉnh Bắc Giang");
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"APPLYING\",\"standardEdition\":\"ISO_9001_2008\",\"effectiveDate\":\"" + today().plusDays(2) + "\"}")
                .put("/api/v1/agencies/{id}/qms", agency).then().spec(problem(400)).body("detail", containsString("effectiveDate"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"APPLYING\",\"standardEdition\":\"ISO_9001_2008\",\"effectiveDate\":\"2015-04-20\"}")
                .put("/api/v1/agencies/{id}/qms", agency).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"status\":\"APPLYING\",\"standardEdition\":\"ISO_9001_2015\",\"effectiveDate\":\"2018-12-28\"}")
                .put("/api/v1/agencies/{id}/qms", agency).then().statusCode(200);
        String type = "vn.govqms.document.qms.status-changed.v1";
        await().atMost(Duration.ofSeconds(20)).until(() -> TestKafka.readAll("document.events").stream()
                .filter(r -> agency.equals(r.key()) && type.equals(TestKafka.header(r, "ce_type"))).count() == 2);
        List<JsonPath> changes = TestKafka.readAll("document.events").stream()
                .filter(r -> agency.equals(r.key()) && type.equals(TestKafka.header(r, "ce_type"))).map(r -> JsonPath.from(r.value())).toList();
        assertEquals("NOT_STARTED", changes.get(0).getString("previousStatus"));
        assertEquals("APPLYING", changes.get(0).getString("status"));
        assertEquals("2015-04-20", changes.get(0).getString("effectiveDate"));
        assertEquals("ISO_9001_2008", changes.get(1).getString("previousStandardEdition"));
        assertEquals("ISO_9001_2015", changes.get(1).getString("standardEdition"));
        assertEquals("2018-12-28", changes.get(1).getString("effectiveDate"));
    }
}
