package vn.govqms.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.officer;

/** Every read of one resource answers a strong ETag and 304 to an If-None-Match that names it. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ConditionalReadTests {

    static String assertConditional(String token, String path, Object... params) {
        Response full = given().auth().oauth2(token).get(path, params);
        assertEquals(200, full.statusCode(), full.asString());
        String tag = full.header("ETag");
        assertNotNull(tag, path + " has no ETag");
        assertFalse(tag.startsWith("W/"), "a strong tag: " + tag);
        Response again = given().auth().oauth2(token).header("If-None-Match", tag).get(path, params);
        assertEquals(304, again.statusCode(), path);
        assertEquals("", again.asString());
        assertEquals(tag, again.header("ETag"));
        given().auth().oauth2(token).header("If-None-Match", "\"stale\"").get(path, params).then().statusCode(200);
        return tag;
    }

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
