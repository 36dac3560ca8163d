package vn.govqms.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A decree amendment creates review tasks in the agencies of two provinces whose procedures cite it. */
class LegalChangeIT {

    static RequestSpecification as(LocalStack stack, String role, String agency, String province) {
        return given().baseUri(stack.service("document-service").baseUrl())
                .auth().oauth2(stack.keys().token(role + "@" + (agency != null ? agency : province != null ? province : "national"), role, agency, province,
                        Duration.ofHours(1)))
                .contentType(ContentType.JSON);
    }

    static String issuedProcedure(LocalStack stack, String agency, String province, String legalBasis) {
        String id = as(stack, "iso-officer", agency, province).body("""
                {"agencyId":"%s","code":"QT-TP-01","title":"Quy trình chứng thực bản sao từ bản chính","type":"OPERATIONAL_PROCEDURE",
                 "content":{"legalBasisIds":["%s"],"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(agency, legalBasis)).post("/api/v1/documents").then().statusCode(201).extract().path("id");
        as(stack, "iso-officer", agency, province).post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
        as(stack, "agency-head", agency, province).post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200);
        as(stack, "agency-head", agency, province).body("{}").post("/api/v1/documents/{id}/versions/1/issue", id).then().statusCode(200);
        return id;
    }

    @Test
    void aDecreeAmendmentCreatesReviewTasksInAgenciesOfTwoProvinces() {
        LocalStack stack = E2eStack.get();
        String hungYen = AgencyPropagationIT.register(stack, AgencyPropagationIT.adminToken(stack, "33"), "33", "Sở Tư pháp tỉnh Hưng Yên");
        String haNam = AgencyPropagationIT.register(stack, AgencyPropagationIT.adminToken(stack, "35"), "35", "Sở Tư pháp tỉnh Hà Nam");
        String decree = as(stack, "national-admin", null, null).body("""
                {"number":"23/2015/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính",
                 "issuedDate":"2015-02-16","effectiveDate":"2015-04-10"}""").post("/api/v1/legal-documents").then().statusCode(201)
                .extract().path("id");
        issuedProcedure(stack, hungYen, "33", decree);
        issuedProcedure(stack, haNam, "35", decree);
        as(stack, "national-admin", null, null).body("""
                {"number":"07/2025/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi, bổ sung Nghị định 23/2015/NĐ-CP",
                 "issuedDate":"2025-01-09","effectiveDate":"2025-03-01",
                 "relations":[{"kind":"AMENDS","targetNumber":"23/2015/NĐ-CP","articles":"Điều 20, Điều 31"}]}""")
                .post("/api/v1/legal-documents").then().statusCode(201);
        for (String[] p : new String[][] {{hungYen, "33"}, {haNam, "35"}}) {
            as(stack, "iso-officer", p[0], p[1]).queryParam("causeId", decree).get("/api/v1/review-tasks").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].agencyId", equalTo(p[0]))
                    .body("items[0].dueDate", equalTo("2025-06-01"))
                    .body("items[0].causeSummary", containsString("07/2025/NĐ-CP"));
        }
    }
}
