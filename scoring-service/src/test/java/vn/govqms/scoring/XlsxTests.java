package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/** Criteria sets and rankings as spreadsheets: a set exported and imported back is the same set. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class XlsxTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aCriteriaSetGoesToExcelAndBack() throws Exception {
        String p = Fixtures.province();
        String id = CriteriaSets.activeSet(p, 2021);
        byte[] file = given().auth().oauth2(TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), p))
                .get("/api/v1/criteria-sets/{id}/export", id).then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("bo-tieu-chi-" + p + "-v1.xlsx")).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = wb.findSheet("Tiêu chí").orElseThrow().read();
            assertEquals(5, rows.size());
            assertEquals("Rà soát quy trình ISO khi VBQPPL thay đổi", rows.get(3).getCellText(3));
            assertEquals("Rất tốt", wb.findSheet("Xếp loại").orElseThrow().read().get(1).getCellText(1));
        }
        String copy = given().auth().oauth2(admin(p)).contentType(XLSX).queryParam("provinceCode", p)
                .queryParam("name", "Bộ tiêu chí nhập từ Excel").queryParam("appliesFromYear", 2027).body(file)
                .post("/api/v1/criteria-sets/import").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("totalMaxPoints", equalTo(100.0f)).body("groups[1].criteria[0].pointsPerItem", equalTo(5))
                .body("groups[1].criteria[0].rule", equalTo("DEDUCTION_PER_ITEM")).body("bands[3].minScore", equalTo(50))
                .body("bands[3].minInclusive", equalTo(false)).extract().path("id");
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", copy).then().statusCode(200);

        given().auth().oauth2(admin(p)).contentType(XLSX).queryParam("name", "x").queryParam("appliesFromYear", 2027)
                .body("không phải Excel".getBytes()).post("/api/v1/criteria-sets/import").then().spec(problem(400));
        given().auth().oauth2(admin(p)).contentType(XLSX).queryParam("provinceCode", p).queryParam("appliesFromYear", 2027).body(file)
                .post("/api/v1/criteria-sets/import").then().spec(problem(400));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), p)).contentType(XLSX)
                .queryParam("name", "x").queryParam("appliesFromYear", 2027).body(file).post("/api/v1/criteria-sets/import").then().statusCode(403);
    }

    @Test
    void theRankingGoesToExcel() throws Exception {
        String p = Fixtures.province();
        String set = CriteriaSets.activeSet(p, 2014);
        for (int i = 0; i < 3; i++) {
            RankingTests.official(Fixtures.agency(p, "Cơ quan " + i), p, 2015, set, 80 + i, "GOOD", "Tốt");
        }
        byte[] file = given().auth().oauth2(admin(p)).queryParam("year", 2015).get("/api/v1/rankings/export").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = wb.findSheet("Xếp hạng").orElseThrow().read();
            assertEquals(4, rows.size());
            assertEquals("Cơ quan 2", rows.get(1).getCellText(2));
            assertEquals("1", rows.get(1).getCellText(0));
            List<Row> bands = wb.findSheet("Phân loại").orElseThrow().read();
            assertEquals("3", bands.get(2).getCellText(2));
            assertEquals("100", bands.get(2).getCellText(3).replaceAll("\\.0+$", ""));
        }
    }
    /** Issue 17: a name a spreadsheet would evaluate stays a typed text cell in the ranking's sheet, never a formula. */
    @Test
    void aNameThatLooksLikeAFormulaStaysTextInTheRankingSheet() throws Exception {
        String p = Fixtures.province();
        String set = CriteriaSets.activeSet(p, 2014);
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        RankingTests.official(Fixtures.agency(p, formula), p, 2015, set, 85, "GOOD", "Tốt");
        RankingTests.official(Fixtures.agency(p, "-1+2"), p, 2015, set, 81, "GOOD", "Tốt");
        byte[] file = given().auth().oauth2(admin(p)).queryParam("year", 2015).get("/api/v1/rankings/export").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = wb.findSheet("Xếp hạng").orElseThrow().read();
            assertEquals(formula, rows.get(1).getCellText(2));
            assertEquals(CellType.STRING, rows.get(1).getCell(2).getType());
            assertEquals("-1+2", rows.get(2).getCellText(2));
            assertEquals(CellType.STRING, rows.get(2).getCell(2).getType());
            assertEquals(CellType.NUMBER, rows.get(1).getCell(3).getType());
            for (Row r : rows) {
                r.forEach(c -> assertNotEquals(CellType.FORMULA, c == null ? CellType.EMPTY : c.getType(), String.valueOf(c)));
            }
        }
    }
}
