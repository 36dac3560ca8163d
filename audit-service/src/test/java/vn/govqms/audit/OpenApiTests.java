package vn.govqms.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/** Health and the OpenAPI document are served without a token; every operation has an id a client generator can use. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class OpenApiTests {

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
}
