package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.SyncFeeds.Answer;
import vn.govqms.local.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.SyncFeeds.drain;
import static vn.govqms.local.testing.SyncFeeds.item;
import static vn.govqms.local.testing.SyncFeeds.sync;

/** The officers' sync feeds: what changed since a token, tombstones of what moved out of reach, nothing twice. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class SyncFeedTests {

    @Test
    void documentsChangedThenMovedAwayComeOnceAndThenAsTombstones() {
        String a = ReviewTaskTests.agency("24", "UBND xã Tân Mỹ");
        String b = ReviewTaskTests.agency("24", "UBND xã Song Khê");
        String elsewhere = ReviewTaskTests.agency("24", "UBND xã Đồng Sơn");
        String officerA = TestTokens.agencyRole("iso-officer", a, "24");
        String officerElsewhere = TestTokens.agencyRole("iso-officer", elsewhere, "24");
        String path = "/api/v1/documents/changes";
        Answer start = drain(officerA, path, null);
        assertTrue(start.changes().isEmpty(), "a new agency has no documents: " + start);

        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String first = ReviewTaskTests.procedure(a, "24", "OPERATIONAL_PROCEDURE", law, null, false);
        String second = ReviewTaskTests.procedure(a, "24", "OPERATIONAL_PROCEDURE", law, null, false);
        // submitting the first one's version changes the document after the second was drafted
        given().auth().oauth2(officerA).post("/api/v1/documents/{id}/versions/1/submit", first).then().statusCode(200);

        Answer changed = sync(officerA, path, start.next());
        assertEquals(List.of(second, first), changed.ids(), "oldest change first");
        assertFalse(changed.more());
        assertEquals(Boolean.FALSE, changed.changes().get(0).get("deleted"));
        assertEquals("QT", ((String) item(changed.changes().get(0)).get("code")).substring(0, 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> latest = (Map<String, Object>) item(changed.changes().get(1)).get("latest");
        assertEquals("IN_REVIEW", latest.get("status"));

        Answer again = sync(officerA, path, changed.next());
        assertTrue(again.changes().isEmpty(), "nothing changed since: " + again);
        assertEquals(changed.next(), again.next(), "the token stays where it was");
        // paging by size: one change per answer, the same two in the same order
        Answer one = given().auth().oauth2(officerA).queryParam("since", start.next()).queryParam("size", 1).get(path)
                .then().statusCode(200).extract().as(Answer.class);
        assertEquals(List.of(second), one.ids());
        assertTrue(one.more());
        assertEquals(List.of(first), sync(officerA, path, one.next()).ids());

        // another agency's officer learns nothing of them, now or as tombstones later
        assertFalse(drain(officerElsewhere, path, null).ids().stream().anyMatch(id -> id.equals(first) || id.equals(second)));

        // a merger moves both documents to the successor: tombstones for the old agency's app
        String body = """
                {"sourceAgencyIds":["%s","%s"],"effectiveDate":"2025-07-01",
                 "newSuccessor":{"code":"%s","name":"UBND xã Tân Mỹ mới","level":"COMMUNE","provinceCode":"24"}}"""
                .formatted(a, b, AgencyApiTests.code("24"));
        String successor = given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies/merges").then().statusCode(200).extract().path("successor.id");
        Answer moved = sync(officerA, path, again.next());
        assertEquals(2, moved.changes().size(), moved.toString());
        assertEquals(List.of(first, second).stream().sorted().toList(), moved.ids().stream().map(String.class::cast).sorted().toList());
        for (Map<String, Object> tombstone : moved.changes()) {
            assertEquals(Boolean.TRUE, tombstone.get("deleted"));
            assertNull(tombstone.get("item"));
            assertTrue(tombstone.containsKey("at"));
        }
        assertTrue(sync(officerA, path, moved.next()).changes().isEmpty());
        assertTrue(sync(officerElsewhere, path, moved.next()).changes().stream().noneMatch(c -> c.get("id").equals(first)),
                "another agency's officer does not see the tombstones");

        // the successor's app gets them as documents of its agency; the province sees them moved, not deleted
        String officerSuccessor = TestTokens.agencyRole("iso-officer", successor, "24");
        List<Object> successorIds = drain(officerSuccessor, path, null).ids();
        assertTrue(successorIds.contains(first) && successorIds.contains(second), successorIds.toString());
        Answer province = sync(TestTokens.provinceAdmin("24"), path, again.next());
        assertTrue(province.changes().stream().filter(c -> c.get("id").equals(first)).allMatch(c -> c.get("deleted").equals(false)),
                province.toString());
    }

    @Test
    void reviewTasksFeedFollowsATaskFromCreationToResolution() {
        String agency = ReviewTaskTests.agency("24", "Sở Xây dựng tỉnh Bắc Giang");
        String other = ReviewTaskTests.agency("24", "Sở Y tế tỉnh Bắc Giang");
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String path = "/api/v1/review-tasks/changes";
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        ReviewTaskTests.procedure(agency, "24", "SYSTEM_PROCEDURE", law, null, true);
        Answer start = drain(officer, path, null);

        ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2031-01-01", "[{\"kind\":\"REPLACES\",\"targetId\":\"" + law + "\"}]");
        Answer created = sync(officer, path, start.next());
        assertEquals(1, created.changes().size(), created.toString());
        String task = (String) created.changes().get(0).get("id");
        assertEquals("OPEN", item(created.changes().get(0)).get("status"));

        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"NO_CHANGE\",\"note\":\"Quy trình vẫn phù hợp\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200);
        Answer resolved = sync(officer, path, created.next());
        assertEquals(List.of(task), resolved.ids());
        assertEquals("COMPLETED", item(resolved.changes().get(0)).get("status"));
        assertTrue(sync(officer, path, resolved.next()).changes().isEmpty());

        assertFalse(drain(TestTokens.agencyRole("iso-officer", other, "24"), path, null).ids().contains(task),
                "another agency's officer does not see the task");
    }

    @Test
    void aTokenThatIsNotOursIsA400() {
        String officer = TestTokens.agencyRole("iso-officer", ReviewTaskTests.agency("24", "Sở Tài chính tỉnh Bắc Giang"), "24");
        given().auth().oauth2(officer).queryParam("since", "không-phải-token").get("/api/v1/documents/changes")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(officer).queryParam("size", "501").get("/api/v1/review-tasks/changes")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/documents/changes").then().statusCode(401);
        given().auth().oauth2(TestTokens.integration("24")).get("/api/v1/review-tasks/changes").then().statusCode(403);
    }
}
