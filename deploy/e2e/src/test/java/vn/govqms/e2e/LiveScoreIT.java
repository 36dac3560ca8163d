package vn.govqms.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;
import vn.govqms.local.VietnamTime;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A procedure review that goes overdue in document-service lowers the agency's live score in
 * scoring-service: the legal change took effect long ago, so its review task is past due when created,
 * document-service's overdue check publishes procedure-review.overdue, and scoring-service deducts it.
 */
class LiveScoreIT {

    /** 1.1 announced (20, all or nothing), 1.2 manual (30), 2.1 reviews overdue (20, minus 5 each), 2.2 actions overdue (30, minus 10 each). */
    static final String SET = """
                {"provinceCode":"%s","name":"Bộ tiêu chí đánh giá HTQLCL tỉnh %s","appliesFromYear":2020,
                 "groups":[{"code":"1","name":"Xây dựng và công bố HTQLCL","criteria":[
                   {"code":"1.1","text":"Công bố HTQLCL phù hợp TCVN ISO 9001:2015","maxPoints":20,"method":"AUTOMATIC","indicator":"QMS_ANNOUNCED","rule":"ALL_OR_NOTHING"},
                   {"code":"1.2","text":"Sổ tay chất lượng, chính sách và mục tiêu chất lượng","maxPoints":30,"method":"MANUAL"}]},
                  {"code":"2","name":"Duy trì, cải tiến HTQLCL","criteria":[
                   {"code":"2.1","text":"Rà soát quy trình ISO khi VBQPPL thay đổi","maxPoints":20,"method":"AUTOMATIC",
                    "indicator":"PROCEDURE_REVIEWS_OVERDUE","rule":"DEDUCTION_PER_ITEM","pointsPerItem":5},
                   {"code":"2.2","text":"Khắc phục điểm không phù hợp đúng hạn","maxPoints":30,"method":"AUTOMATIC",
                    "indicator":"CORRECTIVE_ACTIONS_OVERDUE","rule":"DEDUCTION_PER_ITEM","pointsPerItem":10}]}]}""";

