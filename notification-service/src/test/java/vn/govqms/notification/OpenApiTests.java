package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.OpenApiContractTests;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** notification-service's OpenAPI document keeps the contract; its typed query parameters refuse what they cannot read. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class OpenApiTests extends OpenApiContractTests {

    @Test
    void badQueryParametersAreA400NamingThem() {
        String admin = TestTokens.provinceAdmin("24");
        assertBadQueryParameter(admin, "/api/v1/notifications", "unread", "có");
        assertBadQueryParameter(admin, "/api/v1/notifications", "from", "hôm qua");
        assertBadQueryParameter(admin, "/api/v1/contacts", "role", "GIAM_DOC");
        assertBadQueryParameter(admin, "/api/v1/contacts", "steeringCommittee", "yes");
        assertBadQueryParameter(admin, "/api/v1/rules", "eventType", "x".repeat(201));
    }

    @Test
    void roleSetsStillRefuseTheRolesOutsideThem() {
        // QMS_KEEPERS_OR_ADMINS leaves auditors and viewers out of the contact list
        given().auth().oauth2(TestTokens.agencyRole("viewer", "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "24")).get("/api/v1/contacts")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/contacts").then().statusCode(200);
    }
}
