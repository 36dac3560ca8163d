package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * audit-service's reminders of the yearly reports' deadlines name no agency: the default rules tell the province's steering
 * committee; the corrective-action report an inspection asks for reaches the agency's ISO officer.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class ReportDeadlineNotificationTests {

    @Test
    void theSteeringCommitteeIsRemindedOfAReportNotSubmittedAndTheOfficerOfTheCorrectiveReportOwed() {
        String member = Fixtures.unique("bcd");
        Contacts.committeeMember("44", member, "Đỗ Thị Hạnh", "hanh.dt@skhcn.binhduong.gov.vn");
        String event = TestKafka.publishCloudEvent("audit.events", "44", "vn.govqms.audit.report-deadline.approaching.v1",
                "reports/province-summary/44/2026", """
                        {"provinceCode":"44","report":"PROVINCE_SUMMARY","reportLabel":"Báo cáo tổng hợp kết quả kiểm tra (tháng 11)",
                         "year":2026,"deadline":"2026-11-30","daysLeft":7}""");
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + event + "'", 2);
        given().auth().oauth2(TestTokens.person(member, "province-admin", null, "44")).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].kind", equalTo("report-deadline.approaching"))
                .body("items[0].reason", equalTo("STEERING_COMMITTEE"))
                .body("items[0].text.title", equalTo("Còn 7 ngày đến hạn nộp Báo cáo tổng hợp kết quả kiểm tra (tháng 11)"));

        String agency = Fixtures.agency("44", "Sở Tư pháp tỉnh Bình Dương");
        String officer = Fixtures.unique("officer");
        Contacts.contact(TestTokens.provinceAdmin("44"), agency, officer, "Lý Văn Tài", "tai.lv@stp.binhduong.gov.vn", "vi", false,
                "ISO_OFFICER");
        String owed = Fixtures.publish("audit", "corrective-report.owed", agency, """
                {"reportId":"%s","auditId":"%s","agencyId":"%s","title":"Báo cáo kết quả khắc phục sau kiểm tra",
                 "minutesDate":"2026-11-12","dueDate":"2027-01-12"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), agency));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + owed + "' and subject = '" + officer + "'", 2);
        given().auth().oauth2(TestTokens.person(officer, "iso-officer", agency, "44")).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].text.title", equalTo("Nộp báo cáo kết quả khắc phục trước ngày 12/01/2027"));
    }
}
