package vn.govqms.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.govqms.local.testing.ConditionalReads.assertConditional;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.officer;

/** Every read of one resource answers a strong ETag and 304 to an If-None-Match that names it. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ConditionalReadTests {

    @Test
    void readsOfOneResourceAreConditional() {
        String agency = Fixtures.agency("24", "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh");
        String audit = AuditTests.internalAudit(agency, "24", "[\"8.5.1\"]", "[]");
        given().auth().oauth2(auditor(agency, "24")).post("/api/v1/audits/{id}/start", audit).then().statusCode(200);
        String finding = CorrectiveActionTests.finding(audit, agency, "24", "MINOR_NONCONFORMITY");
        String action = CorrectiveActionTests.action(agency, "24", finding, "iso-officer-" + agency, "2026-12-31");

        String auditTag = assertConditional(officer(agency, "24"), "/api/v1/audits/{id}", audit);
        assertConditional(officer(agency, "24"), "/api/v1/findings/{id}", finding);
        String actionTag = assertConditional(officer(agency, "24"), "/api/v1/corrective-actions/{id}", action);
        long version = given().auth().oauth2(officer(agency, "24")).get("/api/v1/corrective-actions/{id}", action).jsonPath().getLong("version");
        assertEquals("\"" + version + "\"", actionTag, "a versioned resource's tag is its version");
        assertConditional(admin("24"), "/api/v1/agencies/{id}", agency);

        // a change makes the old tag read in full; a caller out of scope gets its refusal, not a 304
        given().auth().oauth2(auditor(agency, "24")).contentType("application/json").body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/{no}/answer", audit, 1).then().statusCode(200);
        given().auth().oauth2(officer(agency, "24")).header("If-None-Match", auditTag).get("/api/v1/audits/{id}", audit).then().statusCode(200);
        given().auth().oauth2(admin("37")).header("If-None-Match", actionTag).get("/api/v1/corrective-actions/{id}", action).then().statusCode(403);
    }
}
