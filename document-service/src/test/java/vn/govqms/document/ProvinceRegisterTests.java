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
import java.util.UUID;
import java.util.stream.Stream;

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

    /**
     * Hà Giang merged into Tuyên Quang from 1 July 2025, recorded once for this class by the national level after the
     * refused attempts of others and the malformed ones; then recorded again, a conflicting merger into 08 and a merger of
     * the ended province tried. Each answer is kept for the rule it shows.
     */
    record TuyenQuang(List<Response> byOthers, Response withoutToken, Response empty, Response badCode, List<Response> impossible,
                      Response recorded, Response again, Response conflicting, Response ofAnEndedProvince) {
    }

    private static TuyenQuang tuyenQuang;

    static Response merger(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/province-mergers");
    }

    static synchronized TuyenQuang tuyenQuang() {
        if (tuyenQuang != null) {
            return tuyenQuang;
        }
        String national = TestTokens.nationalAdmin();
        List<Response> byOthers = Stream.of(TestTokens.provinceAdmin("08"), TestTokens.ministryAdmin(UUID.randomUUID().toString()),
                TestTokens.agencyRole("agency-head", UUID.randomUUID().toString(), "08"), TestTokens.integration("08"),
                TestTokens.withClaims("viewer", null, null)).map(token -> merger(token, TUYEN_QUANG_2025)).toList();
        Response withoutToken = given().contentType(ContentType.JSON).body(TUYEN_QUANG_2025).post("/api/v1/province-mergers");
        Response empty = merger(national, "{}");
        Response badCode = merger(national, TUYEN_QUANG_2025.replace("\"code\":\"08\"", "\"code\":\"8\""));
        List<Response> impossible = Stream.of(TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"08\"]"),
                TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"08\",\"08\"]"),
                TUYEN_QUANG_2025.replace("\"code\":\"08\"", "\"code\":\"04\""),
                TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"03\",\"08\"]"),
                TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"00\",\"08\"]")).map(body -> merger(national, body)).toList();
        Response recorded = merger(national, TUYEN_QUANG_2025);
        Response again = merger(national, TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"08\",\"02\"]"));
        Response conflicting = merger(national, TUYEN_QUANG_2025.replace("[\"02\",\"08\"]", "[\"04\",\"08\"]"));
        Response ofAnEndedProvince = merger(national, """
                {"code":"04","name":"Cao Bằng","effectiveDate":"2026-01-01","sourceCodes":["02","04"],"decision":"1/2026/QH16"}""");
        tuyenQuang = new TuyenQuang(byOthers, withoutToken, empty, badCode, impossible, recorded, again, conflicting, ofAnEndedProvince);
        return tuyenQuang;
    }

    @Test
    void onlyTheNationalLevelRecordsAProvinceMerger() {
        TuyenQuang w = tuyenQuang();
        w.byOthers().forEach(r -> r.then().spec(problem(403)));
        w.withoutToken().then().spec(problem(401));
    }

    @Test
    void aMergerNamesItsCodeNameDateSourcesAndDecision() {
        TuyenQuang w = tuyenQuang();
        w.empty().then().spec(problem(400)).body("errors.field", hasItems("code", "name", "effectiveDate", "sourceCodes", "decision"));
        w.badCode().then().spec(problem(400));
    }

    @Test
    void aMergerIsRecordedOnlyAsItCanHappen() {
        List<String> types = List.of("too-few-sources", "too-few-sources", "continuing-code-not-a-source", "unknown-province", "unknown-province");
        List<Response> impossible = tuyenQuang().impossible();
        for (int i = 0; i < types.size(); i++) {
            impossible.get(i).then().spec(problem(422)).body("type", endsWith(types.get(i)));
        }
    }

    @Test
    void aMergerIsRecordedOnceAndAnotherIntoTheSameProvinceThatDayConflicts() {
        TuyenQuang w = tuyenQuang();
        w.recorded().then().statusCode(201).body("mergedCodes", contains("02")).body("sourceCodes", containsInAnyOrder("02", "08"));
        w.again().then().statusCode(200).body("code", equalTo("08"));
        w.conflicting().then().spec(problem(409)).body("detail", containsString("202/2025/QH15"));
    }

    @Test
    void anEndedProvinceMergesNoMore() {
        tuyenQuang().ofAnEndedProvince().then().spec(problem(422)).body("type", endsWith("province-ended"));
    }

    @Test
    void theKeptNameNeedsNoNewEntryAndTheEndedProvinceNamesItsSuccessor() {
        tuyenQuang();
        String national = TestTokens.nationalAdmin();
        given().auth().oauth2(national).get("/api/v1/provinces/08").then().statusCode(200).body("name", equalTo("Tuyên Quang"))
                .body("names.size()", equalTo(1)).body("predecessors.code", contains("02"));
        given().auth().oauth2(national).get("/api/v1/provinces/02").then().statusCode(200).body("name", equalTo("Hà Giang"))
                .body("validTo", equalTo("2025-06-30")).body("successor.code", equalTo("08"))
                .body("successor.name", equalTo("Tuyên Quang"));
    }

    @Test
    void theEndedProvincesTokenNoLongerWritesNorListsItsProvince() {
        tuyenQuang();
        ReorganisationTests.register(TestTokens.provinceAdmin("02"), "02", "Sở Nội vụ tỉnh Hà Giang", "DEPARTMENT", null, null)
                .then().spec(problem(403)).body("detail", containsString("province 08"));
        given().auth().oauth2(TestTokens.provinceAdmin("02")).queryParam("size", 100).get("/api/v1/provinces")
                .then().statusCode(200).body("items.code", not(hasItem("02"))).body("items.code", hasItem("08"));
    }
}