    static RequestSpecification scoring(LocalStack stack, String token) {
        return given().baseUri(stack.service("scoring-service").baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void anOverdueProcedureReviewLowersTheLiveScore() {
        LocalStack stack = E2eStack.get();
        String province = "45";
        String admin = AgencyPropagationIT.adminToken(stack, province);
        String agency = AgencyPropagationIT.register(stack, admin, province, "Sở Tư pháp tỉnh Quảng Trị");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scoring(stack, admin).get("/api/v1/agencies/{id}", agency)
                .then().statusCode(200));

        String set = scoring(stack, admin).body(SET.formatted(province, "Quảng Trị"))
                .post("/api/v1/criteria-sets").then().statusCode(201).extract().path("id");
        scoring(stack, admin).post("/api/v1/criteria-sets/{id}/activation", set).then().statusCode(200);
        scoring(stack, admin).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200)
                .body("score", equalTo(50.0f)).body("band", equalTo("WEAK")); // "trên 50": 50.00 itself is Yếu

        String decree = LegalChangeIT.as(stack, "national-admin", null, null).body("""
                {"number":"82/2016/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về thủ tục chứng thực hợp đồng, giao dịch",
                 "issuedDate":"2016-03-01","effectiveDate":"2016-05-01"}""").post("/api/v1/legal-documents").then().statusCode(201)
                .extract().path("id");
        LegalChangeIT.issuedProcedure(stack, agency, province, decree);
        // amended with effect from 2025-03-01: the review was due 2025-06-01, long past
        LegalChangeIT.as(stack, "national-admin", null, null).body("""
                {"number":"19/2025/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi, bổ sung Nghị định 82/2016/NĐ-CP",
                 "issuedDate":"2025-01-20","effectiveDate":"2025-03-01",
                 "relations":[{"kind":"AMENDS","targetNumber":"82/2016/NĐ-CP","articles":"Điều 5"}]}""")
                .post("/api/v1/legal-documents").then().statusCode(201);

        long t0 = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                scoring(stack, admin).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200)
                        .body("score", equalTo(45.0f)).body("criteria.find { it.code == '2.1' }.points", equalTo(15.0f))
                        .body("cause", equalTo("vn.govqms.document.procedure-review.overdue.v1"))
                        .body("movedBy.type", hasItem("vn.govqms.document.procedure-review.overdue.v1")));
        System.out.printf("e2e: the overdue review lowered the live score %.1f s after the amendment%n", (System.nanoTime() - t0) / 1e9);
        scoring(stack, admin).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value", equalTo(1));
    }

    @Test
    void anOverdueCorrectiveActionLowersTheLiveScore() {
        LocalStack stack = E2eStack.get();
        String province = "46";
        String admin = AgencyPropagationIT.adminToken(stack, province);
        String agency = AgencyPropagationIT.register(stack, admin, province, "UBND xã Triệu Phong");
        String dost = AgencyPropagationIT.register(stack, admin, province, "Sở Khoa học và Công nghệ tỉnh Quảng Trị");
        for (String id : List.of(agency, dost)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                scoring(stack, admin).get("/api/v1/agencies/{id}", id).then().statusCode(200);
                InspectionOverdueIT.audit(stack, "province-admin", null, province).get("/api/v1/agencies/{id}", id).then().statusCode(200);
            });
        }
        String set = scoring(stack, admin).body(SET.formatted(province, "Quảng Trị")).post("/api/v1/criteria-sets").then().statusCode(201)
                .extract().path("id");
        scoring(stack, admin).post("/api/v1/criteria-sets/{id}/activation", set).then().statusCode(200);
        scoring(stack, admin).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200).body("score", equalTo(50.0f));

        String inspection = InspectionOverdueIT.audit(stack, "province-admin", null, province).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"ON_SITE","title":"Kiểm tra việc áp dụng HTQLCL năm 2026",
                 "plannedStart":"2026-11-08","plannedEnd":"2026-11-10",
                 "team":[{"subject":"auditor-%s","fullName":"Phạm Thị Lan","agencyId":"%s","unit":"Chi cục TĐC","role":"LEAD"}]}"""
                .formatted(agency, dost, dost)).post("/api/v1/audits").then().statusCode(201).extract().path("id");
        InspectionOverdueIT.audit(stack, "auditor", dost, province).post("/api/v1/audits/{id}/start", inspection).then().statusCode(200);
        String finding = InspectionOverdueIT.audit(stack, "auditor", dost, province).body("""
                {"clause":"10.2","kind":"MAJOR_NONCONFORMITY","description":"Không thực hiện hành động khắc phục sau đánh giá nội bộ"}""")
                .post("/api/v1/audits/{id}/findings", inspection).then().statusCode(201).extract().path("id");
        long t0 = System.nanoTime();
        InspectionOverdueIT.audit(stack, "iso-officer", agency, province).body("""
                {"findingId":"%s","title":"Lập và thực hiện kế hoạch khắc phục","rootCause":"Chưa phân công người theo dõi",
                 "action":"Phân công cán bộ ISO theo dõi; báo cáo hằng tháng","owner":"iso-officer-%s","dueDate":"%s"}"""
                .formatted(finding, agency, VietnamTime.today().minusDays(16))).post("/api/v1/corrective-actions").then().statusCode(201);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                scoring(stack, admin).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200)
                        .body("score", equalTo(40.0f)).body("criteria.find { it.code == '2.2' }.points", equalTo(20.0f))
                        .body("movedBy.type", hasItem("vn.govqms.audit.corrective-action.overdue.v1")));
        System.out.printf("e2e: the overdue corrective action lowered the live score %.1f s after it was recorded%n", (System.nanoTime() - t0) / 1e9);
        scoring(stack, admin).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                .body("indicators.find { it.code == 'CORRECTIVE_ACTIONS_OVERDUE' }.value", equalTo(1))
                .body("indicators.find { it.code == 'OPEN_MAJOR_NONCONFORMITIES' }.value", equalTo(1));
    }
}
