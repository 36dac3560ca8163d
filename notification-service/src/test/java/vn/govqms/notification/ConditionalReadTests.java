package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static vn.govqms.local.testing.ConditionalReads.assertConditional;

/** Every read of one resource answers a strong ETag and 304 to an If-None-Match that names it. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ConditionalReadTests {

    @Test
    void readsOfOneResourceAreConditional() {
        String agency = Fixtures.agency("24", "Sở Giao thông Vận tải tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin("24");
        String officer = Fixtures.unique("officer");
        String contact = Contacts.contact(admin, agency, officer, "Vũ Thị Mai", null, "vi", false, "ISO_OFFICER");
        String token = TestTokens.person(officer, "iso-officer", agency, "24");
        String event = Fixtures.publish("document", "procedure-review.required", agency,
                InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-GT-01"));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + event + "'", 1);
        long id = ((Number) given().auth().oauth2(token).get("/api/v1/notifications").then().extract().path("items[0].id")).longValue();

        assertConditional(admin, "/api/v1/contacts/{id}", contact);
        assertConditional(admin, "/api/v1/agencies/{id}", agency);
        String unread = assertConditional(token, "/api/v1/notifications/{id}", id);
        given().auth().oauth2(token).post("/api/v1/notifications/{id}/read", id).then().statusCode(200);
        given().auth().oauth2(token).header("If-None-Match", unread).get("/api/v1/notifications/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.provinceAdmin("37")).header("If-None-Match", unread).get("/api/v1/notifications/{id}", id)
                .then().statusCode(403);
    }
}
