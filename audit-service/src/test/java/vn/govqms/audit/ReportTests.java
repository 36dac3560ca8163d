package vn.govqms.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.audit.Fixtures.PROBLEM;
import static vn.govqms.audit.Fixtures.admin;
import static vn.govqms.audit.Fixtures.auditor;
import static vn.govqms.audit.Fixtures.head;
import static vn.govqms.audit.Fixtures.officer;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.TestTokens.nationalAdmin;

/** The November province summary and the December report to the Ministry, as JSON and as CSV. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ReportTests {

    @Test
    void theYearlyReportsOfAProvince() {
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

        String admin = admin(p);
        given().auth().oauth2(admin).queryParam("year", year).get("/api/v1/reports/province-summary").then().statusCode(200)
                .body("agencies", equalTo(3)).body("inspected", equalTo(1)).body("inspectedOnSite", equalTo(1))
                .body("rows.find { it.agencyId == '" + a + "' }.inspectionMode", equalTo("ON_SITE"))
                .body("rows.find { it.agencyId == '" + a + "' }.minorNonconformities", equalTo(1))
                .body("rows.find { it.agencyId == '" + a + "' }.actionsOpen", equalTo(1))
                .body("rows.find { it.agencyId == '" + a + "' }.actionsOverdue", equalTo(1))
                .body("rows.find { it.agencyId == '" + b + "' }.inspectionMode", equalTo(null));
        byte[] csv = given().auth().oauth2(admin).queryParam("year", year).queryParam("format", "csv")
                .get("/api/v1/reports/province-summary").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("bao-cao-tong-hop-kiem-tra-47")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFMã cơ quan,Tên cơ quan,Hình thức kiểm tra"), text);
        assertTrue(text.contains("Sở Tư pháp tỉnh Quảng Ngãi,Kiểm tra trực tiếp tại cơ quan,Đã báo cáo,0,1,0,0,1,1"), text);

        given().auth().oauth2(admin).queryParam("year", year).get("/api/v1/reports/ministry-report").then().statusCode(200)
                .body("announced", equalTo(1)).body("internalAuditsHeld", equalTo(1)).body("managementReviewsHeld", equalTo(1))
                .body("rows.find { it.agencyId == '" + a + "' }.announcementDecision", equalTo("45/QĐ-STP"))
                .body("rows.find { it.agencyId == '" + a + "' }.legalUpdatesOnTime", equalTo(1))
                .body("rows.find { it.agencyId == '" + b + "' }.internalAuditHeld", equalTo(true))
                .body("rows.find { it.agencyId == '" + b + "' }.legalUpdatesOverdue", equalTo(1));
        String ministry = new String(given().auth().oauth2(admin).queryParam("year", year).queryParam("format", "csv")
                .get("/api/v1/reports/ministry-report").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(ministry.startsWith("\uFEFFMã cơ quan,Tên cơ quan,Đã công bố HTQLCL"), ministry);
        assertTrue(ministry.contains("Sở Tư pháp tỉnh Quảng Ngãi,Có,45/QĐ-STP,2025-05-20,ISO_9001_2015,Không,Có,1,0,0"), ministry);

        given().auth().oauth2(officer(a, p)).queryParam("year", year).get("/api/v1/reports/province-summary").then().statusCode(403);
        // the national level reads any province's reports, naming the province; another province's committee does not
        given().auth().oauth2(nationalAdmin()).queryParam("year", year).queryParam("provinceCode", p).get("/api/v1/reports/ministry-report")
                .then().statusCode(200).body("announced", equalTo(1)).body("provinceCode", equalTo(p));
        given().auth().oauth2(nationalAdmin()).queryParam("year", year).get("/api/v1/reports/province-summary").then().statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(admin("46")).queryParam("year", year).queryParam("provinceCode", p).get("/api/v1/reports/province-summary")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(admin).queryParam("year", 1990).get("/api/v1/reports/ministry-report").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/reports/ministry-report").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("year", year).queryParam("format", "xlsx").get("/api/v1/reports/ministry-report")
                .then().statusCode(400);
        given().queryParam("year", year).get("/api/v1/reports/ministry-report").then().statusCode(401);
    }

    /** A legal change's review events come in thousands: stored a run at a time, a repeated one once, a malformed one set aside. */
    @Test
    void aLegalChangesReviewEventsAreStoredTogether() {
        String p = "47";
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
}
