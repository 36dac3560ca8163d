package vn.govqms.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.SyncFeeds.Answer;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.local.testing.SyncFeeds.drain;
import static vn.govqms.local.testing.SyncFeeds.item;
import static vn.govqms.local.testing.SyncFeeds.sync;

/** The sync feeds of audit-service (corrective actions, audit checklists) and the offline batch of checklist answers. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class SyncFeedTests {

    @Test
    void correctiveActionsChangedThenMovedBySplit() {
        String district = Fixtures.agency("30", "UBND huyện Mường Ảng", "DISTRICT");
        String primary = Fixtures.agency("30", "UBND xã Mường Ảng", "COMMUNE");
        String other = Fixtures.agency("30", "UBND xã Ẳng Nưa", "COMMUNE");
        String path = "/api/v1/corrective-actions/changes";
        String audit = AuditTests.internalAudit(district, "30", "[\"8.5.1\"]", "[]");
        given().auth().oauth2(auditor(district, "30")).post("/api/v1/audits/{id}/start", audit).then().statusCode(200);
        String finding = CorrectiveActionTests.finding(audit, district, "30", "MAJOR_NONCONFORMITY");
        Answer start = drain(officer(district, "30"), path, null);

        String action = CorrectiveActionTests.action(district, "30", finding, "iso-officer-" + district, "2026-12-31");
        Answer created = sync(officer(district, "30"), path, start.next());
        assertEquals(List.of(action), created.ids());
        assertEquals("OPEN", item(created.changes().get(0)).get("status"));
        given().auth().oauth2(officer(district, "30")).post("/api/v1/corrective-actions/{id}/start", action).then().statusCode(200);
        Answer started = sync(officer(district, "30"), path, created.next());
        assertEquals(List.of(action), started.ids());
        assertEquals("IN_PROGRESS", item(started.changes().get(0)).get("status"));
        assertTrue(sync(officer(district, "30"), path, started.next()).changes().isEmpty(), "nothing changed since");
        assertFalse(drain(officer(other, "30"), path, null).ids().contains(action), "another agency's officer sees nothing of it");

        // a split moves the open action to the primary successor: a tombstone for the district's app, an action for the commune's
        Fixtures.end(district, ReorganisationTests.EFFECTIVE.minusDays(1));
        String event = TestKafka.publishCloudEvent("document.events", district, "vn.govqms.document.agency.split.v1", "agencies/" + district, """
                {"predecessorId":"%s","effectiveDate":"%s","successors":[{"successorId":"%s","primary":false,"movedDocuments":0},
                 {"successorId":"%s","primary":true,"movedDocuments":0}]}""".formatted(district, ReorganisationTests.EFFECTIVE, other, primary));
        ReorganisationTests.awaitApplied(event);
        Answer moved = sync(officer(district, "30"), path, started.next());
        assertEquals(List.of(action), moved.ids());
        assertEquals(Boolean.TRUE, moved.changes().get(0).get("deleted"));
        assertFalse(moved.changes().get(0).containsKey("item"));
        assertTrue(sync(officer(district, "30"), path, moved.next()).changes().isEmpty());
        assertTrue(drain(officer(primary, "30"), path, null).ids().contains(action));
        assertFalse(drain(officer(other, "30"), path, null).ids().contains(action), "nor does the other successor learn of it");
    }

    @Test
    void anAuditorsChecklistsSyncAndOfflineAnswersComeBackPerItem() {
        String agency = Fixtures.agency("24", "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh");
        String inspector = Fixtures.agency("24", "Chi cục Tiêu chuẩn Đo lường Chất lượng tỉnh Bắc Ninh");
        String inspection = AuditTests.inspection(agency, inspector, "24", "ON_SITE");
        String auditor = auditor(inspector, "24");
        String path = "/api/v1/audits/changes";
        Answer start = drain(auditor, path, null);
        assertTrue(start.ids().contains(inspection));
        Map<String, Object> downloaded = item(start.changes().get(start.ids().indexOf(inspection)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checklist = (List<Map<String, Object>>) downloaded.get("checklist");
        assertEquals(0, checklist.get(0).get("version"));

        // offline, two answers on the phone; meanwhile item 2 is answered on the web
        given().auth().oauth2(auditor).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/{no}/answer", inspection, 2).then().statusCode(200);
        JsonPath outcome = given().auth().oauth2(auditor).contentType(ContentType.JSON).body("""
                {"answers":[{"no":1,"ifMatch":"\\"0\\"","answer":"CONFORMING","evidence":"Quyết định công bố số 125/QĐ-SKHCN"},
                            {"no":2,"ifMatch":"0","answer":"NONCONFORMING","evidence":"2/10 hồ sơ thiếu phiếu kiểm soát"},
                            {"no":99,"ifMatch":"0","answer":"CONFORMING"}]}""")
                .post("/api/v1/audits/{id}/checklist/answers", inspection).then().statusCode(207).extract().jsonPath();
        assertEquals(List.of(200, 412, 404), outcome.getList("results.status"));
        assertEquals(1, outcome.getInt("results[0].version"));
        assertEquals(1, outcome.getInt("results[1].version"), "the item's current version");
        assertEquals("CONFORMING", outcome.getString("results[1].item.answer"), "the item as the web left it");
        // the audit's version after the batch is its ETag
        String etag = given().auth().oauth2(auditor).get("/api/v1/audits/{id}", inspection).then().statusCode(200).extract().header("ETag");
        assertEquals("\"" + outcome.getLong("auditVersion") + "\"", etag);

        Answer changed = sync(auditor, path, start.next());
        assertEquals(List.of(inspection), changed.ids());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> now = (List<Map<String, Object>>) item(changed.changes().get(0)).get("checklist");
        assertEquals("CONFORMING", now.get(0).get("answer"));
        assertEquals("Quyết định công bố số 125/QĐ-SKHCN", now.get(0).get("evidence"));
        assertEquals("CONFORMING", now.get(1).get("answer"), "the stale answer was not applied");
        assertTrue(sync(auditor, path, changed.next()).changes().isEmpty());

        // refusals: the audited agency's officer is not on the team; another province's auditor learns nothing
        given().auth().oauth2(officer(agency, "24")).contentType(ContentType.JSON)
                .body("{\"answers\":[{\"no\":3,\"ifMatch\":\"0\",\"answer\":\"CONFORMING\"}]}")
                .post("/api/v1/audits/{id}/checklist/answers", inspection).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(auditor).contentType(ContentType.JSON).body("{\"answers\":[{\"no\":3,\"answer\":\"CONFORMING\"}]}")
                .post("/api/v1/audits/{id}/checklist/answers", inspection).then().statusCode(400).contentType("application/problem+json");
        assertFalse(drain(auditor(Fixtures.agency("37", "Chi cục TĐC tỉnh Ninh Bình"), "37"), path, null).ids().contains(inspection));
    }

    @Test
    void anAuditLeavesTheFeedOfAnAuditorTakenOffItsTeam() {
        String agency = Fixtures.agency("24", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh");
        String audit = AuditTests.internalAudit(agency, "24", "[\"9.2\"]", "[]");
        String auditor = auditor(agency, "24");
        Answer start = drain(auditor, "/api/v1/audits/changes", null);
        assertTrue(start.ids().contains(audit));
        String etag = given().auth().oauth2(officer(agency, "24")).get("/api/v1/audits/{id}", audit).then().extract().header("ETag");
        given().auth().oauth2(officer(agency, "24")).contentType(ContentType.JSON).header("If-Match", etag).body("""
                {"team":[{"subject":"chuyen-vien-%s","fullName":"Lê Thị Hoa","agencyId":"%s","unit":"Phòng Kế hoạch","role":"LEAD"}]}"""
                .formatted(agency, agency)).put("/api/v1/audits/{id}/team", audit).then().statusCode(200);
        Answer left = sync(auditor, "/api/v1/audits/changes", start.next());
        assertEquals(List.of(audit), left.ids());
        assertEquals(Boolean.TRUE, left.changes().get(0).get("deleted"));
        assertTrue(drain(TestTokens.person("chuyen-vien-" + agency, "auditor", agency, "24"), "/api/v1/audits/changes", null).ids().contains(audit),
                "the new member's app gets it");
    }
}
