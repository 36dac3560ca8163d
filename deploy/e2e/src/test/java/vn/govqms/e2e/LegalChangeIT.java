package vn.govqms.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decree amendment creates review tasks in the agencies of two provinces whose procedures cite it, and each agency is told
 * once: one notice listing its tasks, one e-mail.
 */
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
    void aDecreeAmendmentCreatesReviewTasksInAgenciesOfTwoProvincesToldOncePerAgency() {
        LocalStack stack = E2eStack.get();
        Api api = Api.get();
        String hungYen = AgencyPropagationIT.register(stack, AgencyPropagationIT.adminToken(stack, "33"), "33", "Sở Tư pháp tỉnh Hưng Yên");
        String haNam = AgencyPropagationIT.register(stack, AgencyPropagationIT.adminToken(stack, "35"), "35", "Sở Tư pháp tỉnh Hà Nam");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.notification(api.token("province-admin", null, "33"))
                .get("/api/v1/agencies/{id}", hungYen).then().statusCode(200));
        api.contact(hungYen, "33", "ISO_OFFICER", "iso-officer", "Đỗ Thị Thu", "iso@sotuphap.hungyen.gov.vn");
        String decree = as(stack, "national-admin", null, null).body("""
                {"number":"23/2015/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính",
                 "issuedDate":"2015-02-16","effectiveDate":"2015-04-10"}""").post("/api/v1/legal-documents").then().statusCode(201)
                .extract().path("id");
        issuedProcedure(stack, hungYen, "33", decree);
        api.issuedProcedure(hungYen, "33", "QT-TP-02", "Quy trình chứng thực chữ ký", decree);
        issuedProcedure(stack, haNam, "35", decree);
        as(stack, "national-admin", null, null).body("""
                {"number":"07/2025/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi, bổ sung Nghị định 23/2015/NĐ-CP",
                 "issuedDate":"2025-01-09","effectiveDate":"2025-03-01",
                 "relations":[{"kind":"AMENDS","targetNumber":"23/2015/NĐ-CP","articles":"Điều 20, Điều 31"}]}""")
                .post("/api/v1/legal-documents").then().statusCode(201);
        as(stack, "iso-officer", haNam, "35").queryParam("causeId", decree).get("/api/v1/review-tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].agencyId", equalTo(haNam))
                .body("items[0].dueDate", equalTo("2025-06-01"))
                .body("items[0].causeSummary", containsString("07/2025/NĐ-CP"));
        List<String> tasks = as(stack, "iso-officer", hungYen, "33").queryParam("causeId", decree).get("/api/v1/review-tasks").then()
                .statusCode(200).body("total", equalTo(2)).body("items.agencyId", everyItem(equalTo(hungYen)))
                .body("items.dueDate", everyItem(equalTo("2025-06-01"))).extract().path("items.id");

        // notification-service: the two procedures of Hưng Yên are one notice to its ISO officer, listing both tasks
        String officer = api.token("iso-officer", hungYen, "33");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.notification(officer)
                .queryParam("kind", "procedure-review.required").get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].notice.taskCount", equalTo(2)));
        var notice = api.notification(officer).queryParam("kind", "procedure-review.required").get("/api/v1/notifications").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(Set.copyOf(tasks), Set.copyOf(notice.getList("items[0].notice.tasks.taskId", String.class)));
        assertEquals(List.of("QT-TP-01", "QT-TP-02"), notice.getList("items[0].notice.tasks.documentCode", String.class));
        assertEquals("/api/v1/review-tasks?agencyId=" + hungYen + "&causeId=" + decree, notice.getString("items[0].link"));
        assertTrue(notice.getString("items[0].text.title").endsWith(": 2 quy trình cần rà soát trước 01/06/2025"),
                notice.getString("items[0].text.title"));
        // one e-mail asks for both reviews (the reviews were due in 2025: their overdue notice is another, also one for both)
        await().atMost(Duration.ofSeconds(60)).until(() -> asked(stack) > 0);
        assertEquals(1, asked(stack));
    }

    private static long asked(LocalStack stack) {
        return stack.mail().messagesTo("iso@sotuphap.hungyen.gov.vn").stream().filter(m -> m.subject().contains("cần rà soát trước")).count();
    }
}
