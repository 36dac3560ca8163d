package vn.govqms.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.VietnamTime;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decree is replaced while an agency's revision of a procedure citing it sits approved but not issued, and the
 * replacement's effective date is then corrected: the review task appears for the pending revision, its due date follows
 * the correction, issuing the revision unchanged is refused, and issuing it citing the replacing decree succeeds and
 * resolves the task.
 */
class LegalChangeInFlightIT {

    @Test
    void aReplacedDecreeStopsTheRevisionWaitingToBeIssuedUntilItCitesTheReplacement() {
        Api api = Api.get();
        String p = "38";
        String agency = api.agency(p, "Sở Tư pháp tỉnh Thanh Hóa", "DEPARTMENT");
        api.contact(agency, p, "ISO_OFFICER", "iso-officer", "Lê Thị Hoa", "iso@sotuphap.thanhhoa.gov.vn");
        String officer = api.token("iso-officer", agency, p);
        String head = api.token("agency-head", agency, p);
        String national = api.token("national-admin", null, null);
        LocalDate today = VietnamTime.today();

        String decree = api.legalDocument(p, """
                {"number":"63/2010/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về kiểm soát thủ tục hành chính",
                 "issuedDate":"2010-06-08","effectiveDate":"2010-10-14"}""");
        String doc = api.issuedProcedure(agency, p, "QT-TP-09", "Quy trình kiểm soát thủ tục hành chính", decree);
        // revision 2 (it copies revision 1's legal bases) is approved, waiting to be issued
        api.document(officer).post("/api/v1/documents/{id}/versions", doc).then().statusCode(201)
                .body("revision", equalTo(2)).body("content.legalBasisIds", equalTo(List.of(decree)));
        api.document(officer).post("/api/v1/documents/{id}/versions/2/submit", doc).then().statusCode(200);
        api.document(head).post("/api/v1/documents/{id}/versions/2/approve", doc).then().statusCode(200);

        // the replacing decree is registered to take effect in 40 days
        LocalDate announced = today.plusDays(40);
        String replacing = api.document(national).body("""
                {"number":"150/2026/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về kiểm soát thủ tục hành chính",
                 "issuedDate":"%s","effectiveDate":"%s","relations":[{"kind":"REPLACES","targetNumber":"63/2010/NĐ-CP"}]}"""
                .formatted(today.minusDays(30), announced)).post("/api/v1/legal-documents").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> task = onlyTask(api, officer, decree);
        assertEquals(doc, task.get("documentId"));
        assertEquals(2, task.get("revision"), "the task is the pending revision's");
        assertEquals("REPLACED", task.get("causeKind"));
        assertEquals(announced.plusMonths(3).toString(), task.get("dueDate"));
        String taskId = (String) task.get("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.notification(officer)
                .queryParam("kind", "procedure-review.required").get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].agencyId", equalTo(agency)));

        // its effective date is corrected: it took effect ten days ago; the review's due date follows
        LocalDate corrected = today.minusDays(10);
        String etag = api.document(national).get("/api/v1/legal-documents/{id}", replacing).then().statusCode(200)
                .extract().header("ETag");
        api.document(national).header("If-Match", etag).body("""
                {"issuer":"Chính phủ","title":"Về kiểm soát thủ tục hành chính","issuedDate":"%s","effectiveDate":"%s"}"""
                .formatted(today.minusDays(30), corrected)).put("/api/v1/legal-documents/{id}", replacing).then().statusCode(200);
        Map<String, Object> moved = onlyTask(api, officer, decree);
        assertEquals(taskId, moved.get("id"), "the same task, not a second one");
        assertEquals(corrected.toString(), moved.get("effectiveDate"));
        assertEquals(corrected.plusMonths(3).toString(), moved.get("dueDate"));
        assertEquals("OPEN", moved.get("status"));

        // issuing revision 2 unchanged: refused, naming the decree and what replaced it
        JsonPath refused = api.document(head).body("{}").post("/api/v1/documents/{id}/versions/2/issue", doc).then()
                .statusCode(422).contentType("application/problem+json").extract().jsonPath();
        assertTrue(refused.getString("type").endsWith("/legal-basis-not-in-force"), refused.prettify());
        assertEquals("63/2010/NĐ-CP", refused.getString("legalBases[0].number"));
        assertEquals("150/2026/NĐ-CP", refused.getString("legalBases[0].byNumber"));
        assertEquals(corrected.toString(), refused.getString("legalBases[0].since"));
        api.document(officer).get("/api/v1/documents/{id}/versions/2", doc).then().statusCode(200).body("status", equalTo("APPROVED"));

        // back to draft, citing the replacing decree, then issued: the review is answered by it
        api.document(head).post("/api/v1/documents/{id}/versions/2/return", doc).then().statusCode(200);
        String versionTag = api.document(officer).get("/api/v1/documents/{id}/versions/2", doc).then().statusCode(200)
                .extract().header("ETag");
        api.document(officer).header("If-Match", versionTag).body("""
                {"content":{"legalBasisIds":["%s"],
                  "steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(replacing)).put("/api/v1/documents/{id}/versions/2", doc).then().statusCode(200);
        api.document(officer).post("/api/v1/documents/{id}/versions/2/submit", doc).then().statusCode(200);
        api.document(head).post("/api/v1/documents/{id}/versions/2/approve", doc).then().statusCode(200);
        String revision2 = api.document(head).body("{}").post("/api/v1/documents/{id}/versions/2/issue", doc).then()
                .statusCode(200).body("status", equalTo("ISSUED")).extract().path("id");
        api.document(officer).get("/api/v1/review-tasks/{id}", taskId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("REVISED"))
                .body("resolvedVersionId", equalTo(revision2));
    }

    private static Map<String, Object> onlyTask(Api api, String token, String causeId) {
        List<Map<String, Object>> items = api.document(token).queryParam("causeId", causeId).get("/api/v1/review-tasks").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
