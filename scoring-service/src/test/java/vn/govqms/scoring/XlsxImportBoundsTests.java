package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Issue 17: an imported workbook is bounded by what it inflates to (govqms.xlsx-import.max-inflated-size, 20 MB) and by
 * its rows (max-rows, 5000), not only by its size on the wire.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class XlsxImportBoundsTests {

    @Test
    void aWorkbookThatInflatesPastTheLimitIsRefusedWith413() throws Exception {
        String p = Fixtures.province();
        String id = CriteriaSets.activeSet(p, 2022);
        byte[] file = given().auth().oauth2(TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), p))
                .get("/api/v1/criteria-sets/{id}/export", id).then().statusCode(200).extract().asByteArray();
        byte[] bomb = withPadding(file, 25 * 1024 * 1024);
        assertTrue(bomb.length < 200 * 1024, "a zip bomb is small on the wire: " + bomb.length);

        JsonPath problem = importing(p, bomb, 413);
        assertTrue(problem.getString("type").endsWith("/workbook-too-large"), problem.getString("type"));
        assertEquals(20 * 1024 * 1024, problem.getLong("maxInflatedSize"));
        // the same workbook without the padding goes in
        given().auth().oauth2(admin(p)).contentType(XlsxTests.XLSX).queryParam("provinceCode", p)
                .queryParam("name", "Bộ tiêu chí nhập lại").queryParam("appliesFromYear", 2027).body(file)
                .post("/api/v1/criteria-sets/import").then().statusCode(201);
    }

    @Test
    void aSheetOfMoreRowsThanTheLimitIsRefusedWith422() throws Exception {
        String p = Fixtures.province();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "GovQMS", "1.0");
        Worksheet ws = wb.newWorksheet("Tiêu chí");
        ws.value(0, 0, "Nhóm");
        for (int r = 1; r <= 5001; r++) {
            ws.value(r, 0, "G1");
            ws.value(r, 2, "TC" + r);
        }
        wb.finish();

        JsonPath problem = importing(p, out.toByteArray(), 422);
        assertTrue(problem.getString("type").endsWith("/too-many-rows"), problem.getString("type"));
        assertEquals(5000, problem.getInt("maxRows"));
        assertEquals("Tiêu chí", problem.getString("sheet"));
    }

    private static JsonPath importing(String province, byte[] body, int status) {
        return given().auth().oauth2(admin(province)).contentType(XlsxTests.XLSX).queryParam("provinceCode", province)
                .queryParam("name", "Bộ tiêu chí bom nén").queryParam("appliesFromYear", 2027).body(body)
                .post("/api/v1/criteria-sets/import").then().spec(problem(status))
                .extract().jsonPath();
    }

    /** The workbook's parts as they are, plus one part of zeros that deflates to almost nothing. */
    private static byte[] withPadding(byte[] xlsx, int zeros) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                try (var part = in.getInputStream(e)) {
                    part.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < zeros / chunk.length; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
