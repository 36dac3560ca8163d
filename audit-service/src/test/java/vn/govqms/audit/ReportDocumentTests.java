package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Problems.problem;

/**
 * The yearly reports as files: CSV cells a spreadsheet would evaluate are neutralised, XLSX cells stay typed, and the
 * .docx is the administrative document officials sign (Decree 30/2020/NĐ-CP), each read back and checked.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ReportDocumentTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    static final String P = "57";
    static final int YEAR = LocalDate.now(VIETNAM).getYear();

    private static boolean registered;

    /** Agencies whose names a spreadsheet would evaluate, and the department that issues the province's reports. */
    @BeforeEach
    void agencies() {
        synchronized (ReportDocumentTests.class) {
            if (!registered) {
                Fixtures.agency(P, FORMULA);
                Fixtures.agency(P, "-1+2");
                Fixtures.agency(P, "Sở Khoa học và Công nghệ tỉnh Ninh Thuận");
                registered = true;
            }
        }
    }

    @Test
    void csvCellsASpreadsheetWouldEvaluateAreNeutralised() {
        for (String report : List.of("province-summary", "ministry-report")) {
            String csv = new String(given().auth().oauth2(admin(P)).queryParam("year", YEAR).queryParam("format", "csv")
                    .get("/api/v1/reports/" + report).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
            assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), csv);
            assertTrue(csv.contains(",'-1+2,"), csv);
            assertFalse(csv.contains(",=HYPERLINK") || csv.contains(",-1+2,"), csv);
        }
        // the Accept header chooses CSV as well
        given().auth().oauth2(admin(P)).queryParam("year", YEAR).accept("text/csv").get("/api/v1/reports/province-summary").then()
                .statusCode(200).contentType(containsString("text/csv")).body(containsString("'-1+2"));
    }

    @Test
    void theSpreadsheetKeepsTextAsTypedStringsAndNumbersAsNumbers() throws IOException {
        byte[] file = given().auth().oauth2(admin(P)).queryParam("year", YEAR).queryParam("format", "xlsx")
                .get("/api/v1/reports/province-summary").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("bao-cao-tong-hop-kiem-tra-57-" + YEAR + ".xlsx")).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Mã cơ quan", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("Báo cáo khắc phục sau kiểm tra", sheet.getRow(2).getCell(10).getStringCellValue());
            Row formula = row(sheet, FORMULA);
            assertEquals(CellType.STRING, formula.getCell(1).getCellType());
            assertEquals(CellType.NUMERIC, formula.getCell(4).getCellType());
            assertEquals(0.0, formula.getCell(4).getNumericCellValue());
            assertEquals("Chưa kiểm tra", formula.getCell(2).getStringCellValue());
            assertEquals(CellType.STRING, row(sheet, "-1+2").getCell(1).getCellType());
            for (Row r : sheet) {
                for (Cell c : r) {
                    assertTrue(c.getCellType() != CellType.FORMULA, "a formula cell at " + c.getAddress());
                }
            }
        }
        // the December report too, chosen by the Accept header
        byte[] ministry = given().auth().oauth2(admin(P)).queryParam("year", YEAR).accept(XLSX)
                .get("/api/v1/reports/ministry-report").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ministry))) {
            Row r = row(wb.getSheetAt(0), FORMULA);
            assertEquals("Không", r.getCell(2).getStringCellValue());
            assertEquals(CellType.NUMERIC, r.getCell(8).getCellType());
        }
    }

    private static byte[] summary;

    /** The province summary as .docx, fetched once for this class. */
    static synchronized XWPFDocument summary() throws IOException {
        if (summary == null) {
            summary = given().auth().oauth2(admin(P)).queryParam("year", YEAR).accept(DOCX)
                    .get("/api/v1/reports/province-summary").then().statusCode(200).contentType(DOCX)
                    .header("Content-Disposition", containsString(".docx")).extract().asByteArray();
        }
        return new XWPFDocument(new ByteArrayInputStream(summary));
    }

    /** Today as an administrative document dates itself: "Ninh Thuận, ngày 05 tháng 12 năm 2026". */
    static String dated() {
        LocalDate today = LocalDate.now(VIETNAM);
        return "Ninh Thuận, ngày " + (today.getDayOfMonth() < 10 ? "0" : "") + today.getDayOfMonth() + " tháng "
                + (today.getMonthValue() < 3 ? "0" : "") + today.getMonthValue() + " năm " + today.getYear();
    }

    @Test
    void theIssuingBodyAndTheNationalMottoStandSideBySide() throws IOException {
        try (XWPFDocument doc = summary()) {
            List<XWPFTable> tables = doc.getTables();
            assertEquals(3, tables.size());
            XWPFTableRow head = tables.get(0).getRow(0);
            assertEquals(List.of("UBND TỈNH NINH THUẬN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số:        /BC-SKHCN"), texts(head.getCell(0)));
            assertEquals(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", dated()), texts(head.getCell(1)));
            assertTrue(head.getCell(1).getParagraphs().get(2).getRuns().get(0).isItalic());
            assertTrue(head.getCell(1).getParagraphs().get(0).getRuns().get(0).isBold());
        }
    }

    @Test
    void theTitleAndBodyNameTheYearTheAgenciesAndTheDateOfTheFigures() throws IOException {
        try (XWPFDocument doc = summary()) {
            List<String> body = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(body.contains("BÁO CÁO"), body::toString);
            assertTrue(body.stream().anyMatch(t -> t.startsWith("Tổng hợp kết quả kiểm tra") && t.endsWith("năm " + YEAR)), body::toString);
            assertTrue(body.stream().anyMatch(t -> t.startsWith("1. Số cơ quan thuộc phạm vi báo cáo: ")), body::toString);
            assertTrue(body.contains("3. Kết quả chi tiết của từng cơ quan (số liệu đến " + dated().substring("Ninh Thuận, ".length())
                    + ") tại bảng dưới đây:"), body::toString);
        }
    }

    @Test
    void thePerAgencyTableHasARowPerAgencyNamedExactlyAsRegistered() throws IOException {
        try (XWPFDocument doc = summary()) {
            XWPFTable agencies = doc.getTables().get(1);
            assertEquals(List.of("TT", "Mã cơ quan", "Tên cơ quan"), agencies.getRow(0).getTableCells().subList(0, 3).stream()
                    .map(XWPFTableCell::getText).toList());
            List<String> names = agencies.getRows().stream().skip(1).map(r -> r.getCell(2).getText()).toList();
            assertTrue(names.contains(FORMULA) && names.contains("-1+2"), names::toString);
            assertEquals("1", agencies.getRow(1).getCell(0).getText());
        }
    }

    @Test
    void theRecipientsAndTheSignerCloseIt() throws IOException {
        try (XWPFDocument doc = summary()) {
            XWPFTableRow sign = doc.getTables().get(2).getRow(0);
            assertEquals("Nơi nhận:", sign.getCell(0).getParagraphs().get(0).getText());
            assertTrue(texts(sign.getCell(0)).contains("- Bộ Khoa học và Công nghệ (để báo cáo);"));
            assertEquals("GIÁM ĐỐC", sign.getCell(1).getParagraphs().get(0).getText());
        }
    }

    @Test
    void itIsSetInTimesNewRomanFrom11To14PointTheBody13OnA4() throws IOException {
        try (XWPFDocument doc = summary()) {
            List<XWPFRun> runs = new ArrayList<>();
            doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
            assertFalse(runs.isEmpty());
            for (XWPFRun r : runs) {
                assertEquals("Times New Roman", r.getFontFamily(), r.text());
                assertTrue(r.getFontSizeAsDouble() >= 11 && r.getFontSizeAsDouble() <= 14, r.text());
            }
            XWPFParagraph first = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("1. Số cơ quan")).findFirst().orElseThrow();
            assertEquals(13.0, first.getRuns().get(0).getFontSizeAsDouble());
            assertEquals("11906", doc.getDocument().getBody().getSectPr().getPgSz().getW().toString());
        }
    }

    @Test
    void theMinistryReportIsADocumentToo() throws IOException {
        byte[] ministry = given().auth().oauth2(admin(P)).queryParam("year", YEAR).queryParam("format", "docx")
                .get("/api/v1/reports/ministry-report").then().statusCode(200).contentType(DOCX).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ministry))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("Tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng"), text);
            assertEquals("Đã công bố HTQLCL", doc.getTables().get(1).getRow(0).getCell(3).getText());
        }
    }

    @Test
    void anUnknownFormatIsRefused() {
        given().auth().oauth2(admin(P)).queryParam("year", YEAR).queryParam("format", "pdf").get("/api/v1/reports/province-summary")
                .then().spec(problem(400));
        given().auth().oauth2(admin(P)).queryParam("year", YEAR).accept("application/pdf").get("/api/v1/reports/ministry-report")
                .then().statusCode(406);
        // outside the province: refused whatever the form
        given().auth().oauth2(admin("58")).queryParam("year", YEAR).queryParam("provinceCode", P).queryParam("format", "docx")
                .get("/api/v1/reports/province-summary").then().statusCode(403);
    }

    private static Row row(Sheet sheet, String name) {
        for (Row r : sheet) {
            Cell c = r.getCell(1);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + name);
    }

    private static List<String> texts(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }
}
