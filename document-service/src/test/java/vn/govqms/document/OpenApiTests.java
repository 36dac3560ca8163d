package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.OpenApiContractTests;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** document-service's OpenAPI document keeps the contract; its typed query parameters refuse what they cannot read. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class OpenApiTests extends OpenApiContractTests {

    @Test
    void badQueryParametersAreA400NamingThem() {
        String admin = TestTokens.provinceAdmin("37");
        assertBadQueryParameter(admin, "/api/v1/documents", "agencyId", "not-a-uuid");
        assertBadQueryParameter(admin, "/api/v1/documents", "q", "x".repeat(201));
        assertBadQueryParameter(admin, "/api/v1/legal-documents", "scope", "TINH");
        assertBadQueryParameter(admin, "/api/v1/legal-documents", "asOf", "2025-02-30");
        assertBadQueryParameter(admin, "/api/v1/legal-documents", "provinceCode", "370");
        assertBadQueryParameter(admin, "/api/v1/agencies", "level", "XA");
    }

    @Test
    void roleSetsStillRefuseTheRolesOutsideThem() {
        // REGISTER_KEEPERS: a ministry's committee does not keep the legal register; ANY_STAFF: nor reads review tasks as a machine
        given().auth().oauth2(TestTokens.ministryAdmin(UUID.randomUUID().toString())).contentType("application/json")
                .body("{}").post("/api/v1/legal-documents").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.integration("37")).get("/api/v1/review-tasks")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.integration("37")).get("/api/v1/legal-documents").then().statusCode(200);
    }
}
