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

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.head;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.TestTokens.agencyRole;
import static vn.govqms.local.testing.Problems.problem;

/**
 * The corrective-action report an on-site inspection asks for: a record of its own, due 2 months after the inspection's
 * minutes, submitted by the agency, accepted or returned by the team, escalated when overdue, counted in the November
 * summary.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class CorrectiveReportTests {

    /** An inspection of {@code agency} by {@code inspector}'s auditor, planned from {@code start}, in progress. */
    static String inspection(String agency, String inspector, String province, String mode, String start) {
        String id = given().auth().oauth2(admin(province)).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"%s","title":"Kiểm tra việc áp dụng HTQLCL","plannedStart":"%s",
                 "plannedEnd":"%s","team":%s}""".formatted(agency, mode, start, LocalDate.parse(start).plusDays(2),
                        AuditTests.team("auditor-" + inspector, inspector, "Phòng Quản lý Tiêu chuẩn Chất lượng")))
                .post("/api/v1/audits").then().statusCode(201).extract().path("id");
        given().auth().oauth2(auditor(inspector, province)).post("/api/v1/audits/{id}/start", id).then().statusCode(200);
        return id;
    }

    /** The lead answers the Article 36 list and reports, the minutes dated {@code minutes}. */
    static void report(String audit, String inspector, String province, String minutes) {
        answerAll(audit, inspector, province);
        given().auth().oauth2(auditor(inspector, province)).contentType(ContentType.JSON)
                .body("{\"conclusion\":\"Cơ bản phù hợp; khắc phục điểm không phù hợp\",\"minutesDate\":\"" + minutes + "\"}")
                .post("/api/v1/audits/{id}/report", audit).then().statusCode(200).body("minutesDate", equalTo(minutes));
    }

    static void answerAll(String audit, String inspector, String province) {
        for (int no = 1; no <= 13; no++) {
            given().auth().oauth2(auditor(inspector, province)).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                    .put("/api/v1/audits/{id}/checklist/{no}/answer", audit, no).then().statusCode(200);
        }
    }

    @Test
    void anOnSiteInspectionOwesAReportDueTwoMonthsAfterItsMinutesNotAfterTheFinding() {
        String p = "52";
        String agency = Fixtures.agency(p, "Sở Tư pháp tỉnh Bình Định");
        String dost = Fixtures.agency(p, "Sở Khoa học và Công nghệ tỉnh Bình Định");
        String audit = inspection(agency, dost, p, "ON_SITE", "2026-10-05");
        String finding = CorrectiveActionTests.finding(audit, dost, p, "MINOR_NONCONFORMITY");
        report(audit, dost, p, "2026-10-07");

        String officer = officer(agency, p);
        given().auth().oauth2(officer).queryParam("auditId", audit).get("/api/v1/corrective-reports").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].agencyId", equalTo(agency)).body("items[0].minutesDate", equalTo("2026-10-07"))
                .body("items[0].dueDate", equalTo("2026-12-07")).body("items[0].status", equalTo("OWED"))
                .body("items[0].statusLabel", equalTo("Chưa nộp báo cáo khắc phục")).body("items[0].allowedActions", hasItems("submit"));
        assertTrue(Fixtures.published("audit", agency, "corrective-report.owed", "\"dueDate\":\"2026-12-07\""));
        // a corrective action opened later runs from the minutes too, not from the day the finding was typed in
        String action = CorrectiveActionTests.action(agency, p, finding, "iso-officer-" + agency, null);
        given().auth().oauth2(officer).get("/api/v1/corrective-actions/{id}", action).then().statusCode(200)
                .body("dueDate", equalTo("2026-12-07"));
        // a minutes date in the future, or before the inspection was planned, is refused
        String other = inspection(Fixtures.agency(p, "Sở Y tế tỉnh Bình Định"), dost, p, "ON_SITE", "2026-10-05");
        answerAll(other, dost, p);
        given().auth().oauth2(auditor(dost, p)).contentType(ContentType.JSON).body("{\"conclusion\":\"Phù hợp\",\"minutesDate\":\"2026-10-01\"}")
                .post("/api/v1/audits/{id}/report", other).then().spec(problem(400));
        given().auth().oauth2(auditor(dost, p)).contentType(ContentType.JSON)
                .body("{\"conclusion\":\"Phù hợp\",\"minutesDate\":\"" + LocalDate.now(VIETNAM).plusDays(1) + "\"}")
                .post("/api/v1/audits/{id}/report", other).then().spec(problem(400));
    }

    @Test
    void anInspectionByRecordsOrWithNothingToRemedyOwesNone() {
        String p = "52";
        String dost = Fixtures.agency(p, "Sở KH&CN (đoàn kiểm tra) tỉnh Bình Định");
        String byRecords = Fixtures.agency(p, "Sở Nội vụ tỉnh Bình Định");
        String clean = Fixtures.agency(p, "Sở Xây dựng tỉnh Bình Định");
        String a = inspection(byRecords, dost, p, "RECORDS", "2026-10-05");
        CorrectiveActionTests.finding(a, dost, p, "MINOR_NONCONFORMITY");
        report(a, dost, p, "2026-10-07");
        String b = inspection(clean, dost, p, "ON_SITE", "2026-10-05");
        CorrectiveActionTests.finding(b, dost, p, "OPPORTUNITY_FOR_IMPROVEMENT");
        report(b, dost, p, "2026-10-07");
        assertEquals(0, Fixtures.count("select count(*) from corrective_report where audit_id in ('" + a + "','" + b + "')"));
    }

    /**
     * Phú Yên's finance department after an on-site inspection by the Department of Science and Technology with a major
     * nonconformity, made once for this class: its corrective report refused to others, submitted, refused acceptance by
     * the agency and auditors off the team, returned with a reason, submitted again and accepted. Each answer is kept.
     */
    record Report(String id, String agency, String dost, String neighbour, String audit, Response byNeighbour, Response byViewer,
                  Response acceptedTooEarly, Response blank, Response submitted, Response acceptedByHead, Response acceptedByItsAuditor,
                  Response acceptedByNeighboursAuditor, Response acceptedByOtherProvince, Response returnedWithoutReason,
                  Response returned, Response resubmitted, Response accepted, Response submittedAfterAcceptance) {
    }

    static final String SUBMISSION = "{\"documentNumber\":\"125/BC-STC\",\"content\":\"Đã bổ sung phiếu kiểm soát quá trình cho 100% hồ sơ\"}";

    private static Report phuYen;

    static synchronized Report phuYen() {
        if (phuYen != null) {
            return phuYen;
        }
        String p = "53";
        String agency = Fixtures.agency(p, "Sở Tài chính tỉnh Phú Yên");
        String dost = Fixtures.agency(p, "Sở Khoa học và Công nghệ tỉnh Phú Yên");
        String neighbour = Fixtures.agency(p, "Sở Công Thương tỉnh Phú Yên");
        String audit = inspection(agency, dost, p, "ON_SITE", "2026-11-02");
        CorrectiveActionTests.finding(audit, dost, p, "MAJOR_NONCONFORMITY");
        report(audit, dost, p, "2026-11-04");
        String id = given().auth().oauth2(admin(p)).queryParam("auditId", audit).get("/api/v1/corrective-reports").then().statusCode(200)
                .extract().path("items[0].id");
        String submit = "/api/v1/corrective-reports/{id}/submission";
        String accept = "/api/v1/corrective-reports/{id}/acceptance";
        Response byNeighbour = given().auth().oauth2(officer(neighbour, p)).contentType(ContentType.JSON).body(SUBMISSION).post(submit, id);
        Response byViewer = given().auth().oauth2(agencyRole("viewer", agency, p)).contentType(ContentType.JSON).body(SUBMISSION).post(submit, id);
        Response acceptedTooEarly = given().auth().oauth2(auditor(dost, p)).post(accept, id);
        Response blank = given().auth().oauth2(officer(agency, p)).contentType(ContentType.JSON).body("{\"content\":\" \"}").post(submit, id);
        Response submitted = given().auth().oauth2(officer(agency, p)).contentType(ContentType.JSON).body(SUBMISSION).post(submit, id);
        Response acceptedByHead = given().auth().oauth2(head(agency, p)).post(accept, id);
        Response acceptedByItsAuditor = given().auth().oauth2(auditor(agency, p)).post(accept, id);
        Response acceptedByNeighboursAuditor = given().auth().oauth2(auditor(neighbour, p)).post(accept, id);
        Response acceptedByOtherProvince = given().auth().oauth2(admin("54")).post(accept, id);
        Response returnedWithoutReason = given().auth().oauth2(auditor(dost, p)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/corrective-reports/{id}/return", id);
        Response returned = given().auth().oauth2(auditor(dost, p)).contentType(ContentType.JSON)
                .body("{\"reason\":\"Chưa có minh chứng việc tập huấn lại cho cán bộ một cửa\"}").post("/api/v1/corrective-reports/{id}/return", id);
        Response resubmitted = given().auth().oauth2(head(agency, p)).contentType(ContentType.JSON)
                .body("{\"content\":\"Bổ sung danh sách cán bộ dự tập huấn ngày 20/11/2026\"}").post(submit, id);
        Response accepted = given().auth().oauth2(auditor(dost, p)).post(accept, id);
        Response submittedAfterAcceptance = given().auth().oauth2(officer(agency, p)).contentType(ContentType.JSON).body(SUBMISSION).post(submit, id);
        phuYen = new Report(id, agency, dost, neighbour, audit, byNeighbour, byViewer, acceptedTooEarly, blank, submitted, acceptedByHead,
                acceptedByItsAuditor, acceptedByNeighboursAuditor, acceptedByOtherProvince, returnedWithoutReason, returned, resubmitted, accepted,
                submittedAfterAcceptance);
        return phuYen;
    }

    @Test
    void theInspectedAgencysOfficerSubmitsItsReportAndNoOneElse() {
        Report w = phuYen();
        w.byNeighbour().then().spec(problem(403));
        w.byViewer().then().spec(problem(403));
        w.blank().then().spec(problem(400));
        w.submitted().then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submissions", equalTo(1)).body("documentNumber", equalTo("125/BC-STC"));
    }

    @Test
    void theTeamDecidesNothingBeforeTheReportIsSubmitted() {
        phuYen().acceptedTooEarly().then().spec(problem(409)).body("allowedActions", hasItems("submit"));
    }

    @Test
    void neitherTheAgencyNorAnAuditorOffTheTeamAcceptsTheReport() {
        Report w = phuYen();
        w.acceptedByHead().then().spec(problem(403));
        w.acceptedByItsAuditor().then().spec(problem(403));
        w.acceptedByNeighboursAuditor().then().spec(problem(403));
        w.acceptedByOtherProvince().then().spec(problem(403));
    }

    @Test
    void theTeamReturnsAReportWithAReasonAndItIsDueAgain() {
        Report w = phuYen();
        w.returnedWithoutReason().then().spec(problem(400));
        w.returned().then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnReason", equalTo("Chưa có minh chứng việc tập huấn lại cho cán bộ một cửa"))
                .body("dueDate", equalTo("2027-01-04"));
        assertTrue(Fixtures.published("audit", w.agency(), "corrective-report.returned", "tập huấn lại"));
    }

    @Test
    void aReturnedReportIsSubmittedAgainByTheHead() {
        phuYen().resubmitted().then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submissions", equalTo(2)).body("documentNumber", nullValue());
    }

    @Test
    void anAcceptedReportIsFinal() {
        Report w = phuYen();
        w.accepted().then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("auditor-" + w.dost())).body("allowedActions.size()", equalTo(0));
        assertTrue(Fixtures.published("audit", w.agency(), "corrective-report.accepted", w.id()));
        w.submittedAfterAcceptance().then().spec(problem(409));
    }

    @Test
    void aReportIsReadByTheAgencysPeopleAndTheTeamOnly() {
        Report w = phuYen();
        given().auth().oauth2(officer(w.neighbour(), "53")).get("/api/v1/corrective-reports/{id}", w.id()).then().spec(problem(403));
        given().auth().oauth2(admin("54")).get("/api/v1/corrective-reports/{id}", w.id()).then().spec(problem(403));
        given().auth().oauth2(auditor(w.dost(), "53")).get("/api/v1/corrective-reports/{id}", w.id()).then().statusCode(200);
        given().auth().oauth2(admin("54")).queryParam("auditId", w.audit()).get("/api/v1/corrective-reports").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aReportStillOwedPastItsDueDateEscalatesOnceAndTheNovemberSummaryCountsIt() {
        String p = "55";
        int year = LocalDate.now(VIETNAM).getYear();
        String late = Fixtures.agency(p, "Sở Giao thông vận tải tỉnh Quảng Nam");
        String onTime = Fixtures.agency(p, "Sở Du lịch tỉnh Quảng Nam");
        String dost = Fixtures.agency(p, "Sở Khoa học và Công nghệ tỉnh Quảng Nam");
        String a = inspection(late, dost, p, "ON_SITE", year + "-01-05");
        CorrectiveActionTests.finding(a, dost, p, "MINOR_NONCONFORMITY");
        report(a, dost, p, year + "-01-09");
        String b = inspection(onTime, dost, p, "ON_SITE", year + "-01-05");
        CorrectiveActionTests.finding(b, dost, p, "OBSERVATION");
        report(b, dost, p, year + "-01-09");
        String reportB = given().auth().oauth2(admin(p)).queryParam("auditId", b).get("/api/v1/corrective-reports").then()
                .extract().path("items[0].id");
        given().auth().oauth2(officer(onTime, p)).contentType(ContentType.JSON).body("{\"content\":\"Đã khắc phục\"}")
                .post("/api/v1/corrective-reports/{id}/submission", reportB).then().statusCode(200);

        // due 9 March, months past: announced once, at the highest step reached (30 days), never again
        assertTrue(Fixtures.published("audit", late, "corrective-report.overdue", "\"escalationStep\":30"));
        String reportA = given().auth().oauth2(admin(p)).queryParam("auditId", a).get("/api/v1/corrective-reports").then()
                .body("items[0].overdue", equalTo(true)).extract().path("items[0].id");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                Fixtures.count("select count(*) from corrective_report_escalation where report_id = '" + reportA + "'") == 1);
        given().auth().oauth2(admin(p)).queryParam("overdue", "true").get("/api/v1/corrective-reports").then().statusCode(200)
                .body("items.id", hasItems(reportA)).body("total", equalTo(1));

        given().auth().oauth2(admin(p)).queryParam("year", year).get("/api/v1/reports/province-summary").then().statusCode(200)
                .body("correctiveReports.owed", equalTo(2)).body("correctiveReports.submitted", equalTo(1))
                .body("correctiveReports.overdue", equalTo(1)).body("correctiveReports.accepted", equalTo(0))
                .body("rows.find { it.agencyId == '" + late + "' }.correctiveReportStatus", equalTo("OWED"))
                .body("rows.find { it.agencyId == '" + late + "' }.correctiveReportDue", equalTo(year + "-03-09"))
                .body("rows.find { it.agencyId == '" + late + "' }.correctiveReportOverdue", equalTo(true))
                .body("rows.find { it.agencyId == '" + onTime + "' }.correctiveReportStatus", equalTo("SUBMITTED"))
                .body("rows.find { it.agencyId == '" + dost + "' }.correctiveReportStatus", nullValue());
    }
}
