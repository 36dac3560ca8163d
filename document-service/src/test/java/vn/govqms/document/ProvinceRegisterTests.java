package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.govqms.local.testing.Problems.problem;

/**
 * The national register of provinces: everyone reads it, national-admin alone records mergers. Records the merger
 * of Hà Giang (02) into Tuyên Quang (08) in this test JVM's database.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ProvinceRegisterTests {

    static final String TUYEN_QUANG_2025 = """
            {"code":"08","name":"Tuyên Quang","effectiveDate":"2025-07-01","sourceCodes":["02","08"],"decision":"202/2025/QH15"}""";

    @Test
    void theRegisterHoldsTheSixtyThreeProvincesOfBeforeJuly2025() {
        String viewer = TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), "11");
        given().auth().oauth2(viewer).queryParam("asOf", "2025-06-30").queryParam("size", 100).get("/api/v1/provinces")
                .then().statusCode(200).body("total", equalTo(63)).body("items.size()", equalTo(63))
                .body("items.code", hasItems("01", "11", "19", "24", "27", "35", "36", "37", "96")).body("items.code", not(hasItem("00")))
                .body("items[0].code", equalTo("01")).body("items[0].name", equalTo("Hà Nội"))
                .body("items.find { it.code == '11' }.name", equalTo("Điện Biên"))
                .body("items.find { it.code == '96' }.name", equalTo("Cà Mau"))
                .body("items.find { it.code == '46' }.name", equalTo("Huế"));
        // names over time: Thừa Thiên Huế became the city of Huế on 1 January 2025
        given().auth().oauth2(TestTokens.integration("46")).queryParam("asOf", "2014-12-31").queryParam("size", 100)
                .get("/api/v1/provinces").then().statusCode(200).body("items.find { it.code == '46' }.name", equalTo("Thừa Thiên Huế"));
        given().auth().oauth2(TestTokens.provinceAdmin("46")).get("/api/v1/provinces/46").then().statusCode(200)
                .body("name", equalTo("Huế")).body("names.name", contains("Thừa Thiên Huế", "Huế"))
                .body("names[1].validFrom", equalTo("2025-01-01")).body("names[1].decision", equalTo("175/2024/QH15"));
        given().auth().oauth2(viewer).queryParam("asOf", "2025-06-30").queryParam("size", 10).queryParam("page", 6)
                .get("/api/v1/provinces").then().statusCode(200).body("total", equalTo(63)).body("items.size()", equalTo(3));

        given().auth().oauth2(viewer).get("/api/v1/provinces/00").then().spec(problem(404));
        given().auth().oauth2(viewer).get("/api/v1/provinces/3").then().spec(problem(404));
        given().auth().oauth2(viewer).queryParam("asOf", "30/06/2025").get("/api/v1/provinces").then().spec(problem(400));
        given().get("/api/v1/provinces").then().spec(problem(401));
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/provinces/01").then().statusCode(200)
                .body("name", equalTo("Hà Nội")).body("successor", nullValue());
    }

    @Test
    void onlyNationalAdminRecordsAMergerAndOnlyAsItCanHappen() {
        String national = TestTokens.nationalAdmin();
        for (String token : new String[] {TestTokens.provinceAdmin("08"), TestTokens.ministryAdmin(UUID.randomUUID().toString()),
                TestTokens.agencyRole("agency-head", UUID.randomUUID().toString(), "08"), TestTokens.integration("08"),
                TestTokens.withClaims("viewer", null, null)}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(TUYEN_QUANG_2025).post("/api/v1/province-mergers")
                    .then().spec(problem(403));
        }
        given().contentType(ContentType.JSON).body(TUYEN_QUANG_2025).post("/api/v1/province-mergers").then().statusCode(401);

        given().auth().oauth2(national).contentType(ContentType.JSON).body("{}").post("/api/v1/province-mergers").then()
                .spec(problem(400)).body("errors.field", hasItems("code", "name", "effectiveDate", "sourceCodes", "decision"));
        given().auth().oauth2(national).contentType(ContentType.JSON).body(TUYEN_QUANG_2025.replace("\"code\":\"08\"", "\"code\":\"8\""))
                .post("/api/v1/province-mergers").then().spec(problem(400));
        unprocessable(national, TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"08\"]"), "too-few-sources");
        unprocessable(national, TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"08\",\"08\"]"), "too-few-sources");
        unprocessable(national, TUYEN_QUANG_2025.replace("\"code\":\"08\"", "\"code\":\"04\""), "continuing-code-not-a-source");
        unprocessable(national, TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"03\",\"08\"]"), "unknown-province");
        unprocessable(national, TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"00\",\"08\"]"), "unknown-province");

        given().auth().oauth2(national).contentType(ContentType.JSON).body(TUYEN_QUANG_2025).post("/api/v1/province-mergers")
                .then().statusCode(201).body("mergedCodes", contains("02")).body("sourceCodes", containsInAnyOrder("02", "08"));
        // the same merger again: nothing changes; another one into 08 on that day: a conflict
        given().auth().oauth2(national).contentType(ContentType.JSON)
                .body(TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"08\",\"02\"]")).post("/api/v1/province-mergers")
                .then().statusCode(200).body("code", equalTo("08"));
        given().auth().oauth2(national).contentType(ContentType.JSON)
                .body(TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"04\",\"08\"]")).post("/api/v1/province-mergers")
                .then().spec(problem(409)).body("detail", containsString("202/2025/QH15"));
        // an ended province merges no more
        unprocessable(national, """
                {"code":"04","name":"Cao Bằng","effectiveDate":"2026-01-01","sourceCodes":["02","04"],"decision":"1/2026/QH16"}""",
                "province-ended");

        // the kept name needs no new entry; the ended province names its successor; its token no longer writes
        given().auth().oauth2(national).get("/api/v1/provinces/08").then().statusCode(200).body("name", equalTo("Tuyên Quang"))
                .body("names.size()", equalTo(1)).body("predecessors.code", contains("02"));
        given().auth().oauth2(national).get("/api/v1/provinces/02").then().statusCode(200).body("name", equalTo("Hà Giang"))
                .body("validTo", equalTo("2025-06-30")).body("successor.code", equalTo("08"))
                .body("successor.name", equalTo("Tuyên Quang"));
        ReorganisationTests.register(TestTokens.provinceAdmin("02"), "02", "Sở Nội vụ tỉnh Hà Giang", "DEPARTMENT", null, null)
                .then().spec(problem(403)).body("detail", containsString("province 08"));
        given().auth().oauth2(TestTokens.provinceAdmin("02")).queryParam("size", 100).get("/api/v1/provinces")
                .then().statusCode(200).body("items.code", not(hasItem("02"))).body("items.code", hasItem("08"));
    }

    private static void unprocessable(String token, String body, String type) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/province-mergers")
                .then().spec(problem(422)).body("type", endsWith(type));
    }
}
