package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Announcing conformity tells the lead agency (the province's steering committee) by default; a re-announcement
 * required by a change of scope is due like any other deadline: reminded before, escalated once overdue, closed by
 * the announcement that clears it.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class AnnouncementRuleTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    static String announced(String agency, String cleared) {
        return """
                {"agencyId":"%s","announcementId":"%s","decisionNumber":"45/QĐ-SKHCN","decisionDate":"%s","standardEdition":"ISO_9001_2015",
                 "scope":"Toàn bộ hoạt động của Sở","notifiedLeadAgencyOn":"%s","reannouncement":%s,"clearedRequirementId":%s,
                 "stepsOutsideSystem":[]}""".formatted(agency, UUID.randomUUID(), TODAY, TODAY, cleared != null,
                cleared == null ? "null" : "\"" + cleared + "\"");
    }

    @Test
    void theSteeringCommitteeIsToldOfAnAnnouncement() {
        String agency = Fixtures.agency("36", "Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
        String member = Fixtures.unique("bcd");
        String officer = Fixtures.unique("officer");
        Contacts.committeeMember("36", member, "Lê Văn Tám", "tam.lv@skhcn.thanhhoa.gov.vn");
        Contacts.contact(TestTokens.provinceAdmin("36"), agency, officer, "Mai Thị Hoa", null, "vi", false, "ISO_OFFICER");
        String event = Fixtures.publish("document", "qms.announced", agency, announced(agency, null));
        // the committee member, in the inbox and by e-mail; the agency's own officer is not the lead agency
        Fixtures.awaitCount("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = '" + event
                + "' and c.subject = '" + member + "'", 2);
        assertEquals(0, Fixtures.count("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = '"
                + event + "' and c.subject = '" + officer + "'"));
        given().auth().oauth2(TestTokens.person(member, "province-admin", null, "36")).queryParam("kind", "qms.announced")
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].text.title", equalTo("Công bố HTQLCL: 45/QĐ-SKHCN"))
                .body("items[0].link", equalTo("/api/v1/agencies/" + agency));
    }

    @Test
    void aRequiredReannouncementIsRemindedEscalatedAndClearedByTheAnnouncement() {
        String agency = Fixtures.agency("38", "Sở Tư pháp tỉnh Nghệ An");
        String admin = TestTokens.provinceAdmin("38");
        String officer = Fixtures.unique("officer");
        String head = Fixtures.unique("head");
        String member = Fixtures.unique("bcd");
        Contacts.contact(admin, agency, officer, "Hồ Thị Lan", null, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Nguyễn Văn Bình", null, "vi", false, "HEAD");
        Contacts.committeeMember("38", member, "Trần Văn Cường", "cuong.tv@skhcn.nghean.gov.vn");

        // due in 5 days: the 7-day reminder to the ISO officer
        String requirement = UUID.randomUUID().toString();
        Fixtures.publish("document", "qms.reannouncement-required", agency, """
                {"agencyId":"%s","requirementId":"%s","reason":"Bổ sung 2 thủ tục hành chính trong phạm vi áp dụng từ %s.",
                 "effectiveDate":"%s","dueDate":"%s","addedProcedureIds":[],"removedProcedureIds":[]}"""
                .formatted(agency, requirement, TODAY.minusMonths(3).plusDays(5), TODAY.minusMonths(3).plusDays(5), TODAY.plusDays(5)));
        String key = "qms-reannouncement:" + requirement;
        Fixtures.awaitCount("select count(*) from notification where event_id = 'reminder:" + key + ":7'", 1);
        // the announcement that clears it closes the due date: no more reminders
        Fixtures.publish("document", "qms.announced", agency, announced(agency, requirement));
        Fixtures.awaitCount("select count(*) from deadline where key = '" + key + "' and closed_at is not null", 1);

        // another requirement, announced overdue 40 days after its due date: the head and officer are told (rules), the
        // head is escalated to after 15 days and the steering committee after 30, until an announcement clears it
        String late = UUID.randomUUID().toString();
        String overdue = Fixtures.publish("document", "qms.reannouncement-overdue", agency, """
                {"agencyId":"%s","requirementId":"%s","reason":"Sáp nhập 2 cơ quan vào Sở Tư pháp tỉnh Nghệ An từ 2025-07-01.",
                 "effectiveDate":"%s","dueDate":"%s","daysOverdue":40}""".formatted(agency, late, TODAY.minusDays(40).minusMonths(3), TODAY.minusDays(40)));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + overdue + "' and channel = 'INBOX'", 2);
        String lateKey = "qms-reannouncement:" + late;
        Fixtures.awaitCount("select count(*) from notification where event_id = 'escalation:" + lateKey + ":15'", 1);
        Fixtures.awaitCount("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = 'escalation:"
                + lateKey + ":30' and c.subject = '" + member + "'", 2);
        given().auth().oauth2(TestTokens.person(officer, "iso-officer", agency, "38")).queryParam("kind", "qms.reannouncement-overdue")
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].text.title", equalTo("Quá hạn công bố lại HTQLCL"));
        Fixtures.publish("document", "qms.announced", agency, announced(agency, late));
        Fixtures.awaitCount("select count(*) from escalation where key = '" + lateKey + "' and closed_at is not null", 1);
    }
}
