package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.audit.finding.FindingEvents;
import vn.govqms.audit.plan.PlanEvents;
import vn.govqms.audit.report.ReportDeadlines;
import vn.govqms.local.testing.EventSchemas;
import vn.govqms.local.testing.RealPartsTestResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.head;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;

/**
 * The published event schemas (served at /events/) match what this service really sends: every
 * event type is produced here, read back from the broker and validated, headers included.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class EventSchemaTests {

    @Inject
    ReportDeadlines deadlines;

    static final ObjectMapper JSON = new ObjectMapper();

    /** The plan's management-review item, which the review recorded below completes set-based (PlanLinks). */
    private String reviewedItem;

    @Test
    void everyEventSentMatchesItsPublishedSchema() throws Exception {
        EventSchemas.assertEverySentEventMatches("audit.events", "audit-service", 22, this::produceEveryType);
        // the set-based producers' rows, every one written so far (the broker check stops at one of each type)
        for (String type : List.of(PlanEvents.OVERDUE, PlanEvents.DONE, FindingEvents.OVERDUE)) {
            assertOutboxRowsMatch(type);
        }
        assertEquals(1, Fixtures.count("select count(*) from outbox where type = '" + PlanEvents.DONE + "' and subject = '"
                + reviewedItem + "'"));
    }

    /** Every outbox payload of {@code type} (at least one) validates against its published schema. */
    static void assertOutboxRowsMatch(String type) throws Exception {
        JsonSchema schema = EventSchemas.published().get(type);
        JsonNode payloads = JSON.readTree(Fixtures.value(
                "select coalesce(json_agg(payload::json), '[]')::text from outbox where type = '" + type + "'"));
        assertTrue(payloads.size() > 0, "no " + type + " written");
        for (JsonNode p : payloads) {
            assertTrue(schema.validate(p).isEmpty(), type + " " + p + " breaks its schema: " + schema.validate(p));
        }
    }

    /** One of each: a plan approved, done and overdue; an audit with findings and actions; a campaign; a review; a report submitted. */
    private void produceEveryType() {
        String p = "45";
        String agency = Fixtures.agency(p, "Sở Khoa học và Công nghệ tỉnh Quảng Trị");
        String plan = ActivityPlanTests.plan(agency, p, 2025);
        given().auth().oauth2(head(agency, p)).post("/api/v1/activity-plans/{id}/approval", plan).then().statusCode(200);
        String item = given().auth().oauth2(officer(agency, p)).get("/api/v1/activity-plans/{id}", plan).then().extract().path("items[0].id");
        given().auth().oauth2(officer(agency, p)).contentType(ContentType.JSON)
                .body("{\"doneDate\":\"2025-02-10\",\"evidence\":\"Quyết định ban hành mục tiêu chất lượng\"}")
                .post("/api/v1/activity-plans/{id}/items/{item}/completion", plan, item).then().statusCode(200);

        String audit = AuditTests.internalAudit(agency, p, "[\"9.2\"]", "[]");
        String lead = auditor(agency, p);
        given().auth().oauth2(lead).post("/api/v1/audits/{id}/start", audit).then().statusCode(200);
        String finding = CorrectiveActionTests.finding(audit, agency, p, "MINOR_NONCONFORMITY");
        String owner = "iso-officer-" + agency;
        String done = CorrectiveActionTests.action(agency, p, finding, owner, "2027-06-30");
        CorrectiveActionTests.action(agency, p, CorrectiveActionTests.finding(audit, agency, p, "MAJOR_NONCONFORMITY"), owner,
                LocalDate.now(VIETNAM).minusDays(2).toString());
        String officer = officer(agency, p);
        given().auth().oauth2(officer).post("/api/v1/corrective-actions/{id}/start", done).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"note\":\"Đã tập huấn lại\"}")
                .post("/api/v1/corrective-actions/{id}/implementation", done).then().statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"effective\":true,\"note\":\"Đầy đủ phiếu kiểm soát\"}")
                .post("/api/v1/corrective-actions/{id}/verification", done).then().statusCode(200);
        given().auth().oauth2(officer).post("/api/v1/corrective-actions/{id}/closure", done).then().statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"answer\":\"NONCONFORMING\",\"evidence\":\"Chưa lập chương trình\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", audit).then().statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"conclusion\":\"Còn điểm không phù hợp nặng\"}")
                .post("/api/v1/audits/{id}/report", audit).then().statusCode(200);
        given().auth().oauth2(head(agency, p)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/audits/{id}/confirmation", audit).then().statusCode(200);

        // led by the department's deputy director and inspecting the department: its inspection is planned without a lead
        String campaign = given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("""
                {"provinceCode":"45","year":2026,"title":"Kế hoạch kiểm tra HTQLCL năm 2026","periodStart":"2026-11-08",
                 "periodEnd":"2026-12-03","team":[{"subject":"auditor-%s","fullName":"Hồ Văn Minh","agencyId":"%s","role":"LEAD"}],
                 "agencies":[{"agencyId":"%s","mode":"ON_SITE"}]}""".formatted(agency, agency, agency))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("{\"decisionNumber\":\"2050/QĐ-UBND\",\"decisionDate\":\"2026-10-05\"}")
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign).then().statusCode(200);

        // an on-site inspection with a nonconformity, reported in January: its corrective-action report is owed, overdue by
        // now; another's is submitted, returned, submitted again and accepted
        // (in a province of their own: province 45's campaign below lists every agency of 45)
        String q = "56";
        String inspector = Fixtures.agency(q, "Sở Khoa học và Công nghệ tỉnh Kon Tum");
        String behind = Fixtures.agency(q, "Sở Tư pháp tỉnh Kon Tum");
        String late = CorrectiveReportTests.inspection(behind, inspector, q, "ON_SITE", LocalDate.now(VIETNAM).getYear() + "-01-05");
        CorrectiveActionTests.finding(late, inspector, q, "MINOR_NONCONFORMITY");
        CorrectiveReportTests.report(late, inspector, q, LocalDate.now(VIETNAM).getYear() + "-01-09");
        String inspected = Fixtures.agency(q, "Sở Y tế tỉnh Kon Tum");
        String recent = CorrectiveReportTests.inspection(inspected, inspector, q, "ON_SITE", LocalDate.now(VIETNAM).minusDays(3).toString());
        CorrectiveActionTests.finding(recent, inspector, q, "OBSERVATION");
        CorrectiveReportTests.report(recent, inspector, q, LocalDate.now(VIETNAM).toString());
        String report = given().auth().oauth2(admin(q)).queryParam("auditId", recent).get("/api/v1/corrective-reports").then()
                .statusCode(200).extract().path("items[0].id");
        String content = "{\"documentNumber\":\"12/BC-SYT\",\"content\":\"Đã tập huấn ISO cho cán bộ mới\"}";
        given().auth().oauth2(officer(inspected, q)).contentType(ContentType.JSON).body(content)
                .post("/api/v1/corrective-reports/{id}/submission", report).then().statusCode(200);
        given().auth().oauth2(auditor(inspector, q)).contentType(ContentType.JSON).body("{\"reason\":\"Thiếu danh sách dự tập huấn\"}")
                .post("/api/v1/corrective-reports/{id}/return", report).then().statusCode(200);
        given().auth().oauth2(officer(inspected, q)).contentType(ContentType.JSON).body(content)
                .post("/api/v1/corrective-reports/{id}/submission", report).then().statusCode(200);
        given().auth().oauth2(auditor(inspector, q)).post("/api/v1/corrective-reports/{id}/acceptance", report).then().statusCode(200);

        // held in the plan's year: it completes the plan's management review (activity.done, set-based)
        reviewedItem = "activity-plans/" + plan + "/items/" + given().auth().oauth2(officer(agency, p))
                .get("/api/v1/activity-plans/{id}", plan).then().extract().path("items.find { it.kind == 'MANAGEMENT_REVIEW' }.id");
        given().auth().oauth2(head(agency, p)).contentType(ContentType.JSON).body(ManagementReviewTests.review(agency, "2025-12-15"))
                .post("/api/v1/management-reviews").then().statusCode(201);
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON)
                .body("{\"year\":" + LocalDate.now(VIETNAM).getYear() + ",\"note\":\"Báo cáo tình hình áp dụng HTQLCL\"}")
                .post("/api/v1/reports/ministry-report/submissions").then().statusCode(201);
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON)
                .body("{\"year\":" + LocalDate.now(VIETNAM).getYear() + ",\"note\":\"Báo cáo tổng hợp kết quả kiểm tra\"}")
                .post("/api/v1/reports/province-summary/submissions").then().statusCode(201);
        // the deadlines of a past year: a week before the November summary's, then after it
        deadlines.run(OffsetDateTime.of(2019, 11, 23, 8, 0, 0, 0, ZoneOffset.ofHours(7))).await().indefinitely();
        deadlines.run(OffsetDateTime.of(2019, 12, 2, 8, 0, 0, 0, ZoneOffset.ofHours(7))).await().indefinitely();
    }
}
