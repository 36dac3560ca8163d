package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.local.testing.Problems.problem;

/** The TTHC catalogue: processing times, legal bases, amendment and abolition announced. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AdministrativeProcedureTests {


    static String code() {
        return String.format("1.%06d.000.00.00.H24", (int) (Math.random() * 999_999));
    }

    /** A national decision, registered by national-admin. */
    static String legalBasis() {
        String number = (int) (Math.random() * 900_000 + 1000) + "/2019/QĐ-BKHCN";
        return given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body("""
                {"number":"%s","type":"DECISION","issuer":"Bộ Khoa học và Công nghệ","title":"Mô hình khung HTQLCL",
                 "issuedDate":"2019-01-21","effectiveDate":"2019-01-21"}""".formatted(number))
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
    }

    static String publish(String code, String basis) {
        return given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Thủ tục cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
                 "field":"Hoạt động khoa học và công nghệ","level":"PROVINCIAL","processingDays":15,
                 "legalBasisIds":["%s"],"publishedByDecision":"1234/QĐ-UBND","provinceCode":"24"}""".formatted(code, basis))
                .post("/api/v1/administrative-procedures").then().statusCode(201)
                .body("status", equalTo("IN_FORCE")).body("processingDays", equalTo(15))
                .body("nationalCode", equalTo(code.substring(0, 8))).body("legalBasisIds", hasItem(basis))
                .extract().path("id");
    }

    @Test
    void amendingAndAbolishingAreAnnounced() {
        String basis = legalBasis();
        String id = publish(code(), basis);
        String admin = TestTokens.provinceAdmin("24");
        String amendment = """
                {"name":"Thủ tục cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ","field":"Hoạt động khoa học và công nghệ",
                 "level":"PROVINCIAL","processingDays":10,"legalBasisIds":["%s"],"effectiveDate":"2025-07-01",
                 "reason":"Rút ngắn thời hạn giải quyết"}""".formatted(basis);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(amendment)
                .put("/api/v1/administrative-procedures/{id}", id).then().statusCode(200)
                .body("status", equalTo("AMENDED")).body("processingDays", equalTo(10)).body("changedAt", equalTo("2025-07-01"));
        assertFalse(TestKafka.await("document.events", r -> id.equals(r.key())
                && r.value().contains("\"changeKind\":\"AMENDED\""), Duration.ofSeconds(20)).isEmpty());
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2026-01-01\",\"reason\":\"Bãi bỏ theo quyết định công bố\"}")
                .post("/api/v1/administrative-procedures/{id}/abolition", id).then().statusCode(200).body("status", equalTo("ABOLISHED"));
        assertFalse(TestKafka.await("document.events", r -> id.equals(r.key())
                && r.value().contains("\"changeKind\":\"ABOLISHED\""), Duration.ofSeconds(20)).isEmpty());
        // an abolished procedure is not amended or abolished again
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(amendment)
                .put("/api/v1/administrative-procedures/{id}", id).then().spec(problem(409, "invalid-transition"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2026-01-01\",\"reason\":\"lần nữa\"}")
                .post("/api/v1/administrative-procedures/{id}/abolition", id).then().spec(problem(409));
        given().auth().oauth2(TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), "24"))
                .queryParam("status", "ABOLISHED").queryParam("size", 200).get("/api/v1/administrative-procedures")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void searchIgnoresDiacritics() {
        String code = code();
        publish(code, legalBasis());
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("q", "dang ky hoat dong khoa hoc").queryParam("size", 200)
                .get("/api/v1/administrative-procedures").then().statusCode(200).body("items.code", hasItem(code));
    }

    @Test
    void refusals() {
        String admin = TestTokens.provinceAdmin("24");
        String body = """
                {"code":"%s","name":"Thủ tục A","field":"Lĩnh vực B","level":"COMMUNE","processingDays":5,"provinceCode":"24"}""";
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), "24")).contentType(ContentType.JSON)
                .body(body.formatted(code())).post("/api/v1/administrative-procedures").then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON)
                .body(body.formatted(code())).post("/api/v1/administrative-procedures").then().statusCode(403);
        String code = code();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.formatted(code))
                .post("/api/v1/administrative-procedures").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.formatted(code))
                .post("/api/v1/administrative-procedures").then().spec(problem(409));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.formatted("1.1612"))
                .post("/api/v1/administrative-procedures").then().spec(problem(400)).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.formatted(code()).replace("\"processingDays\":5", "\"processingDays\":0"))
                .post("/api/v1/administrative-procedures").then().statusCode(400).body("errors[0].field", equalTo("processingDays"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.formatted(code()).replace("\"processingDays\":5", "\"processingDays\":99999999999"))
                .post("/api/v1/administrative-procedures").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.formatted(code()).replace("\"processingDays\":5", "\"processingDays\":\"5\""))
                .post("/api/v1/administrative-procedures").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.formatted(code()).replace("}", ",\"legalBasisIds\":[\"" + UUID.randomUUID() + "\"]}"))
                .post("/api/v1/administrative-procedures").then().spec(problem(422));
        given().auth().oauth2(admin).get("/api/v1/administrative-procedures/{id}", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(admin).queryParam("status", "GONE").get("/api/v1/administrative-procedures").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"effectiveDate\":\"2026-01-01\"}")
                .post("/api/v1/administrative-procedures/{id}/abolition", UUID.randomUUID()).then().spec(problem(400));
    }
}
