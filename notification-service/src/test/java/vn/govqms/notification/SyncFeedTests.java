package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.SyncFeeds.Answer;
import vn.govqms.local.testing.TestTokens;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.SyncFeeds.item;
import static vn.govqms.local.testing.SyncFeeds.sync;

/** The notifications feed of an officer's app: new ones, read marks, deletions as tombstones, nothing twice. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class SyncFeedTests {

    static final String FEED = "/api/v1/notifications/changes";

    @Test
    void newReadAndDeletedNotificationsComeOnceInOrder() {
        String agency = Fixtures.agency("24", "Sở Lao động, Thương binh và Xã hội tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin("24");
        String officer = Fixtures.unique("officer");
        String stranger = Fixtures.unique("stranger");
        String contact = Contacts.contact(admin, agency, officer, "Phạm Thị Lan", null, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, Fixtures.agency("24", "Sở Nội vụ tỉnh Bắc Giang"), stranger, "Lê Văn Tâm", null, "vi", false, "ISO_OFFICER");
        String token = TestTokens.person(officer, "iso-officer", agency, "24");
        Answer start = sync(token, FEED, null);
        assertTrue(start.changes().isEmpty());

        String first = Fixtures.publish("document", "procedure-review.required", agency,
                InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-LĐ-01"));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + first + "'", 1);
        String second = Fixtures.publish("document", "procedure-review.required", agency,
                InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-LĐ-02"));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + second + "'", 1);
        Answer created = sync(token, FEED, start.next());
        assertEquals(2, created.changes().size(), created.toString());
        assertEquals("procedure-review.required", item(created.changes().get(0)).get("kind"));
        assertEquals(first, item(created.changes().get(0)).get("eventId"), "oldest first");
        Object firstId = created.changes().get(0).get("id");

        given().auth().oauth2(token).post("/api/v1/notifications/{id}/read", firstId).then().statusCode(200);
        Answer read = sync(token, FEED, created.next());
        assertEquals(List.of(firstId), read.ids());
        assertEquals(Boolean.TRUE, item(read.changes().get(0)).get("read"));
        assertTrue(sync(token, FEED, read.next()).changes().isEmpty(), "nothing changed since");
        assertTrue(sync(TestTokens.person(stranger, "iso-officer", agency, "24"), FEED, null).changes().isEmpty(),
                "another officer sees nothing of them");

        // the contact is removed: its notifications go, and the app learns it as tombstones
        given().auth().oauth2(admin).delete("/api/v1/contacts/{id}", contact).then().statusCode(204);
        Answer deleted = sync(token, FEED, read.next());
        assertEquals(created.ids().stream().map(String::valueOf).sorted().toList(),
                deleted.ids().stream().map(String::valueOf).sorted().toList());
        assertTrue(deleted.changes().stream().allMatch(c -> Boolean.TRUE.equals(c.get("deleted")) && !c.containsKey("item")));
        assertTrue(sync(token, FEED, deleted.next()).changes().isEmpty());
        assertTrue(sync(TestTokens.person(stranger, "iso-officer", agency, "24"), FEED, deleted.next()).changes().isEmpty(),
                "nor its tombstones");
    }
}
