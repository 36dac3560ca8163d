package vn.govqms.scoring;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static vn.govqms.local.testing.ConditionalReads.assertConditional;

/** Every read of one resource answers a strong ETag and 304 to an If-None-Match that names it. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ConditionalReadTests {

    @Test
    void readsOfOneResourceAreConditional() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Ngoại vụ");
        String set = CriteriaSets.activeSet(p, 2020);
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String assessment = AssessmentTests.start(officer, agency, "SELF");
        String objective = given().auth().oauth2(officer).contentType(ContentType.JSON).body(AuthorityTests.objective(agency))
                .post("/api/v1/quality-objectives").then().statusCode(201).extract().path("id");

        String setTag = assertConditional(Fixtures.admin(p), "/api/v1/criteria-sets/{id}", set);
        assertConditional(officer, "/api/v1/assessments/{id}", assessment);
        assertConditional(officer, "/api/v1/quality-objectives/{id}", objective);
        assertConditional(officer, "/api/v1/agencies/{id}/score", agency);
        assertConditional(Fixtures.admin(p), "/api/v1/agencies/{id}", agency);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", Fixtures.agency(p, "Sở Tư pháp"), p)).header("If-None-Match", setTag)
                .get("/api/v1/assessments/{id}", assessment).then().statusCode(403);
    }
}
