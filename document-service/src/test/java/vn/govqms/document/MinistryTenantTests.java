package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Ministries as tenants: national-admin registers a ministry (a central body, province 00, no parent); the
 * ministry's own ministry-admin registers, lists and changes its units, and nothing of another ministry.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class MinistryTenantTests {


    static String ministry(String name) {
        return ReorganisationTests.register(TestTokens.nationalAdmin(), "00", name, "MINISTRY", null, null).then().statusCode(201)
                .body("parentId", nullValue()).extract().path("id");
    }

    /**
     * Two ministries made once for this class: science with two units (its office renamed), justice with its office; then
     * justice tries to merge science's units, science tries to merge into justice's office, and science merges its two units.
     */
    record Ministries(String science, String justice, String office, String standards, String justiceOffice, Response officeRegistered,
                      Response justiceOfficeRegistered, Response listed, Response listedCentral, Response renamed,
                      Response mergedByAnother, Response mergedIntoAnothers, Response merged) {
        String scienceAdmin() {
            return TestTokens.ministryAdmin(science);
        }
    }

    private static Ministries ministries;

    static synchronized Ministries ministries() {
        if (ministries != null) {
            return ministries;
        }
        String science = ministry("Bộ Khoa học và Công nghệ");
        String justice = ministry("Bộ Tư pháp");
        String scienceAdmin = TestTokens.ministryAdmin(science);
        String justiceAdmin = TestTokens.ministryAdmin(justice);
        Response officeRegistered = ReorganisationTests.register(scienceAdmin, "00", "Văn phòng Bộ", "MINISTRY_UNIT", science, null);
        String office = officeRegistered.then().statusCode(201).extract().path("id");
        String standards = ReorganisationTests.register(scienceAdmin, "00", "Vụ Đánh giá, Thẩm định và Giám định công nghệ",
                "MINISTRY_UNIT", science, null).then().statusCode(201).extract().path("id");
        Response justiceOfficeRegistered = ReorganisationTests.register(justiceAdmin, "00", "Văn phòng Bộ", "MINISTRY_UNIT", justice, null);
        String justiceOffice = justiceOfficeRegistered.then().statusCode(201).extract().path("id");
        Response listed = given().auth().oauth2(scienceAdmin).queryParam("size", 200).get("/api/v1/agencies");
        Response listedCentral = given().auth().oauth2(scienceAdmin).queryParam("provinceCode", "00").get("/api/v1/agencies");
        Response renamed = given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Văn phòng Bộ Khoa học và Công nghệ\",\"parentId\":\"" + science + "\"}").put("/api/v1/agencies/{id}", office);
        Response mergedByAnother = given().auth().oauth2(justiceAdmin).contentType(ContentType.JSON)
                .body(ReorganisationTests.merger(List.of(standards), office, null, "2025-03-01")).post("/api/v1/agencies/merges");
        Response mergedIntoAnothers = given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON)
                .body(ReorganisationTests.merger(List.of(standards), justiceOffice, null, "2025-03-01")).post("/api/v1/agencies/merges");
        Response merged = given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON)
                .body(ReorganisationTests.merger(List.of(standards), office, null, "2025-03-01")).post("/api/v1/agencies/merges");
        ministries = new Ministries(science, justice, office, standards, justiceOffice, officeRegistered, justiceOfficeRegistered, listed,
                listedCentral, renamed, mergedByAnother, mergedIntoAnothers, merged);
        return ministries;
    }

    /** The agency's current ETag, as the national level reads it. */
    static String etag(String agency) {
        return given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/agencies/{id}", agency).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aMinistryRegistersUnitsInItsOwnTree() {
        Ministries w = ministries();
        w.officeRegistered().then().statusCode(201).body("rootId", equalTo(w.science()));
        w.justiceOfficeRegistered().then().statusCode(201).body("rootId", equalTo(w.justice()));
    }

    @Test
    void aMinistrysListIsItsOwnTreeWhateverElseIsCentral() {
        Ministries w = ministries();
        w.listed().then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", containsInAnyOrder(w.science(), w.office(), w.standards()))
                .body("items.rootId", everyItem(equalTo(w.science())));
        w.listedCentral().then().statusCode(200).body("items.rootId", everyItem(equalTo(w.science())));
    }

    @Test
    void aMinistryChangesItsOwnUnits() {
        ministries().renamed().then().statusCode(200);
    }

    @Test
    void aMinistryNeverReadsOrChangesAnothersUnits() {
        Ministries w = ministries();
        String scienceAdmin = w.scienceAdmin();
        given().auth().oauth2(scienceAdmin).get("/api/v1/agencies/{id}", w.justiceOffice()).then().spec(problem(403));
        given().auth().oauth2(scienceAdmin).get("/api/v1/agencies/{id}", w.justice()).then().spec(problem(403));
        ReorganisationTests.register(scienceAdmin, "00", "Vụ Pháp chế", "MINISTRY_UNIT", w.justice(), null).then().spec(problem(403));
        // with the agency's current ETag, so that only the authority can refuse
        given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON).header("If-Match", etag(w.standards()))
                .body("{\"name\":\"Văn phòng Bộ\",\"parentId\":\"" + w.justice() + "\"}").put("/api/v1/agencies/{id}", w.standards())
                .then().spec(problem(403));
        given().auth().oauth2(TestTokens.ministryAdmin(w.justice())).contentType(ContentType.JSON).header("If-Match", etag(w.office()))
                .body("{\"name\":\"Văn phòng\",\"parentId\":\"" + w.science() + "\"}").put("/api/v1/agencies/{id}", w.office())
                .then().spec(problem(403));
    }

    @Test
    void aMinistryIsRegisteredByTheNationalLevelOnlyAndAUnitByItsMinistryOnly() {
        Ministries w = ministries();
        ReorganisationTests.register(w.scienceAdmin(), "00", "Bộ Công Thương", "MINISTRY", null, null).then().spec(problem(403));
        ReorganisationTests.register(TestTokens.provinceAdmin("24"), "00", "Vụ Tổ chức cán bộ", "MINISTRY_UNIT", w.science(), null)
                .then().spec(problem(403));
        ReorganisationTests.register(TestTokens.provinceAdmin("24"), "00", "Bộ Công Thương", "MINISTRY", null, null)
                .then().spec(problem(403));
    }

    @Test
    void theNationalLevelReadsEveryMinistryAndChangesNoneOfItsUnits() {
        Ministries w = ministries();
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/agencies/{id}", w.justiceOffice()).then().statusCode(200);
        ReorganisationTests.register(TestTokens.nationalAdmin(), "00", "Vụ Tổ chức cán bộ", "MINISTRY_UNIT", w.science(), null)
                .then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).header("If-Match", etag(w.justiceOffice()))
                .body("{\"name\":\"Văn phòng\"}").put("/api/v1/agencies/{id}", w.justiceOffice()).then().spec(problem(403));
    }

    @Test
    void aMinistryAdminWithoutItsMinistryOrAnAgencyRoleWithoutItsAgencyIsRefusedNeverWidened() {
        given().auth().oauth2(TestTokens.withClaims("ministry-admin", null, null)).get("/api/v1/agencies").then().spec(problem(403, "missing-claim"))
                .body("claim", equalTo("agency_id"));
        given().auth().oauth2(TestTokens.withClaims("viewer", null, "24")).get("/api/v1/agencies").then().spec(problem(403, "missing-claim"));
    }

    @Test
    void aMinistrysReorganisationsStayInItsTree() {
        Ministries w = ministries();
        w.mergedByAnother().then().spec(problem(403));
        w.mergedIntoAnothers().then().spec(problem(403));
        w.merged().then().statusCode(200).body("successor.id", equalTo(w.office())).body("successor.rootId", equalTo(w.science()));
    }
}
