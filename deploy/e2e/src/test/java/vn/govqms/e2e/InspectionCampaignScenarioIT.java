package vn.govqms.e2e;

import org.junit.jupiter.api.Test;
import vn.govqms.local.VietnamTime;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Scenario 2: the province's inspection campaign (one agency on site, one through records) → the on-site inspection
 * raises a major nonconformity → a corrective action, already 31 days past its due date → overdue → escalated to the
 * agency head and to the province's steering committee → implemented, verified effective by the inspector, closed →
 * the finding closes and the agency's indicators and live score recover.
 */
class InspectionCampaignScenarioIT {

    @Test
    void anInspectionFindingIsEscalatedThenCorrectedAndTheIndicatorsRecover() {
        Api api = Api.get();
        String p = "54";
        String admin = api.token("province-admin", null, p);
        String department = api.agency(p, "Sở Nông nghiệp và Môi trường tỉnh Phú Yên", "DEPARTMENT");
        String commune = api.agency(p, "UBND xã An Phú", "COMMUNE");
        String tdc = api.agency(p, "Chi cục Tiêu chuẩn Đo lường Chất lượng tỉnh Phú Yên", "PUBLIC_SERVICE_UNIT");
        api.activeCriteriaSet(p, "Phú Yên");
        api.contact(department, p, "HEAD", "agency-head", "Trần Văn Bình", "giamdoc@snnmt.phuyen.gov.vn");
        api.contact(department, p, "ISO_OFFICER", "iso-officer", "Võ Thị Thu", "iso@snnmt.phuyen.gov.vn");
        api.steeringCommitteeMember(p, "bcd.phuyen", "Nguyễn Hữu Phước", "bcd.iso@phuyen.gov.vn");

        // the campaign: every agency that must apply the QMS, one of two on site
        String inspector = api.token("auditor", tdc, p);
        String campaign = api.audit(admin).body("""
                {"provinceCode":"%s","year":%d,"title":"Kế hoạch kiểm tra việc áp dụng, duy trì HTQLCL năm %d",
                 "periodStart":"%s","periodEnd":"%s",
                 "team":[{"subject":"%s","fullName":"Lê Thị Hoa","agencyId":"%s","unit":"Phòng Quản lý tiêu chuẩn chất lượng","role":"LEAD"}],
                 "agencies":[{"agencyId":"%s","mode":"ON_SITE"},{"agencyId":"%s","mode":"RECORDS"}]}"""
                .formatted(p, VietnamTime.today().getYear(), VietnamTime.today().getYear(), VietnamTime.today().minusDays(40),
                        VietnamTime.today().plusDays(20), Api.subject("auditor", tdc, p), tdc, department, commune))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        api.audit(admin).body("{\"decisionNumber\":\"1113/QĐ-UBND\",\"decisionDate\":\"%s\"}".formatted(VietnamTime.today().minusDays(45)))
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign).then().statusCode(200)
                .body("progress.onSite", equalTo(1)).body("progress.records", equalTo(1));
        String inspection = api.audit(admin).queryParam("campaignId", campaign).queryParam("agencyId", department)
                .get("/api/v1/audits").then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        api.audit(inspector).post("/api/v1/audits/{id}/start", inspection).then().statusCode(200);
        String finding = api.audit(inspector).body("""
                {"clause":"7.5.3","kind":"MAJOR_NONCONFORMITY","description":"Hồ sơ giải quyết TTHC không được kiểm soát theo quy trình; thiếu phiếu kiểm soát quá trình"}""")
                .post("/api/v1/audits/{id}/findings", inspection).then().statusCode(201).extract().path("id");

        // the corrective action the department recorded, due 31 days ago
        String officer = api.token("iso-officer", department, p);
        long t0 = System.nanoTime();
        String action = api.audit(officer).body("""
                {"findingId":"%s","title":"Kiểm soát hồ sơ giải quyết TTHC","rootCause":"Chưa phân công người theo dõi phiếu kiểm soát",
                 "action":"Bổ sung phiếu kiểm soát cho mọi hồ sơ; kiểm tra hằng tuần","owner":"%s","dueDate":"%s"}"""
                .formatted(finding, Api.subject("iso-officer", department, p), VietnamTime.today().minusDays(31)))
                .post("/api/v1/corrective-actions").then().statusCode(201).extract().path("id");

        // scoring-service: the open major nonconformity and the overdue action cost 10 points
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api.scoring(admin).get("/api/v1/agencies/{id}/score", department).then().statusCode(200)
                        .body("score", equalTo(40.0f)).body("movedBy.type", hasItem("vn.govqms.audit.corrective-action.overdue.v1")));
        api.scoring(admin).get("/api/v1/agencies/{id}/indicators", department).then().statusCode(200)
                .body("indicators.find { it.code == 'OPEN_MAJOR_NONCONFORMITIES' }.value", equalTo(1))
                .body("indicators.find { it.code == 'CORRECTIVE_ACTIONS_OVERDUE' }.value", equalTo(1));
        // notification-service: escalated to the head (after 15 days) and to the steering committee (after 30)
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> api.notification(api.token("agency-head", department, p))
                .queryParam("kind", "escalation").get("/api/v1/notifications").then().statusCode(200)
                .body("items.reason", hasItem("ESCALATION:15")));
        // a member of the province's steering committee (a contact of the province, not of an agency)
        String member = api.stack().keys().token("bcd.phuyen", "province-admin", null, p, Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.notification(member)
                .queryParam("kind", "escalation").get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].reason", equalTo("ESCALATION:30"))
                .body("items[0].agencyId", equalTo(department)).body("items[0].urgency", equalTo("HIGH")));
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.stack().mail().messagesTo("bcd.iso@phuyen.gov.vn").isEmpty());
        System.out.printf("e2e scenario 2: score lowered and escalated to the steering committee %.1f s after the action was recorded%n",
                (System.nanoTime() - t0) / 1e9);

        // corrected: implemented, verified effective by the inspector (not the owner), closed
        api.audit(officer).post("/api/v1/corrective-actions/{id}/start", action).then().statusCode(200);
        api.audit(officer).body("{\"note\":\"Đã bổ sung phiếu kiểm soát cho 100% hồ sơ tháng này\"}")
                .post("/api/v1/corrective-actions/{id}/implementation", action).then().statusCode(200);
        api.audit(inspector).body("{\"effective\":true,\"note\":\"Kiểm tra 30 hồ sơ ngẫu nhiên: đầy đủ phiếu kiểm soát\"}")
                .post("/api/v1/corrective-actions/{id}/verification", action).then().statusCode(200)
                .body("status", equalTo("VERIFIED_EFFECTIVE"));
        api.audit(officer).post("/api/v1/corrective-actions/{id}/closure", action).then().statusCode(200);
        api.audit(admin).get("/api/v1/findings/{id}", finding).then().statusCode(200).body("status", equalTo("CLOSED"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api.scoring(admin).get("/api/v1/agencies/{id}/indicators", department).then().statusCode(200)
                        .body("indicators.find { it.code == 'OPEN_MAJOR_NONCONFORMITIES' }.value", equalTo(0))
                        .body("indicators.find { it.code == 'CORRECTIVE_ACTIONS_OVERDUE' }.value", equalTo(0)));
        api.scoring(admin).get("/api/v1/agencies/{id}/score", department).then().statusCode(200).body("score", equalTo(50.0f));
        api.audit(admin).get("/api/v1/inspection-campaigns/{id}", campaign).then().statusCode(200)
                .body("agencies.find { it.agencyId == '%s' }.auditStatus".formatted(department), equalTo("IN_PROGRESS"));
    }
}
