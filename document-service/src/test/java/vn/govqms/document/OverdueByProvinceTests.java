package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.govqms.local.testing.Problems.problem;

/**
 * The national view of legal-change reviews per province, for national-admin: each agency counted in its province,
 * a province ended by a merger counted under its successor.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class OverdueByProvinceTests {

    // provinces of this test only (the view covers every province the shared database holds)
    static final String FORMER = "91";
    static final String SUCCESSOR = "92";
    static final String OTHER = "93";

    @Inject
    ProvinceRegister provinces;

    static Map<String, Object> row(JsonPath view, String province) {
        List<Map<String, Object>> rows = view.getList("provinces.findAll { it.provinceCode == '" + province + "' }");
        return rows.isEmpty() ? null : rows.get(0);
    }

    static JsonPath view(String asOf) {
        var request = given().auth().oauth2(TestTokens.nationalAdmin());
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/review-tasks/overdue-by-province").then().statusCode(200).extract().jsonPath();
    }

    static void assertRow(Map<String, Object> row, List<String> former, int agencies, int open, int overdue, String oldest) {
        assertEquals(former, row.get("formerProvinces"), "formerProvinces of " + row);
        assertEquals(agencies, row.get("agenciesWithOverdue"), "agenciesWithOverdue of " + row);
        assertEquals(open, row.get("openTasks"), "openTasks of " + row);
        assertEquals(overdue, row.get("overdueTasks"), "overdueTasks of " + row);
        assertEquals(oldest, row.get("oldestDueDate"), "oldestDueDate of " + row);
    }

    @Test
    void countsEachProvinceOnceWithTheProvincesMergedIntoIt() {
        String former = ReviewTaskTests.agency(FORMER, "Sở Tư pháp (tỉnh cũ)");
        String successor = ReviewTaskTests.agency(SUCCESSOR, "Sở Tư pháp");
        String other = ReviewTaskTests.agency(OTHER, "Sở Nội vụ");
        String law = ReviewTaskTests.legal(ReviewTaskTests.number(), "2012-01-01", "[]");
        String laterLaw = ReviewTaskTests.legal(ReviewTaskTests.number(), "2012-01-01", "[]");
        ReviewTaskTests.procedure(former, FORMER, "OPERATIONAL_PROCEDURE", law, null, true);
        ReviewTaskTests.procedure(successor, SUCCESSOR, "OPERATIONAL_PROCEDURE", law, null, true);
        String otherDoc = ReviewTaskTests.procedure(other, OTHER, "OPERATIONAL_PROCEDURE", law, null, true);
        ReviewTaskTests.procedure(other, OTHER, "SYSTEM_PROCEDURE", laterLaw, null, true);
        // one change long past (due 2020-04-01, overdue), one to come (due 2040-04-01, open)
        ReviewTaskTests.legal(ReviewTaskTests.number(), "2020-01-01", "[{\"kind\":\"AMENDS\",\"targetId\":\"" + law + "\"}]");
        ReviewTaskTests.legal(ReviewTaskTests.number(), "2040-01-01", "[{\"kind\":\"REPLACES\",\"targetId\":\"" + laterLaw + "\"}]");

        JsonPath before = view(null);
        assertRow(row(before, FORMER), List.of(), 1, 1, 1, "2020-04-01");
        assertRow(row(before, SUCCESSOR), List.of(), 1, 1, 1, "2020-04-01");
        assertRow(row(before, OTHER), List.of(), 1, 2, 1, "2020-04-01");

        // the merger, as document-service records it in the kit's table: 91 continues as 92 from 2025-07-01
        TestDb.update("document", "insert into province_succession (code, successor_code, effective_date) values ('"
                + FORMER + "', '" + SUCCESSOR + "', '2025-07-01')");
        provinces.reload().await().atMost(Duration.ofSeconds(10));

        JsonPath after = view(null);
        assertNull(row(after, FORMER), "the merged province appears once, under its successor");
        assertRow(row(after, SUCCESSOR), List.of(FORMER), 2, 2, 2, "2020-04-01");
        assertEquals(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), after.getString("asOf"));
        // before the merger both provinces stood apart (and none of these reviews existed yet)
        JsonPath then = view("2025-06-30");
        assertRow(row(then, FORMER), List.of(), 0, 0, 0, null);
        assertRow(row(then, SUCCESSOR), List.of(), 0, 0, 0, null);

        // a review resolved no longer counts
        String task = given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("documentId", otherDoc).get("/api/v1/review-tasks")
                .then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, OTHER)).contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_CHANGE\",\"note\":\"Điều được sửa không liên quan đến quy trình\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200);
        assertRow(row(view(null), OTHER), List.of(), 0, 1, 0, null);
    }

    @Test
    void isForNationalAdminOnly() {
        for (String token : List.of(TestTokens.provinceAdmin(SUCCESSOR), TestTokens.provinceAdmin("24"),
                TestTokens.ministryAdmin(UUID.randomUUID().toString()),
                TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), "24"), TestTokens.integration("24"))) {
            given().auth().oauth2(token).get("/api/v1/review-tasks/overdue-by-province").then().spec(problem(403));
        }
        given().get("/api/v1/review-tasks/overdue-by-province").then().statusCode(401);
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("asOf", "cuối năm")
                .get("/api/v1/review-tasks/overdue-by-province").then().spec(problem(400))
                .body("detail", containsString("asOf"));
    }
}
