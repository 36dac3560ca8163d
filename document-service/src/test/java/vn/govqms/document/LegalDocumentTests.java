package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/** The register of legal documents: relations, status on a date, and legal-document.changed. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class LegalDocumentTests {


    static String unique(String base) {
        // numbers are unique in the register; tests share one database
        int n = (int) (Math.random() * 900_000) + 1000;
        return base.replaceFirst("^\\d+", Integer.toString(n));
    }

    /** A national document, registered by national-admin (the only writer of the national register). */
    static String register(String number, String type, String issued, String effective, String relations) {
        String body = """
                {"number":"%s","type":"%s","issuer":"Thủ tướng Chính phủ","title":"Về việc áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001",
                 "issuedDate":"%s","effectiveDate":"%s","relations":%s}""".formatted(number, type, issued, effective, relations);
        return given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
    }

    @Test
    void statusFollowsDatesAndRelations() {
        String original = unique("19/2014/QĐ-TTg");
        String id = register(original, "DECISION", "2014-03-05", "2014-04-20", "[]");
        String amending = unique("12/2020/QĐ-TTg");
        register(amending, "DECISION", "2020-05-01", "2020-07-01",
                "[{\"kind\":\"AMENDS\",\"targetNumber\":\"" + original + "\",\"articles\":\"Điều 4\"}]");
        String token = TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), "24");
        given().auth().oauth2(token).queryParam("asOf", "2014-01-01").get("/api/v1/legal-documents/{id}", id)
                .then().statusCode(200).body("status", equalTo("NOT_YET_EFFECTIVE")).body("number", equalTo(original));
        given().auth().oauth2(token).queryParam("asOf", "2019-12-31").get("/api/v1/legal-documents/{id}", id)
                .then().statusCode(200).body("status", equalTo("IN_FORCE"));
        given().auth().oauth2(token).queryParam("asOf", "2020-07-01").get("/api/v1/legal-documents/{id}", id)
                .then().statusCode(200).body("status", equalTo("PARTLY_AMENDED"))
                .body("statusLabel", equalTo("Còn hiệu lực, đã được sửa đổi một phần"))
                .body("relations[0].direction", equalTo("INCOMING")).body("relations[0].otherNumber", equalTo(amending))
                .body("relations[0].articles", equalTo("Điều 4"));
        String replacing = unique("24/2018/QĐ-TTg");
        register(replacing, "DECISION", "2021-01-01", "2021-03-01",
                "[{\"kind\":\"REPLACES\",\"targetId\":\"" + id + "\"}]");
        given().auth().oauth2(token).queryParam("asOf", "2021-03-01").get("/api/v1/legal-documents/{id}", id)
                .then().statusCode(200).body("status", equalTo("REPLACED"));
    }

    @Test
    void amendingADocumentPublishesLegalDocumentChanged() {
        String original = unique("26/2014/TT-BKHCN");
        String id = register(original, "CIRCULAR", "2014-10-10", "2014-12-01", "[]");
        String amending = unique("118/2025/NĐ-CP");
        register(amending, "DECREE", "2025-06-07", "2025-07-01",
                "[{\"kind\":\"AMENDS\",\"targetNumber\":\"" + original + "\"}]");
        List<ConsumerRecord<String, String>> found = TestKafka.await("document.events", r -> id.equals(r.key())
                && "vn.govqms.document.legal-document.changed.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        assertFalse(found.isEmpty());
        String data = found.get(0).value();
        assertTrue(data.contains("\"changeKind\":\"AMENDED\""), data);
        assertTrue(data.contains("\"effectiveDate\":\"2025-07-01\""), data);
        assertTrue(data.contains("\"byNumber\":\"" + amending + "\""), data);
    }

    @Test
    void searchFindsTitlesWithoutDiacriticsAndKeepsVietnameseLetters() {
        String number = unique("1113/QĐ-UBND");
        given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON).body("""
                {"number":"%s","type":"DECISION","issuer":"UBND tỉnh Ninh Bình","title":"Phê duyệt Kế hoạch kiểm tra việc áp dụng hệ thống quản lý chất lượng năm 2021",
                 "issuedDate":"2021-10-11","effectiveDate":"2021-10-11","provinceCode":"37"}""".formatted(number))
                .post("/api/v1/legal-documents").then().statusCode(201).body("number", equalTo(number))
                .body("provinceCode", equalTo("37"));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("q", "ke hoach kiem tra").queryParam("size", 200)
                .get("/api/v1/legal-documents").then().statusCode(200).body("items.number", hasItem(number));
        // another province does not see Ninh Bình's own documents
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("q", "ke hoach kiem tra").queryParam("size", 200)
                .get("/api/v1/legal-documents").then().statusCode(200)
                .body("items.number", Matchers.not(hasItem(number)));
    }

    @Test
    void correctionsNeedIfMatchAndAreAnnounced() {
        String number = unique("684/UBND-KSTTHC");
        String id = register(number, "OFFICIAL_LETTER", "2021-03-01", "2021-03-01", "[]");
        String admin = TestTokens.nationalAdmin();
        String change = """
                {"issuer":"Văn phòng Chính phủ","title":"Về việc rà soát thủ tục hành chính","issuedDate":"2021-03-01","effectiveDate":"2021-04-01"}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(change).put("/api/v1/legal-documents/{id}", id)
                .then().spec(problem(428));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/legal-documents/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("effectiveDate", equalTo("2021-04-01"));
        assertFalse(TestKafka.await("document.events", r -> id.equals(r.key())
                && TestKafka.header(r, "ce_type").endsWith("legal-document.changed.v1")
                && r.value().contains("\"changeKind\":\"UPDATED\""), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void refusals() {
        String number = unique("349/KH-UBND");
        String body = """
                {"number":"%s","type":"PLAN","issuer":"UBND huyện Điện Biên","title":"Kế hoạch xây dựng HTQLCL cấp xã",
                 "issuedDate":"2018-03-20","effectiveDate":"2018-03-20","provinceCode":"11"}""".formatted(number);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), "11"))
                .contentType(ContentType.JSON).body(body).post("/api/v1/legal-documents").then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/legal-documents").then().spec(problem(403));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/legal-documents").then().statusCode(401);
        String admin = TestTokens.provinceAdmin("11");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/legal-documents").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/legal-documents")
                .then().spec(problem(409));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body.replace(number, "không có số"))
                .post("/api/v1/legal-documents").then().spec(problem(400)).body("errors[0].field", equalTo("number"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.replace(number, unique("1/2018/KH-UBND")).replace("\"effectiveDate\":\"2018-03-20\"", "\"effectiveDate\":\"2017-01-01\""))
                .post("/api/v1/legal-documents").then().spec(problem(400)).body("detail", containsString("effectiveDate"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.replace(number, unique("2/2018/KH-UBND")).replace("}", ",\"relations\":[{\"kind\":\"REPEALS\",\"targetNumber\":\"9/1999/QĐ-XX\"}]}"))
                .post("/api/v1/legal-documents").then().spec(problem(422)).body("detail", containsString("9/1999/QĐ-XX"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.replace(number, unique("3/2018/KH-UBND")).replace("}", ",\"relations\":[{\"kind\":\"CANCELS\",\"targetNumber\":\"x\"}]}"))
                .post("/api/v1/legal-documents").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.replace(number, unique("4/2018/KH-UBND")).replace("}", ",\"relations\":[{\"kind\":\"AMENDS\"}]}"))
                .post("/api/v1/legal-documents").then().spec(problem(400));
        given().auth().oauth2(admin).get("/api/v1/legal-documents/{id}", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(admin).queryParam("asOf", "hôm qua").get("/api/v1/legal-documents").then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("type", "LETTER").get("/api/v1/legal-documents").then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("scope", "WORLD").get("/api/v1/legal-documents").then().spec(problem(400));
    }
}
