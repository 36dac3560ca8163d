package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Files attached to a version: stored with their SHA-256 and given back byte for byte; wrong, empty or over-large files
 * refused, and files whose content is not what their declared type says.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AttachmentTests {


    @Test
    void aSignedPdfGoesInAndComesBackTheSame() throws Exception {
        String agency = ReviewTaskTests.agency("24", "Sở Nông nghiệp tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        byte[] pdf = "%PDF-1.7 quy trình đã ký số".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        String path = given().auth().oauth2(officer).contentType("application/pdf").queryParam("fileName", "Quy trình đã ký.pdf")
                .body(pdf).post("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(201)
                .body("sha256", equalTo(sha)).body("size", equalTo(pdf.length)).body("fileName", equalTo("Quy trình đã ký.pdf"))
                .extract().header("Location");
        given().auth().oauth2(officer).get("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].contentType", equalTo("application/pdf"));
        byte[] back = given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).get(path).then().statusCode(200)
                .contentType("application/pdf").header("ETag", containsString(sha))
                .header("Content-Disposition", containsString("UTF-8''Quy%20tr")).extract().asByteArray();
        assertArrayEquals(pdf, back);

        given().auth().oauth2(officer).contentType("text/html").body("<script>alert(1)</script>")
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().spec(problem(415));
        given().auth().oauth2(officer).contentType("application/pdf").body(new byte[0])
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().spec(problem(400));
        given().auth().oauth2(officer).contentType("application/pdf").body(new byte[25 * 1024 * 1024 + 1])
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().spec(problem(413));
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).contentType("application/pdf").body(pdf)
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), "24"))
                .get(path).then().spec(problem(403));
        given().auth().oauth2(officer).get("/api/v1/documents/{id}/versions/1/attachments/{a}", doc, UUID.randomUUID())
                .then().spec(problem(404));
    }

    @Test
    void contentThatDisagreesWithItsDeclaredTypeIsRefused() throws Exception {
        String agency = ReviewTaskTests.agency("24", "Sở Tư pháp tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        byte[] page = "<html><script>alert('ky so')</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.7\nbiểu mẫu".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        byte[] docx = zip("word/document.xml", "[Content_Types].xml");
        byte[] xlsx = zip("xl/workbook.xml", "[Content_Types].xml");
        String xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        String docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

        refusedAsMismatch(officer, doc, "application/pdf", page, "text/html");
        refusedAsMismatch(officer, doc, "image/png", pdf, "application/pdf");
        refusedAsMismatch(officer, doc, "image/jpeg", png, "image/png");
        refusedAsMismatch(officer, doc, xlsxType, docx, "application/");
        refusedAsMismatch(officer, doc, docxType, xlsx, "application/");

        for (Object[] ok : new Object[][] {{"image/png", png}, {docxType, docx}, {xlsxType, xlsx}}) {
            String path = given().auth().oauth2(officer).contentType((String) ok[0]).body((byte[]) ok[1])
                    .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(201).extract().header("Location");
            byte[] back = given().auth().oauth2(officer).get(path).then().statusCode(200).contentType((String) ok[0])
                    .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
            assertArrayEquals((byte[]) ok[1], back);
        }
    }

    private static void refusedAsMismatch(String token, String doc, String declared, byte[] body, String detectedPrefix) {
        JsonPath problem = given().auth().oauth2(token).contentType(declared).body(body)
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().spec(problem(422))
                .extract().jsonPath();
        assertTrue(problem.getString("type").endsWith("/content-type-mismatch"), problem.getString("type"));
        assertEquals(declared, problem.getString("declared"));
        assertTrue(problem.getString("detected").startsWith(detectedPrefix), problem.getString("detected"));
    }

    /** A zip with the named (empty) parts: the skeleton of a Word or Excel 2007+ file. */
    static byte[] zip(String... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String part : parts) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
