package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Files attached to a version: stored whole with their SHA-256; wrong, empty or over-large files refused. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AttachmentTests {

    static final String PROBLEM = "application/problem+json";

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
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(officer).contentType("application/pdf").body(new byte[0])
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(officer).contentType("application/pdf").body(new byte[21 * 1024 * 1024])
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).contentType("application/pdf").body(pdf)
                .post("/api/v1/documents/{id}/versions/1/attachments", doc).then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", java.util.UUID.randomUUID().toString(), "24"))
                .get(path).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(officer).get("/api/v1/documents/{id}/versions/1/attachments/{a}", doc, java.util.UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }
}
