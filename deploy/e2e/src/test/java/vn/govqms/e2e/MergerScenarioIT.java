package vn.govqms.e2e;

import org.junit.jupiter.api.Test;
import vn.govqms.local.VietnamTime;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Scenario 3: the Sở Kế hoạch và Đầu tư merges into the Sở Tài chính (as on 1 March 2025) → its documents and their
 * history are the successor's → the successor must re-announce its QMS → its head and ISO officer are told →
 * scoring-service ranks the successor alone.
 */
class MergerScenarioIT {

    @Test
    void aMergerMovesDocumentsAndHistoryAndAsksTheSuccessorToReannounce() {
        Api api = Api.get();
        String p = "56";
        String admin = api.token("province-admin", null, p);
        String planning = api.agency(p, "Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa", "DEPARTMENT");
        String finance = api.agency(p, "Sở Tài chính tỉnh Khánh Hòa", "DEPARTMENT");
        api.activeCriteriaSet(p, "Khánh Hòa");
        api.contact(finance, p, "HEAD", "agency-head", "Phạm Minh Tuấn", "giamdoc@stc.khanhhoa.gov.vn");
        api.contact(finance, p, "ISO_OFFICER", "iso-officer", "Đỗ Thị Lan", "iso@stc.khanhhoa.gov.vn");
        String law = api.legalDocument(p, """
                {"number":"31/2021/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư",
                 "issuedDate":"2021-03-26","effectiveDate":"2021-03-26"}""");
        String procedure = api.issuedProcedure(planning, p, "QT-DT-01",
                "Quy trình cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", law);

        long t0 = System.nanoTime();
        api.document(admin).body("""
                {"sourceAgencyIds":["%s"],"successorId":"%s","effectiveDate":"2025-03-01"}""".formatted(planning, finance))
                .post("/api/v1/agencies/merges").then().statusCode(200)
                .body("movedDocuments", equalTo(1)).body("successor.reannouncementRequired", equalTo(true));

        // document-service: the procedure, its history and the lineage are the successor's
        String officer = api.token("iso-officer", finance, p);
        api.document(officer).queryParam("agencyId", finance).get("/api/v1/documents").then().statusCode(200)
                .body("items.code", hasItem("QT-DT-01"));
        api.document(officer).queryParam("resourceType", "document").queryParam("resourceId", procedure).get("/api/v1/audit-trail")
                .then().statusCode(200).body("items.action", hasItem("issue revision 1"));
        api.document(officer).get("/api/v1/agencies/{id}/lineage", finance).then().statusCode(200)
                .body("predecessors.agencyId", hasItem(planning));
        api.document(admin).get("/api/v1/agencies/{id}", planning).then().statusCode(200).body("validTo", equalTo("2025-02-28"));
        // the ended department's officials no longer reach the procedure
        api.document(api.token("iso-officer", planning, p)).get("/api/v1/documents/{id}", procedure).then().statusCode(403);

        // notification-service: the successor's head and ISO officer are asked to re-announce, in the inbox and by e-mail
        for (String role : new String[] {"agency-head", "iso-officer"}) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.notification(api.token(role, finance, p))
                    .queryParam("kind", "qms.reannouncement-required").get("/api/v1/notifications").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].agencyId", equalTo(finance)).body("items[0].urgency", equalTo("HIGH")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.stack().mail().messagesTo("giamdoc@stc.khanhhoa.gov.vn").isEmpty());
        System.out.printf("e2e scenario 3: the successor's head told to re-announce %.1f s after the merger%n", (System.nanoTime() - t0) / 1e9);

        // scoring-service: the successor is ranked, the ended department is not
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.scoring(admin).queryParam("year", VietnamTime.today().getYear())
                .queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200)
                .body("items.agencyId", hasItem(finance)).body("items.agencyId", not(hasItem(planning))));
    }
}
