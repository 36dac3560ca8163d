package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

    @Test
    void aMinistryAdminActsOnItsMinistrysUnitsOnly() {
        String science = ministry("Bộ Khoa học và Công nghệ");
        String justice = ministry("Bộ Tư pháp");
        String scienceAdmin = TestTokens.ministryAdmin(science);
        String justiceAdmin = TestTokens.ministryAdmin(justice);

        String office = ReorganisationTests.register(scienceAdmin, "00", "Văn phòng Bộ", "MINISTRY_UNIT", science, null).then()
                .statusCode(201).body("rootId", equalTo(science)).extract().path("id");
        String standards = ReorganisationTests.register(scienceAdmin, "00", "Vụ Đánh giá, Thẩm định và Giám định công nghệ",
                "MINISTRY_UNIT", science, null).then().statusCode(201).extract().path("id");
        String justiceOffice = ReorganisationTests.register(justiceAdmin, "00", "Văn phòng Bộ", "MINISTRY_UNIT", justice, null).then()
                .statusCode(201).body("rootId", equalTo(justice)).extract().path("id");

        // its list is its own tree, whatever else is central
        given().auth().oauth2(scienceAdmin).queryParam("size", 200).get("/api/v1/agencies").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", containsInAnyOrder(science, office, standards))
                .body("items.rootId", everyItem(equalTo(science)));
        given().auth().oauth2(scienceAdmin).queryParam("provinceCode", "00").get("/api/v1/agencies").then().statusCode(200)
                .body("items.rootId", everyItem(equalTo(science)));
        given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Văn phòng Bộ Khoa học và Công nghệ\",\"parentId\":\"" + science + "\"}")
                .put("/api/v1/agencies/{id}", office).then().statusCode(200);

        // never another ministry's
        given().auth().oauth2(scienceAdmin).get("/api/v1/agencies/{id}", justiceOffice).then().spec(problem(403));
        given().auth().oauth2(scienceAdmin).get("/api/v1/agencies/{id}", justice).then().spec(problem(403));
        ReorganisationTests.register(scienceAdmin, "00", "Vụ Pháp chế", "MINISTRY_UNIT", justice, null).then().spec(problem(403));
        given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Văn phòng Bộ\",\"parentId\":\"" + justice + "\"}").put("/api/v1/agencies/{id}", standards)
                .then().spec(problem(403));
        given().auth().oauth2(justiceAdmin).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"name\":\"Văn phòng\",\"parentId\":\"" + science + "\"}").put("/api/v1/agencies/{id}", office)
                .then().spec(problem(403));
        // a ministry is registered by the national level only, a unit under it by its ministry only
        ReorganisationTests.register(scienceAdmin, "00", "Bộ Công Thương", "MINISTRY", null, null).then().spec(problem(403));
        ReorganisationTests.register(TestTokens.provinceAdmin("24"), "00", "Vụ Tổ chức cán bộ", "MINISTRY_UNIT", science, null)
                .then().spec(problem(403));
        ReorganisationTests.register(TestTokens.provinceAdmin("24"), "00", "Bộ Công Thương", "MINISTRY", null, null)
                .then().spec(problem(403));
        // the national level reads every ministry and changes none of their units
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/agencies/{id}", justiceOffice).then().statusCode(200);
        ReorganisationTests.register(TestTokens.nationalAdmin(), "00", "Vụ Tổ chức cán bộ", "MINISTRY_UNIT", science, null)
                .then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Văn phòng\"}").put("/api/v1/agencies/{id}", justiceOffice).then().spec(problem(403));
        // a ministry-admin without the ministry named, an agency role without its agency: refused, never widened
        given().auth().oauth2(TestTokens.withClaims("ministry-admin", null, null)).get("/api/v1/agencies").then().spec(problem(403, "missing-claim")).body("claim", equalTo("agency_id"));
        given().auth().oauth2(TestTokens.withClaims("viewer", null, "24")).get("/api/v1/agencies").then().spec(problem(403, "missing-claim"));

        // its reorganisations stay in its tree
        given().auth().oauth2(justiceAdmin).contentType(ContentType.JSON)
                .body(ReorganisationTests.merger(List.of(standards), office, null, "2025-03-01")).post("/api/v1/agencies/merges")
                .then().spec(problem(403));
        given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON)
                .body(ReorganisationTests.merger(List.of(standards), justiceOffice, null, "2025-03-01")).post("/api/v1/agencies/merges")
                .then().spec(problem(403));
        given().auth().oauth2(scienceAdmin).contentType(ContentType.JSON)
                .body(ReorganisationTests.merger(List.of(standards), office, null, "2025-03-01")).post("/api/v1/agencies/merges")
                .then().statusCode(200).body("successor.id", equalTo(office)).body("successor.rootId", equalTo(science));
    }
}
