package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notifications feed of an officer's app: new ones, read marks, deletions as tombstones, nothing twice. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class SyncFeedTests {

    record Answer(List<Map<String, Object>> changes, String next, boolean more) {
        List<Object> ids() {
            return changes.stream().map(c -> c.get("id")).toList();
        }
    }

    static Answer sync(String token, String since) {
        var request = given().auth().oauth2(token);
        if (since != null) {
            request = request.queryParam("since", since);
        }
        JsonPath body = request.get("/api/v1/notifications/changes").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        return new Answer(body.getList("changes"), body.getString("next"), body.getBoolean("more"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> change) {
        return (Map<String, Object>) change.get("item");
    }

    @Test
    void newReadAndDeletedNotificationsComeOnceInOrder() {
        String agency = Fixtures.agency("24", "Sở Lao động, Thương binh và Xã hội tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin("24");
        String officer = Fixtures.unique("officer");
        String stranger = Fixtures.unique("stranger");
        String contact = Contacts.contact(admin, agency, officer, "Phạm Thị Lan", null, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, Fixtures.agency("24", "Sở Nội vụ tỉnh Bắc Giang"), stranger, "Lê Văn Tâm", null, "vi", false, "ISO_OFFICER");
        String token = TestTokens.person(officer, "iso-officer", agency, "24");
        Answer start = sync(token, null);
        assertTrue(start.changes().isEmpty());

        String first = Fixtures.publish("document", "procedure-review.required", agency,
                InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-LĐ-01"));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + first + "'", 1);
        String second = Fixtures.publish("document", "procedure-review.required", agency,
                InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-LĐ-02"));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + second + "'", 1);
        Answer created = sync(token, start.next());
        assertEquals(2, created.changes().size(), created.toString());
        assertEquals("procedure-review.required", item(created.changes().get(0)).get("kind"));
        assertEquals(first, item(created.changes().get(0)).get("eventId"), "oldest first");
        Object firstId = created.changes().get(0).get("id");

        given().auth().oauth2(token).post("/api/v1/notifications/{id}/read", firstId).then().statusCode(200);
        Answer read = sync(token, created.next());
        assertEquals(List.of(firstId), read.ids());
        assertEquals(Boolean.TRUE, item(read.changes().get(0)).get("read"));
        assertTrue(sync(token, read.next()).changes().isEmpty(), "nothing changed since");
        assertTrue(sync(TestTokens.person(stranger, "iso-officer", agency, "24"), null).changes().isEmpty(),
                "another officer sees nothing of them");

        // the contact is removed: its notifications go, and the app learns it as tombstones
        given().auth().oauth2(admin).delete("/api/v1/contacts/{id}", contact).then().statusCode(204);
        Answer deleted = sync(token, read.next());
        assertEquals(created.ids().stream().map(String::valueOf).sorted().toList(),
                deleted.ids().stream().map(String::valueOf).sorted().toList());
        assertTrue(deleted.changes().stream().allMatch(c -> Boolean.TRUE.equals(c.get("deleted")) && !c.containsKey("item")));
        assertTrue(sync(token, deleted.next()).changes().isEmpty());
        assertTrue(sync(TestTokens.person(stranger, "iso-officer", agency, "24"), deleted.next()).changes().isEmpty(),
                "nor its tombstones");
    }
}
