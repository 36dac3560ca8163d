package vn.govqms.scoring;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.OpenApiContractTests;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** scoring-service's OpenAPI document keeps the contract; its typed query parameters refuse what they cannot read. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class OpenApiTests extends OpenApiContractTests {

    @Test
    void badQueryParametersAreA400NamingThem() {
        String admin = TestTokens.provinceAdmin("24");
        assertBadQueryParameter(admin, "/api/v1/rankings", "year", "1999");
        assertBadQueryParameter(admin, "/api/v1/rankings", "source", "KHAC");
        assertBadQueryParameter(admin, "/api/v1/rankings", "provinceCode", "2A");
        assertBadQueryParameter(admin, "/api/v1/kpis", "groupBy", "HUYEN");
        assertBadQueryParameter(admin, "/api/v1/kpis", "from", "2022-13-01");
        assertBadQueryParameter(admin, "/api/v1/assessments", "agencyId", "123");
    }

    @Test
    void roleSetsStillRefuseTheRolesOutsideThem() {
        // ANY_STAFF leaves the one-stop-shop systems out of the rankings; the national views are national-admin's
        given().auth().oauth2(TestTokens.integration("24")).get("/api/v1/rankings")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/rankings/national/distribution")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("year", "2014").get("/api/v1/rankings/national/distribution")
                .then().statusCode(200);
    }
}
