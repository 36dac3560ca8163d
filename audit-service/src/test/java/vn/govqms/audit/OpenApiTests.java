package vn.govqms.audit;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Health and the OpenAPI document are served without a token; the document keeps the contract every service's keeps. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class OpenApiTests extends OpenApiContractTests {

    @Test
    void healthAndOpenApiAreOpenAndOperationsAreNamed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/audits/{id}/findings'.post.operationId", containsString("raiseFinding"))
                .body("paths.'/api/v1/corrective-actions/{id}/verification'.post.operationId", containsString("verifyCorrectiveAction"))
                .body("paths.'/api/v1/inspection-campaigns/{id}/approval'.post.operationId", containsString("approveInspectionCampaign"))
                .body("paths.'/api/v1/reports/ministry-report'.get.operationId", containsString("ministryReport"))
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void conventionsAndDeclaredRefusalsMeetInOneOperation() {
        // the convention adds 401/403/400/404 to verification; the resource's own 422 keeps its words and becomes a Problem
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/corrective-actions/{id}/verification'.post.responses.'422'.description", equalTo("The verifier is the owner"))
                .body("paths.'/api/v1/corrective-actions/{id}/verification'.post.responses.'422'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/corrective-actions/{id}/verification'.post.responses.'404'", notNullValue())
                .body("paths.'/api/v1/corrective-actions/{id}/verification'.post.responses.'401'", notNullValue());
    }

    @Test
    void badQueryParametersAreA400NamingThem() {
        String admin = TestTokens.provinceAdmin("31");
        assertBadQueryParameter(admin, "/api/v1/corrective-actions", "agencyId", "not-a-uuid");
        assertBadQueryParameter(admin, "/api/v1/corrective-actions", "status", "KHONG_CO");
        assertBadQueryParameter(admin, "/api/v1/corrective-actions", "overdue", "có");
    }

    @Test
    void roleSetsStillRefuseTheRolesOutsideThem() {
        // ANY_STAFF leaves the one-stop-shop systems out; QMS_KEEPERS leaves the auditors out
        given().auth().oauth2(TestTokens.integration("31")).get("/api/v1/corrective-actions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agencyRole("auditor", UUID.randomUUID().toString(), "31"))
                .contentType("application/json").body("{}").post("/api/v1/corrective-actions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provinceAdmin("31")).get("/api/v1/corrective-actions").then().statusCode(200);
    }
}
