package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The levels the 2025 reorganisation ended (huyện, thị trấn) hold pre-2025 data only: none is valid after 2025-06-30. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class HistoricalLevelTests {

    static final String ADMIN = TestTokens.provinceAdmin("11");

    static Response register(String level, String validFrom, String validTo) {
        String code = String.format("7%02d.%02d.%02d.H11", ThreadLocalRandom.current().nextInt(100), ThreadLocalRandom.current().nextInt(100),
                ThreadLocalRandom.current().nextInt(100));
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"UBND huyện Mường Ảng","level":"%s","provinceCode":"11","validFrom":%s,"validTo":%s}"""
                .formatted(code, level, quoted(validFrom), quoted(validTo))).post("/api/v1/agencies");
    }

    static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void aDistrictIsNotCreatedValidAfterTheReorganisation() {
        JsonPath refused = register("DISTRICT", "2007-01-01", "2025-07-01").then().statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        assertEquals("level-ended", refused.getString("type").substring(refused.getString("type").lastIndexOf('/') + 1));
        assertEquals("validTo", refused.getString("field"));
        register("DISTRICT", null, "2030-12-31").then().statusCode(422);
        register("TOWNSHIP", "2002-10-01", "2026-01-01").then().statusCode(422);

        // within the level's time, or without a last day yet (history being loaded: the merger that continues it ends it)
        JsonPath district = register("DISTRICT", "2007-01-01", "2025-06-30").then().statusCode(201).extract().jsonPath();
        assertEquals("UBND huyện (trước 01/7/2025)", district.getString("levelLabel"));
        assertEquals("2019-12-31", register("DISTRICT", "2004-01-01", "2019-12-31").then().statusCode(201).extract().path("validTo"));
        JsonPath township = register("TOWNSHIP", "2002-10-01", null).then().statusCode(201).extract().jsonPath();
        assertEquals("UBND thị trấn (trước 01/7/2025)", township.getString("levelLabel"));

        // nor is one made valid later by an update, or by ending it later in a merger
        String id = district.getString("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"UBND huyện Mường Ảng\",\"validFrom\":\"2007-01-01\",\"validTo\":\"2026-03-01\"}")
                .put("/api/v1/agencies/{id}", id).then().statusCode(422).contentType("application/problem+json");
        String commune = register("COMMUNE", "2025-08-01", null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"sourceAgencyIds":["%s"],"successorId":"%s","effectiveDate":"2025-08-01"}"""
                .formatted(township.getString("id"), commune)).post("/api/v1/agencies/merges")
                .then().statusCode(422).contentType("application/problem+json");

        // levels that go on are unaffected
        assertNull(register("COMMUNE", "2025-07-01", null).then().statusCode(201).extract().path("validTo"));
    }
}
