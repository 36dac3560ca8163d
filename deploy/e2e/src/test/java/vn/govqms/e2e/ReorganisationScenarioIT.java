package vn.govqms.e2e;

import org.junit.jupiter.api.Test;
import vn.govqms.local.VietnamTime;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Scenario: the reorganisation of 1 July 2025 as it happened. Hà Giang (02) merges into Tuyên Quang (08), which keeps
 * its code; a department of each province merges into the new province's department, and a district ends with its
 * communes merged into one commune. The successors' people see and work what they inherited (a legal-change review
 * task, a corrective action, a plan item); the predecessors' officials and the ended province's steering committee
 * only read; a legal change after the merger reaches the successor only; the national view counts the merged province
 * once. (The demo, checked by DemoDataIT, records Bắc Giang + Bắc Ninh the same way and keeps the 2014 ranking.)
 * The provinces here are used by no other scenario: a merger is national state that every later test would see.
 */
class ReorganisationScenarioIT {

    static final String TUYEN_QUANG = "08";
    static final String HA_GIANG = "02";

    @Test
    void provincesAgenciesAndADistrictMergeOnTheFirstOfJulyAndTheSuccessorsCarryOn() {
        Api api = Api.get();
        String national = api.token("national-admin", null, null);
        int year = VietnamTime.today().getYear();

        // before the merger: a department of each province, the Hà Giang inspectors' department, a district and two communes
        String hgJustice = api.agency(HA_GIANG, "Sở Tư pháp tỉnh Hà Giang", "DEPARTMENT");
        String hgScience = api.agency(HA_GIANG, "Sở Khoa học và Công nghệ tỉnh Hà Giang", "DEPARTMENT");
        String tqJustice = api.agency(TUYEN_QUANG, "Sở Tư pháp tỉnh Tuyên Quang", "DEPARTMENT");
        String district = api.agency(HA_GIANG, "UBND huyện Vị Xuyên", "DISTRICT");
        String vietLam = api.agency(HA_GIANG, "UBND xã Việt Lâm", "COMMUNE");
        String daoDuc = api.agency(HA_GIANG, "UBND xã Đạo Đức", "COMMUNE");

        // what continues: a procedure under review after a legal change, a corrective action, this year's plan
        String decree = api.legalDocument(HA_GIANG, """
                {"number":"111/2010/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Quy định chi tiết một số điều của Luật Lý lịch tư pháp",
                 "issuedDate":"2010-11-23","effectiveDate":"2011-01-10"}""");
        String procedure = api.issuedProcedure(hgJustice, HA_GIANG, "QT-LLTP-01", "Quy trình cấp Phiếu lý lịch tư pháp", decree);
        api.legalDocument(HA_GIANG, """
                {"number":"%d/2026/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi Nghị định 111/2010/NĐ-CP",
                 "issuedDate":"2026-09-01","effectiveDate":"%s","relations":[{"kind":"AMENDS","targetId":"%s"}]}"""
                .formatted(100 + (int) (Math.random() * 800), VietnamTime.today().minusDays(10), decree));
        String hgAdmin = api.token("province-admin", null, HA_GIANG);
        // a review task names the changed document as its cause
        String task = await().atMost(Duration.ofSeconds(30)).until(() -> api.document(hgAdmin).queryParam("agencyId", hgJustice)
                .queryParam("causeId", decree).get("/api/v1/review-tasks").then().statusCode(200)
                .extract().path("items[0].id"), id -> id != null);

        String correctiveAction = correctiveActionOf(api, hgJustice, hgScience);
        String hgOfficer = api.token("iso-officer", hgJustice, HA_GIANG);
        String plan = api.audit(hgOfficer).body("""
                {"agencyId":"%s","year":%d}""".formatted(hgJustice, year)).post("/api/v1/activity-plans").then().statusCode(201)
                .extract().path("id");
        api.audit(api.token("agency-head", hgJustice, HA_GIANG)).post("/api/v1/activity-plans/{id}/approval", plan)
                .then().statusCode(200);
        String item = api.audit(hgOfficer).get("/api/v1/activity-plans/{id}", plan).then().statusCode(200)
                .extract().path("items[0].id");

        // 1 July 2025: the provinces merge (national), then the agencies (the merged province's steering committee)
        api.document(national).body("""
                {"code":"%s","name":"Tuyên Quang","effectiveDate":"2025-07-01","sourceCodes":["%s","%s"],"decision":"202/2025/QH15"}"""
                .formatted(TUYEN_QUANG, TUYEN_QUANG, HA_GIANG)).post("/api/v1/province-mergers").then().statusCode(201);
        String tqAdmin = api.token("province-admin", null, TUYEN_QUANG);
        String justice = api.document(tqAdmin).body("""
                {"sourceAgencyIds":["%s","%s"],"effectiveDate":"2025-07-01",
                 "newSuccessor":{"code":"000.00.%02d.H08","name":"Sở Tư pháp tỉnh Tuyên Quang","level":"DEPARTMENT","provinceCode":"08"}}"""
                .formatted(hgJustice, tqJustice, 10 + (int) (Math.random() * 80)))
                .post("/api/v1/agencies/merges").then().statusCode(200).body("movedDocuments", equalTo(1))
                .extract().path("successor.id");
        String commune = api.document(tqAdmin).body("""
                {"sourceAgencyIds":["%s","%s","%s"],"effectiveDate":"2025-07-01",
                 "newSuccessor":{"code":"000.%02d.31.H08","name":"UBND xã Vị Xuyên","level":"COMMUNE","provinceCode":"08"}}"""
                .formatted(district, vietLam, daoDuc, 10 + (int) (Math.random() * 80)))
                .post("/api/v1/agencies/merges").then().statusCode(200).extract().path("successor.id");
        api.document(tqAdmin).get("/api/v1/agencies/{id}", district).then().statusCode(200).body("validTo", equalTo("2025-06-30"));
        api.document(tqAdmin).get("/api/v1/agencies/{id}/lineage", commune).then().statusCode(200)
                .body("predecessors.agencyId", hasItem(district));

        // the successor's people work what they inherited
        String officer = api.token("iso-officer", justice, TUYEN_QUANG);
        api.document(officer).queryParam("agencyId", justice).get("/api/v1/review-tasks").then().statusCode(200)
                .body("items.id", hasItem(task));
        api.document(officer).body("""
                {"outcome":"NO_CHANGE","note":"Nội dung sửa đổi không ảnh hưởng đến trình tự cấp Phiếu lý lịch tư pháp"}""")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.audit(officer).queryParam("agencyId", justice)
                .get("/api/v1/corrective-actions").then().statusCode(200).body("items.id", hasItem(correctiveAction)));
        api.audit(officer).post("/api/v1/corrective-actions/{id}/start", correctiveAction).then().statusCode(200);
        api.audit(officer).body("""
                {"note":"Đã tập huấn lại quy trình cho công chức Sở Tư pháp tỉnh Tuyên Quang"}""")
                .post("/api/v1/corrective-actions/{id}/implementation", correctiveAction).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.audit(officer).queryParam("agencyId", justice)
                .queryParam("year", year).get("/api/v1/activity-plans").then().statusCode(200).body("items.id", hasItem(plan)));
        api.audit(officer).body("""
                {"doneDate":"%s","evidence":"Biên bản ngày %s"}""".formatted(VietnamTime.today(), VietnamTime.today()))
                .post("/api/v1/activity-plans/{id}/items/{itemId}/completion", plan, item).then().statusCode(200);

        // the predecessors' officials and the ended province's steering committee only read
        api.document(hgOfficer).get("/api/v1/agencies/{id}", hgJustice).then().statusCode(200);
        api.document(hgOfficer).body("""
                {"agencyId":"%s","code":"QT-TP-09","title":"Quy trình chứng thực","type":"OPERATIONAL_PROCEDURE",
                 "content":{"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Văn phòng","durationDays":1}]}}""".formatted(hgJustice))
                .post("/api/v1/documents").then().statusCode(403);
        api.audit(hgOfficer).post("/api/v1/corrective-actions/{id}/start", correctiveAction).then().statusCode(403);
        api.document(hgAdmin).get("/api/v1/agencies/{id}", hgJustice).then().statusCode(200);
        api.document(hgAdmin).body("""
                {"code":"000.00.77.H02","name":"Sở Nội vụ tỉnh Hà Giang","level":"DEPARTMENT","provinceCode":"02"}""")
                .post("/api/v1/agencies").then().statusCode(403);

        // a legal change after the merger reaches the successor only
        api.legalDocument(TUYEN_QUANG, """
                {"number":"%d/2026/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi, bổ sung Nghị định 111/2010/NĐ-CP lần hai",
                 "issuedDate":"2026-11-01","effectiveDate":"2027-01-01","relations":[{"kind":"AMENDS","targetId":"%s"}]}"""
                .formatted(100 + (int) (Math.random() * 800), decree));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.document(tqAdmin).queryParam("causeId", decree)
                .queryParam("status", "OPEN").get("/api/v1/review-tasks").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].agencyId", equalTo(justice)).body("items[0].documentId", equalTo(procedure))
                .body("items[0].effectiveDate", equalTo("2027-01-01")));
        api.document(national).queryParam("causeId", decree).get("/api/v1/review-tasks").then().statusCode(200)
                .body("total", equalTo(2)).body("items.agencyId", everyItem(equalTo(justice)));

        // the national view counts the merged province once, under its continuing code
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.scoring(national).queryParam("year", year)
                .get("/api/v1/rankings/national/progress").then().statusCode(200)
                .body("items.provinceCode", hasItem(TUYEN_QUANG)).body("items.provinceCode", not(hasItem(HA_GIANG))));
        api.document(national).get("/api/v1/review-tasks/overdue-by-province").then().statusCode(200)
                .body("items.provinceCode", not(hasItem(HA_GIANG)));
        api.document(national).queryParam("asOf", LocalDate.of(2025, 7, 1).toString()).get("/api/v1/provinces").then()
                .statusCode(200).body("items.code", hasItem(TUYEN_QUANG)).body("items.code", not(hasItem(HA_GIANG)));
        // and the ended province's steering committee no longer reaches the new province's agencies
        api.document(hgAdmin).get("/api/v1/agencies/{id}", justice).then().statusCode(403);
        api.document(tqAdmin).queryParam("provinceCode", HA_GIANG).get("/api/v1/agencies").then().statusCode(200)
                .body("items.provinceCode", everyItem(equalTo(HA_GIANG)));
        for (String ended : List.of(hgJustice, tqJustice, district, vietLam, daoDuc)) {
            api.document(tqAdmin).get("/api/v1/agencies/{id}", ended).then().statusCode(200).body("validTo", equalTo("2025-06-30"));
        }
    }

    /** An inspection of {@code agency} by the province, led by an auditor of {@code inspectors}, and the corrective action it asks for. */
    private static String correctiveActionOf(Api api, String agency, String inspectors) {
        String admin = api.token("province-admin", null, HA_GIANG);
        String auditor = api.token("auditor", inspectors, HA_GIANG);
        String inspection = api.audit(admin).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"ON_SITE","title":"Kiểm tra việc áp dụng HTQLCL năm 2025",
                 "plannedStart":"2025-05-06","plannedEnd":"2025-05-07",
                 "team":[{"subject":"%s","fullName":"Hoàng Văn Minh","agencyId":"%s","unit":"Chi cục TĐC","role":"LEAD"}]}"""
                .formatted(agency, Api.subject("auditor", inspectors, HA_GIANG), inspectors))
                .post("/api/v1/audits").then().statusCode(201).extract().path("id");
        api.audit(auditor).post("/api/v1/audits/{id}/start", inspection).then().statusCode(200);
        String finding = api.audit(auditor).body("""
                {"clause":"7.2","kind":"MINOR_NONCONFORMITY","description":"Công chức mới chưa được đào tạo quy trình cấp Phiếu lý lịch tư pháp"}""")
                .post("/api/v1/audits/{id}/findings", inspection).then().statusCode(201).extract().path("id");
        return api.audit(api.token("iso-officer", agency, HA_GIANG)).body("""
                {"findingId":"%s","title":"Đào tạo lại quy trình","rootCause":"Công chức mới chưa được hướng dẫn",
                 "action":"Tập huấn quy trình cho công chức mới","owner":"%s","dueDate":"%s"}"""
                .formatted(finding, Api.subject("iso-officer", agency, HA_GIANG), VietnamTime.today().plusDays(30)))
                .post("/api/v1/corrective-actions").then().statusCode(201).extract().path("id");
    }
}
