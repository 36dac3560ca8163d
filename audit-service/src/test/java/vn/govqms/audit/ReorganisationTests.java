package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.head;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.local.testing.Problems.problem;

/**
 * The 2025 reorganisation: after document-service's agency.merged / agency.split, what an ended agency still owes
 * (open findings and corrective actions, audits not yet reported, plans of the effective year on) is the successor's,
 * whose people work and close it, while the ended agency's people keep reading their history and write nothing.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ReorganisationTests {

    static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);

    static String merged(String successor, String... predecessors) {
        return TestKafka.publishCloudEvent("document.events", successor, "vn.govqms.document.agency.merged.v1", "agencies/" + successor, """
                {"successorId":"%s","predecessorIds":["%s"],"effectiveDate":"%s","movedDocuments":1}"""
                .formatted(successor, String.join("\",\"", predecessors), EFFECTIVE));
    }

    static void awaitApplied(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count("select count(*) from processed_event where event_id = '"
                + eventId + "'") == 1);
    }

    /**
     * The former Bắc Ninh's (27) department merged into the new Bắc Ninh's (24) on 1 July 2025, made once for this class:
     * before the merger it was inspected and reported (a minor nonconformity whose action is still open, an observation
     * closed), an internal audit planned and its plans for 2024 to 2026 made; the successor has its own 2026 plan.
     */
    record Merged(String predecessor, String successor, String inspector, String inspection, String nonconformity,
                  String observation, String action, String refused, String document, String planned, String plan2024,
                  String plan2025, String plan2026, String own2026, int templateItems) {
    }

    private static Merged bacNinh;

    static synchronized Merged bacNinh() {
        if (bacNinh != null) {
            return bacNinh;
        }
        // the former Bắc Ninh's (27) department merges into the new Bắc Ninh's (24) on 1 July 2025
        String predecessor = Fixtures.agency("27", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
        String successor = Fixtures.agency("24", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh (sau hợp nhất)");
        String inspector = Fixtures.agency("27", "Chi cục Tiêu chuẩn Đo lường Chất lượng tỉnh Bắc Ninh");

        // inspected and reported before the merger: a minor nonconformity whose action is still open, an observation closed
        String inspection = AuditTests.inspection(predecessor, inspector, "27", "ON_SITE");
        String nonconformity = CorrectiveActionTests.finding(inspection, inspector, "27", "MINOR_NONCONFORMITY");
        String observation = CorrectiveActionTests.finding(inspection, inspector, "27", "OBSERVATION");
        given().auth().oauth2(officer(predecessor, "27")).contentType(ContentType.JSON).body("{\"note\":\"Đã phổ biến lại\"}")
                .post("/api/v1/findings/{id}/closure", observation).then().statusCode(200);
        String action = CorrectiveActionTests.action(predecessor, "27", nonconformity, "iso-officer-" + predecessor, "2025-09-30");
        // a second action, for the predecessor's officials to be refused on whatever the successor does with the first
        String other = CorrectiveActionTests.finding(inspection, inspector, "27", "MINOR_NONCONFORMITY");
        String refused = CorrectiveActionTests.action(predecessor, "27", other, "iso-officer-" + predecessor, "2025-09-30");
        String document = AuditTests.issueDocument(predecessor, "QT-KHCN-07");
        for (int no = 1; no <= 13; no++) {
            given().auth().oauth2(auditor(inspector, "27")).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                    .put("/api/v1/audits/{id}/checklist/{no}/answer", inspection, no).then().statusCode(200);
        }
        given().auth().oauth2(auditor(inspector, "27")).contentType(ContentType.JSON).body("{\"conclusion\":\"Cơ bản phù hợp\"}")
                .post("/api/v1/audits/{id}/report", inspection).then().statusCode(200);
        // an internal audit planned, and plans: 2024's stays history, 2025's goes whole, 2026's joins the successor's own
        String planned = AuditTests.internalAudit(predecessor, "27", "[\"9.2\"]", "[]");
        String plan2024 = ActivityPlanTests.plan(predecessor, "27", 2024);
        String plan2025 = ActivityPlanTests.plan(predecessor, "27", 2025);
        String plan2026 = ActivityPlanTests.plan(predecessor, "27", 2026);
        String own2026 = ActivityPlanTests.plan(successor, "24", 2026);
        int templateItems = given().auth().oauth2(officer(successor, "24")).get("/api/v1/activity-plans/{id}", own2026).then()
                .extract().path("items.size()");

        Fixtures.end(predecessor, EFFECTIVE.minusDays(1));
        String event = merged(successor, predecessor);
        awaitApplied(event);

        bacNinh = new Merged(predecessor, successor, inspector, inspection, nonconformity, observation, action, refused, document,
                planned, plan2024, plan2025, plan2026, own2026, templateItems);
        return bacNinh;
    }

    @Test
    void theSuccessorsOfficialsListAndReadWhatContinues() {
        Merged w = bacNinh();
        String officer = officer(w.successor(), "24");
        given().auth().oauth2(officer).queryParam("agencyId", w.successor()).get("/api/v1/corrective-actions").then().statusCode(200)
                .body("items.id", hasItem(w.action())).body("items[0].agencyId", equalTo(w.successor()));
        given().auth().oauth2(officer).get("/api/v1/findings/{id}", w.nonconformity()).then().statusCode(200)
                .body("agencyId", equalTo(w.successor()));
        given().auth().oauth2(officer).get("/api/v1/audits").then().statusCode(200).body("items.id", hasItem(w.planned()))
                .body("items.id", not(hasItem(w.inspection())));
        given().auth().oauth2(officer).get("/api/v1/audits/{id}", w.planned()).then().statusCode(200).body("provinceCode", equalTo("24"));
        given().auth().oauth2(officer).queryParam("agencyId", w.successor()).get("/api/v1/activity-plans").then().statusCode(200)
                .body("items.id", hasItems(w.plan2025(), w.own2026())).body("items.id", not(hasItem(w.plan2024())));
        given().auth().oauth2(officer).get("/api/v1/activity-plans/{id}", w.own2026()).then().statusCode(200)
                .body("items.size()", equalTo(2 * w.templateItems()));
        given().auth().oauth2(officer).queryParam("resourceType", "corrective-action").queryParam("resourceId", w.action())
                .get("/api/v1/audit-trail").then().statusCode(200).body("items.action", hasItems("opened", "moved-to-successor"))
                .body("items.find { it.action == 'moved-to-successor' }.changes.agencyId.from", equalTo(w.predecessor()));
        assertEquals(w.successor(), Fixtures.value("select agency_id from known_document where id = '" + w.document() + "'"));
    }

    @Test
    void thePredecessorsOfficialsReadItsHistoryAndWriteNothing() {
        Merged w = bacNinh();
        String former = officer(w.predecessor(), "27");
        given().auth().oauth2(former).post("/api/v1/corrective-actions/{id}/start", w.refused()).then().spec(problem(403));
        given().auth().oauth2(head(w.predecessor(), "27")).contentType(ContentType.JSON)
                .body("{\"newDueDate\":\"2025-12-31\",\"reason\":\"Sáp nhập\"}")
                .post("/api/v1/corrective-actions/{id}/extensions", w.refused()).then().statusCode(403);
        given().auth().oauth2(former).get("/api/v1/audits/{id}", w.inspection()).then().statusCode(200).body("status", equalTo("REPORTED"));
        given().auth().oauth2(former).get("/api/v1/findings/{id}", w.observation()).then().statusCode(200)
                .body("agencyId", equalTo(w.predecessor()));
        given().auth().oauth2(former).get("/api/v1/activity-plans/{id}", w.plan2024()).then().statusCode(200);
        given().auth().oauth2(former).get("/api/v1/activity-plans/{id}", w.plan2026()).then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(former).contentType(ContentType.JSON).body("{\"agencyId\":\"" + w.predecessor() + "\",\"year\":2027}")
                .post("/api/v1/activity-plans").then().spec(problem(403)).body("detail", containsString("ended"));
    }

    @Test
    void theSuccessorWorksAndClosesTheActionTheInspectionsTeamVerifies() {
        Merged w = bacNinh();
        String officer = officer(w.successor(), "24");
        given().auth().oauth2(officer).post("/api/v1/corrective-actions/{id}/start", w.action()).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"note\":\"Đã bổ sung phiếu kiểm soát\"}")
                .post("/api/v1/corrective-actions/{id}/implementation", w.action()).then().statusCode(200);
        given().auth().oauth2(auditor(w.inspector(), "27")).contentType(ContentType.JSON).body("{\"effective\":true,\"note\":\"Đầy đủ\"}")
                .post("/api/v1/corrective-actions/{id}/verification", w.action()).then().statusCode(200);
        given().auth().oauth2(head(w.successor(), "24")).post("/api/v1/corrective-actions/{id}/closure", w.action()).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        assertTrue(Fixtures.published("audit", w.successor(), "corrective-action.closed", w.action()));
        assertTrue(Fixtures.published("audit", w.successor(), "finding.closed", w.nonconformity()));
    }

    @Test
    void theSameMergerAgainMovesNothingTwice() {
        Merged w = bacNinh();
        awaitApplied(merged(w.successor(), w.predecessor()));
        assertEquals(1, Fixtures.count("select count(*) from audit_trail where resource_id = '" + w.action()
                + "' and action = 'moved-to-successor'"));
        assertEquals(2L * w.templateItems(), Fixtures.count("select count(*) from activity_item where plan_id = '" + w.own2026() + "'"));
    }

    @Test
    void aSplitAgencysOpenWorkGoesToItsPrimarySuccessor() {
        String district = Fixtures.agency("30", "UBND huyện Điện Biên", "DISTRICT");
        String primary = Fixtures.agency("30", "UBND xã Thanh Nưa", "COMMUNE");
        String other = Fixtures.agency("30", "UBND xã Thanh An", "COMMUNE");
        String audit = AuditTests.internalAudit(district, "30", "[\"8.5.1\"]", "[]");
        given().auth().oauth2(auditor(district, "30")).post("/api/v1/audits/{id}/start", audit).then().statusCode(200);
        String finding = CorrectiveActionTests.finding(audit, district, "30", "MAJOR_NONCONFORMITY");
        String action = CorrectiveActionTests.action(district, "30", finding, "iso-officer-" + district, "2025-08-31");

        Fixtures.end(district, EFFECTIVE.minusDays(1));
        String event = TestKafka.publishCloudEvent("document.events", district, "vn.govqms.document.agency.split.v1", "agencies/" + district, """
                {"predecessorId":"%s","effectiveDate":"%s","successors":[{"successorId":"%s","primary":false,"movedDocuments":2},
                 {"successorId":"%s","primary":true,"movedDocuments":5}]}""".formatted(district, EFFECTIVE, other, primary));
        awaitApplied(event);

        given().auth().oauth2(officer(primary, "30")).get("/api/v1/corrective-actions/{id}", action).then().statusCode(200)
                .body("agencyId", equalTo(primary));
        given().auth().oauth2(officer(primary, "30")).get("/api/v1/audits/{id}", audit).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(officer(other, "30")).get("/api/v1/corrective-actions/{id}", action).then().statusCode(403);
        given().auth().oauth2(officer(district, "30")).post("/api/v1/corrective-actions/{id}/start", action).then().statusCode(403);
        given().auth().oauth2(officer(primary, "30")).post("/api/v1/corrective-actions/{id}/start", action).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        // the province reads both sides: the district's audit in progress is the commune's now
        given().auth().oauth2(admin("30")).queryParam("agencyId", district).get("/api/v1/audits").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(admin("30")).queryParam("agencyId", primary).get("/api/v1/findings").then().statusCode(200)
                .body("items.id", hasItem(finding));
    }

    @Test
    void aReorganisationEventWithoutItsAgenciesIsSetAside() {
        String id = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", id, "vn.govqms.document.agency.merged.v1", "agencies/" + id,
                "{\"successorId\":\"" + id + "\",\"effectiveDate\":\"2025-07-01\"}");
        assertTrue(!TestKafka.await("document.events.dlq", r -> id.equals(r.key()), Duration.ofSeconds(20)).isEmpty());
    }
}
