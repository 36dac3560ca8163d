package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.head;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.TestTokens.nationalAdmin;
import static vn.govqms.local.testing.Problems.problem;

/** The November province summary and the December report to the Ministry, as JSON and as CSV. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ReportTests {

    /**
     * Quảng Ngãi's year, made once for this class: A inspected on site with one minor nonconformity whose action is overdue,
     * announced, a review on time and a management review; B a commune with an internal audit reported and a procedure
     * review overdue; the provincial centre that inspects. The reports below only read it.
     */
    record Year(String p, int year, String a, String b) {
    }

    private static Year quangNgai;

    static synchronized Year quangNgai() {
        if (quangNgai != null) {
            return quangNgai;
        }
        String p = "47";
        int year = LocalDate.now(VIETNAM).getYear();
        String a = Fixtures.agency(p, "Sở Tư pháp tỉnh Quảng Ngãi");
        String b = Fixtures.agency(p, "UBND xã Bình Sơn", "COMMUNE");
        String centre = Fixtures.agency(p, "Trung tâm Kỹ thuật TĐC tỉnh Quảng Ngãi", "PUBLIC_SERVICE_UNIT");

        // A: inspected on site, one minor nonconformity whose action is overdue; announced; a review on time; a management review
        String inspection = AuditTests.inspection(a, centre, p, "ON_SITE");
        String finding = CorrectiveActionTests.finding(inspection, centre, p, "MINOR_NONCONFORMITY");
        CorrectiveActionTests.action(a, p, finding, "iso-officer-" + a, LocalDate.now(VIETNAM).minusDays(3).toString());
        for (int no = 1; no <= 13; no++) {
            given().auth().oauth2(auditor(centre, p)).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                    .put("/api/v1/audits/{id}/checklist/{no}/answer", inspection, no).then().statusCode(200);
        }
        given().auth().oauth2(auditor(centre, p)).contentType(ContentType.JSON).body("{\"conclusion\":\"Cơ bản phù hợp\"}")
                .post("/api/v1/audits/{id}/report", inspection).then().statusCode(200);
        given().auth().oauth2(head(a, p)).contentType(ContentType.JSON).body(ManagementReviewTests.review(a, LocalDate.now(VIETNAM).toString()))
                .post("/api/v1/management-reviews").then().statusCode(201);
        TestKafka.publishCloudEvent("document.events", a, "vn.govqms.document.qms.announced.v1", "agencies/" + a, """
                {"agencyId":"%s","announcementId":"%s","decisionNumber":"45/QĐ-STP","decisionDate":"2025-05-20",
                 "standardEdition":"ISO_9001_2015","reannouncement":false}""".formatted(a, UUID.randomUUID()));
        String task = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", a, "vn.govqms.document.procedure-review.required.v1", "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","causeType":"LEGAL_DOCUMENT","causeId":"%s","causeKind":"AMENDED",
                 "effectiveDate":"%d-01-01","dueDate":"%d-04-01"}""".formatted(task, a, UUID.randomUUID(), UUID.randomUUID(), year, year));
        TestKafka.publishCloudEvent("document.events", a, "vn.govqms.document.procedure-review.completed.v1", "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"REVISED","dueDate":"%d-04-01","onTime":true,
                 "resolvedAt":"%d-03-15T09:00:00+07:00"}""".formatted(task, a, UUID.randomUUID(), year, year));
        // B: an internal audit reported; a procedure review overdue
        String internal = AuditTests.internalAudit(b, p, "[\"9.2\"]", "[]");
        given().auth().oauth2(auditor(b, p)).post("/api/v1/audits/{id}/start", internal).then().statusCode(200);
        given().auth().oauth2(auditor(b, p)).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", internal).then().statusCode(200);
        given().auth().oauth2(auditor(b, p)).contentType(ContentType.JSON).body("{\"conclusion\":\"Phù hợp\"}")
                .post("/api/v1/audits/{id}/report", internal).then().statusCode(200);
        String late = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", b, "vn.govqms.document.procedure-review.overdue.v1", "review-tasks/" + late, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","dueDate":"%d-01-15","daysOverdue":30}"""
                .formatted(late, b, UUID.randomUUID(), year));
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count("select count(*) from procedure_review where agency_id in ('"
                + a + "','" + b + "')") == 2 && Fixtures.count("select count(*) from agency_announcement where agency_id = '" + a + "'") == 1
                && Fixtures.count("select count(*) from procedure_review where task_id = '" + task + "' and status = 'COMPLETED'") == 1);

        quangNgai = new Year(p, year, a, b);
        return quangNgai;
    }

    @Test
    void theProvinceSummaryCountsEachAgencysInspectionFindingsAndActions() {
        Year w = quangNgai();
        given().auth().oauth2(admin(w.p())).queryParam("year", w.year()).get("/api/v1/reports/province-summary").then().statusCode(200)
                .body("agencies", equalTo(3)).body("inspected", equalTo(1)).body("inspectedOnSite", equalTo(1))
                .body("rows.find { it.agencyId == '" + w.a() + "' }.inspectionMode", equalTo("ON_SITE"))
                .body("rows.find { it.agencyId == '" + w.a() + "' }.minorNonconformities", equalTo(1))
                .body("rows.find { it.agencyId == '" + w.a() + "' }.actionsOpen", equalTo(1))
                .body("rows.find { it.agencyId == '" + w.a() + "' }.actionsOverdue", equalTo(1))
                .body("rows.find { it.agencyId == '" + w.b() + "' }.inspectionMode", equalTo(null));
    }

    @Test
    void theProvinceSummaryIsAVietnameseCsvForExcel() {
        Year w = quangNgai();
        byte[] csv = given().auth().oauth2(admin(w.p())).queryParam("year", w.year()).queryParam("format", "csv")
                .get("/api/v1/reports/province-summary").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("bao-cao-tong-hop-kiem-tra-47")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFMã cơ quan,Tên cơ quan,Hình thức kiểm tra"), text);
        assertTrue(text.contains("Sở Tư pháp tỉnh Quảng Ngãi,Kiểm tra trực tiếp tại cơ quan,Đã báo cáo,0,1,0,0,1,1"), text);
    }

    @Test
    void theMinistryReportCountsAnnouncementsAuditsReviewsAndLegalUpdates() {
        Year w = quangNgai();
        given().auth().oauth2(admin(w.p())).queryParam("year", w.year()).get("/api/v1/reports/ministry-report").then().statusCode(200)
                .body("announced", equalTo(1)).body("internalAuditsHeld", equalTo(1)).body("managementReviewsHeld", equalTo(1))
                .body("rows.find { it.agencyId == '" + w.a() + "' }.announcementDecision", equalTo("45/QĐ-STP"))
                .body("rows.find { it.agencyId == '" + w.a() + "' }.legalUpdatesOnTime", equalTo(1))
                .body("rows.find { it.agencyId == '" + w.b() + "' }.internalAuditHeld", equalTo(true))
                .body("rows.find { it.agencyId == '" + w.b() + "' }.legalUpdatesOverdue", equalTo(1));
        String ministry = new String(given().auth().oauth2(admin(w.p())).queryParam("year", w.year()).queryParam("format", "csv")
                .get("/api/v1/reports/ministry-report").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(ministry.startsWith("\uFEFFMã cơ quan,Tên cơ quan,Đã công bố HTQLCL"), ministry);
        assertTrue(ministry.contains("Sở Tư pháp tỉnh Quảng Ngãi,Có,45/QĐ-STP,2025-05-20,ISO_9001_2015,Không,Có,1,0,0"), ministry);
    }

    @Test
    void theReportsAreTheProvincesCommitteesAndTheNationalLevelsNamingTheProvince() {
        Year w = quangNgai();
        given().auth().oauth2(officer(w.a(), w.p())).queryParam("year", w.year()).get("/api/v1/reports/province-summary")
                .then().statusCode(403);
        given().auth().oauth2(nationalAdmin()).queryParam("year", w.year()).queryParam("provinceCode", w.p())
                .get("/api/v1/reports/ministry-report")
                .then().statusCode(200).body("announced", equalTo(1)).body("provinceCode", equalTo(w.p()));
        given().auth().oauth2(nationalAdmin()).queryParam("year", w.year()).get("/api/v1/reports/province-summary").then().spec(problem(400));
        given().auth().oauth2(admin("46")).queryParam("year", w.year()).queryParam("provinceCode", w.p())
                .get("/api/v1/reports/province-summary").then().spec(problem(403));
        given().queryParam("year", w.year()).get("/api/v1/reports/ministry-report").then().statusCode(401);
    }

    @Test
    void aReportNeedsAYearTheSystemCoversAndAFormatItWrites() {
        String admin = admin(quangNgai().p());
        given().auth().oauth2(admin).queryParam("year", 1990).get("/api/v1/reports/ministry-report").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/reports/ministry-report").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("year", quangNgai().year()).queryParam("format", "pdf").get("/api/v1/reports/ministry-report")
                .then().statusCode(400);
    }

    /** A legal change's review events come in thousands: stored a run at a time, a repeated one once, a malformed one set aside. */
    @Test
    void aLegalChangesReviewEventsAreStoredTogether() {
        // a province of its own: Quảng Ngãi's (47) summary counts the world's agencies only
        String p = "44";
        String agency = Fixtures.agency(p, "UBND xã Tịnh Phong", "COMMUNE");
        List<String> tasks = IntStream.range(0, 150).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<Map.Entry<String, String>> events = new ArrayList<>();
        for (String task : tasks) {
            events.add(Map.entry(agency, review(task, agency)));
        }
        events.add(Map.entry(agency, review(tasks.get(7), agency)));   // the same task again
        events.add(75, Map.entry(agency, review("khong-phai-uuid", agency)));
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.required.v1", events);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from procedure_review where agency_id = '"
                + agency + "' and status = 'OPEN'") == 150);
        assertEquals(150, Fixtures.count("select count(distinct task_id) from procedure_review where agency_id = '" + agency + "'"));
    }

    private static String review(String task, String agency) {
        return """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","causeType":"LEGAL_DOCUMENT","causeId":"%s","causeKind":"REPLACED",
                 "effectiveDate":"2030-07-01","dueDate":"2030-10-01"}""".formatted(task, agency, UUID.randomUUID(), UUID.randomUUID());
    }

    static final String SUBMISSIONS = "/api/v1/reports/ministry-report/submissions";

    static String submission(int year, String note) {
        return note == null ? "{\"year\":" + year + "}" : "{\"year\":" + year + ",\"note\":\"" + note + "\"}";
    }

    /** The December report is stored as submitted; a correction is a new submission, the earlier kept. */
    /**
     * Tuyên Quang's December report of this year, made once for this class: submitted with a note, then (its finance
     * department having held its management review) submitted again as a correction. Both answers are kept.
     */
    record December(String province, int year, String agency, String first, String second, Response firstSubmitted,
                    Response secondSubmitted) {
    }

    private static December tuyenQuang;

    static synchronized December tuyenQuang() {
        if (tuyenQuang != null) {
            return tuyenQuang;
        }
        String p = "61";
        int year = LocalDate.now(VIETNAM).getYear();
        String agency = Fixtures.agency(p, "Sở Tài chính tỉnh Tuyên Quang");
        String admin = admin(p);
        Response firstSubmitted = given().auth().oauth2(admin).contentType(ContentType.JSON).body(submission(year, "Báo cáo năm " + year))
                .post(SUBMISSIONS);
        String first = firstSubmitted.then().statusCode(201).extract().path("id");
        given().auth().oauth2(head(agency, p)).contentType(ContentType.JSON).body(ManagementReviewTests.review(agency, LocalDate.now(VIETNAM).toString()))
                .post("/api/v1/management-reviews").then().statusCode(201);
        Response secondSubmitted = given().auth().oauth2(admin).contentType(ContentType.JSON).body(submission(year, null)).post(SUBMISSIONS);
        String second = secondSubmitted.then().statusCode(201).extract().path("id");
        tuyenQuang = new December(p, year, agency, first, second, firstSubmitted, secondSubmitted);
        return tuyenQuang;
    }

    @Test
    void aProvinceSubmitsItsReportNumberedWithARowPerAgency() {
        December w = tuyenQuang();
        w.firstSubmitted().then().statusCode(201).header("Location", containsString(SUBMISSIONS + "/"))
                .body("number", equalTo(1)).body("provinceCode", equalTo(w.province())).body("submittedBy", equalTo("admin-" + w.province()))
                .body("report.agencies", equalTo(1)).body("report.rows[0].agencyId", equalTo(w.agency()))
                .body("report.rows[0].managementReviewHeld", equalTo(false));
    }

    @Test
    void aCorrectionIsTheNextSubmissionWithTheFiguresOfItsDayAndAnEvent() {
        December w = tuyenQuang();
        w.secondSubmitted().then().statusCode(201).body("number", equalTo(2)).body("note", nullValue())
                .body("report.managementReviewsHeld", equalTo(1));
        assertTrue(Fixtures.published("audit", w.province(), "ministry-report.submitted", "\"number\":2"));
    }

    @Test
    void eachSubmissionKeepsWhatItSaidWhenAndByWhom() {
        December w = tuyenQuang();
        given().auth().oauth2(admin(w.province())).get(SUBMISSIONS + "/{id}", w.first()).then().statusCode(200).body("number", equalTo(1))
                .body("note", equalTo("Báo cáo năm " + w.year())).body("report.managementReviewsHeld", equalTo(0))
                .body("report.rows[0].agencyName", equalTo("Sở Tài chính tỉnh Tuyên Quang")).body("submittedAt", notNullValue());
        given().auth().oauth2(nationalAdmin()).get(SUBMISSIONS + "/{id}", w.second()).then().statusCode(200)
                .body("report.managementReviewsHeld", equalTo(1));
        given().auth().oauth2(admin(w.province())).queryParam("resourceType", "ministry-report-submission").queryParam("resourceId", w.first())
                .get("/api/v1/audit-trail").then().statusCode(200).body("items[0].action", equalTo("submitted"));
    }

    @Test
    void theSubmissionsAreListedNewestFirstToTheProvinceAndTheNationalLevel() {
        December w = tuyenQuang();
        given().auth().oauth2(admin(w.province())).queryParam("year", w.year()).get(SUBMISSIONS).then().statusCode(200).body("total", equalTo(2))
                .body("items.number", equalTo(List.of(2, 1))).body("items[0].agencies", equalTo(1));
        given().auth().oauth2(nationalAdmin()).queryParam("provinceCode", w.province()).queryParam("size", 1).get(SUBMISSIONS).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(w.second())));
        given().auth().oauth2(nationalAdmin()).queryParam("year", w.year()).get(SUBMISSIONS).then().statusCode(200)
                .body("items.id", hasItems(w.first(), w.second()));
    }

    @Test
    void anotherProvincesCommitteeSeesNoneOfIt() {
        December w = tuyenQuang();
        given().auth().oauth2(admin("60")).get(SUBMISSIONS + "/{id}", w.first()).then().spec(problem(403));
        given().auth().oauth2(admin("60")).queryParam("provinceCode", w.province()).get(SUBMISSIONS).then().spec(problem(403));
        given().auth().oauth2(admin("60")).get(SUBMISSIONS).then().statusCode(200).body("items.provinceCode", not(hasItem(w.province())));
        given().auth().oauth2(admin("60")).queryParam("resourceType", "ministry-report-submission").queryParam("resourceId", w.first())
                .get("/api/v1/audit-trail").then().spec(problem(403));
    }

    @Test
    void onlyAProvincesCommitteeSubmitsAndOnlyForAYearBegun() {
        December w = tuyenQuang();
        String admin = admin(w.province());
        given().auth().oauth2(nationalAdmin()).contentType(ContentType.JSON).body(submission(w.year(), null)).post(SUBMISSIONS).then()
                .spec(problem(403));
        given().auth().oauth2(officer(w.agency(), w.province())).contentType(ContentType.JSON).body(submission(w.year(), null)).post(SUBMISSIONS)
                .then().spec(problem(403));
        given().auth().oauth2(officer(w.agency(), w.province())).get(SUBMISSIONS).then().spec(problem(403));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(submission(1999, null)).post(SUBMISSIONS).then().spec(problem(400))
                .body("errors[0].field", containsString("year"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(submission(w.year() + 1, null)).post(SUBMISSIONS).then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post(SUBMISSIONS).then().spec(problem(400));
        assertEquals(2, Fixtures.count("select count(*) from report_submission where report_kind = 'MINISTRY_REPORT' and province_code = '"
                + w.province() + "'"));
    }

    @Test
    void anUnknownSubmissionOrAMalformedFilterIsRefused() {
        tuyenQuang();
        given().auth().oauth2(admin("61")).get(SUBMISSIONS + "/{id}", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(nationalAdmin()).queryParam("provinceCode", "6").get(SUBMISSIONS).then().spec(problem(400));
        given().auth().oauth2(admin("61")).queryParam("year", "năm nay").get(SUBMISSIONS).then().spec(problem(400));
    }

    /** The national level sees which provinces have not submitted by the deadline (the last day of the year in tests). */
    @Test
    void theNationalLevelSeesWhichProvincesHaveNotReportedByTheDeadline() {
        int year = LocalDate.now(VIETNAM).getYear();
        Fixtures.agency("62", "Sở Y tế tỉnh Lào Cai");
        String former = Fixtures.agency("63", "Sở Y tế tỉnh Yên Bái");
        Fixtures.agency("64", "Sở Y tế tỉnh Thái Nguyên");
        Fixtures.agency("65", "Sở Y tế tỉnh Phú Thọ");
        // province 63 merged into 62 on 1 July 2025: 62 reports for both, 63 owes nothing and writes nothing
        TestKafka.publishCloudEvent("document.events", "62", "vn.govqms.document.province.merged.v1", "provinces/62", """
                {"code":"62","name":"Lào Cai","effectiveDate":"2025-07-01","mergedCodes":["63"]}""");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().auth().oauth2(admin("62")).queryParam("year", year)
                .queryParam("provinceCode", "63").get("/api/v1/reports/ministry-report").then().statusCode(200));
        given().auth().oauth2(admin("63")).contentType(ContentType.JSON).body(submission(year, null)).post(SUBMISSIONS).then()
                .spec(problem(403)).body("detail", containsString("merged into province 62"));
        given().auth().oauth2(admin("62")).contentType(ContentType.JSON).body(submission(year, null)).post(SUBMISSIONS).then()
                .statusCode(201).body("report.rows.agencyId", hasItem(former));
        // 65 reports last year's now: late
        given().auth().oauth2(admin("65")).contentType(ContentType.JSON).body(submission(year - 1, null)).post(SUBMISSIONS).then()
                .statusCode(201);

        given().auth().oauth2(nationalAdmin()).queryParam("year", year).get("/api/v1/reports/ministry-report/missing").then()
                .statusCode(200).body("deadline", equalTo(year + "-12-31"))
                .body("missing.provinceCode", hasItems("64", "65")).body("missing.provinceCode", not(hasItem("62")))
                .body("missing.provinceCode", not(hasItem("63"))).body("missing.provinceCode", not(hasItem("00")))
                .body("missing.find { it.provinceCode == '64' }.agencies", equalTo(1))
                .body("missing.find { it.provinceCode == '65' }.submittedLateAt", nullValue());
        given().auth().oauth2(nationalAdmin()).queryParam("year", year - 1).get("/api/v1/reports/ministry-report/missing").then()
                .statusCode(200).body("missing.find { it.provinceCode == '65' }.submittedLateAt", notNullValue())
                .body("missing.provinceCode", hasItem("62"));
        given().auth().oauth2(admin("62")).queryParam("year", year).get("/api/v1/reports/ministry-report/missing").then().spec(problem(403));
        given().auth().oauth2(nationalAdmin()).get("/api/v1/reports/ministry-report/missing").then().spec(problem(400));
        given().auth().oauth2(nationalAdmin()).queryParam("year", 3000).get("/api/v1/reports/ministry-report/missing").then().statusCode(400);
    }
}
