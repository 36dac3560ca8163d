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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reminders before due dates; escalation after them, driven by the overdue events and stopped by completion events. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class DeadlineTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void theOwnerIsRemindedSevenDaysThenOneDayBeforeTheDueDate() {
        String agency = Fixtures.agency("33", "Sở Khoa học và Công nghệ tỉnh Quảng Nam");
        String admin = TestTokens.provinceAdmin("33");
        String owner = Fixtures.unique("owner");
        String officer = Fixtures.unique("officer");
        Contacts.contact(admin, agency, owner, "Phan Văn Khoa", null, "vi", false, "UNIT_LEAD");
        Contacts.contact(admin, agency, officer, "Lý Thị Mai", null, "vi", false, "ISO_OFFICER");
        String action = UUID.randomUUID().toString();
        Fixtures.publish("audit", "corrective-action.opened", agency, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","findingKind":"MAJOR_NONCONFORMITY","owner":"%s",
                 "title":"Lập kế hoạch đánh giá nội bộ","dueDate":"%s"}""".formatted(action, UUID.randomUUID(), agency, owner, TODAY.plusDays(5)));
        String key = "corrective-action:" + action;
        // 5 days left: the 7-day reminder, to the owner and the officer
        Fixtures.awaitCount("select count(*) from notification where event_id = 'reminder:" + key + ":7'", 2);
        given().auth().oauth2(TestTokens.person(owner, "auditor", agency, "33")).queryParam("kind", "reminder").get("/api/v1/notifications")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].text.title", equalTo("Nhắc việc: còn 5 ngày – Lập kế hoạch đánh giá nội bộ"))
                .body("items[0].text.why", containsString("Bạn được giao phụ trách việc này"))
                .body("items[0].link", equalTo("/api/v1/corrective-actions/" + action));
        // the due date moves to tomorrow: the 1-day reminder
        Fixtures.publish("audit", "corrective-action.opened", agency, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","findingKind":"MAJOR_NONCONFORMITY","owner":"%s",
                 "title":"Lập kế hoạch đánh giá nội bộ","dueDate":"%s"}""".formatted(action, UUID.randomUUID(), agency, owner, TODAY.plusDays(1)));
        Fixtures.awaitCount("select count(*) from notification where event_id = 'reminder:" + key + ":1'", 2);
        // closed: no more reminders
        Fixtures.publish("audit", "corrective-action.closed", agency, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","closedOn":"%s"}""".formatted(action, UUID.randomUUID(), agency, TODAY));
        Fixtures.awaitCount("select count(*) from deadline where key = '" + key + "' and closed_at is not null", 1);
    }

    /**
     * A commune of province 34 with its ISO officer, its head (e-mail and inbox muted) and a committee member of the province:
     * {agency, head, member}.
     */
    static String[] thanhMinh() {
        String agency = Fixtures.agency("34", "UBND xã Thanh Minh");
        String admin = TestTokens.provinceAdmin("34");
        String head = Fixtures.unique("head");
        String member = Fixtures.unique("bcd");
        Contacts.contact(admin, agency, Fixtures.unique("officer"), "Đinh Thị Nga", null, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Tạ Văn Ơn", "on.tv@thanhminh.gov.vn", "vi", false, "HEAD");
        Contacts.committeeMember("34", member, "Hoàng Văn Phú", "phu.hv@skhcn.gov.vn");
        // the head mutes e-mail: escalations are sent whatever is muted
        given().auth().oauth2(TestTokens.person(head, "agency-head", agency, "34")).contentType("application/json")
                .body("{\"mutedChannels\":[\"EMAIL\",\"INBOX\"]}").put("/api/v1/contacts/me/preferences").then().statusCode(200);
        return new String[] {agency, head, member};
    }

    @Test
    void aReviewOverdueFor15DaysIsEscalatedToTheHeadWhateverTheHeadMuted() {
        String[] w = thanhMinh();
        String agency = w[0];
        String task = UUID.randomUUID().toString();
        String overdue = Fixtures.publish("document", "procedure-review.overdue", agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TM-03","dueDate":"%s","daysOverdue":1,
                 "causeSummary":"Nghị định 63/2010/NĐ-CP được sửa đổi"}""".formatted(task, agency, UUID.randomUUID(), TODAY.minusDays(20)));
        // the overdue notice to the officer (rules), then the head (20 days > 15), not yet the committee
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + overdue + "'", 1);
        String key = "procedure-review:" + task;
        Fixtures.awaitCount("select count(*) from notification where event_id = 'escalation:" + key + ":15'", 2);
        assertEquals(0, Fixtures.count("select count(*) from notification where event_id = 'escalation:" + key + ":30'"));
        given().auth().oauth2(TestTokens.person(w[1], "agency-head", agency, "34")).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].kind", equalTo("escalation"))
                .body("items[0].text.title", equalTo("Báo cáo quá hạn: «QT-TM-03» quá hạn 20 ngày"))
                .body("items[0].text.why", equalTo("Việc đã quá hạn từ 15 ngày trở lên nên được báo cáo lên người đứng đầu UBND xã Thanh Minh."))
                .body("items[0].link", equalTo("/api/v1/review-tasks/" + task));
    }

    @Test
    void aReviewOverdueFor30DaysIsEscalatedToTheSteeringCommitteeToo() {
        String[] w = thanhMinh();
        String late = UUID.randomUUID().toString();
        Fixtures.publish("document", "procedure-review.overdue", w[0], """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TM-04","dueDate":"%s","daysOverdue":1}"""
                .formatted(late, w[0], UUID.randomUUID(), TODAY.minusDays(40)));
        Fixtures.awaitCount("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = 'escalation:procedure-review:"
                + late + ":30' and c.subject = '" + w[2] + "'", 2);
        given().auth().oauth2(TestTokens.person(w[2], "province-admin", null, "34")).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].text.why", containsString("Ban chỉ đạo ISO tỉnh"));
    }

    @Test
    void anOverdueArrivingAfterTheCompletionIsClosedByTheCompletionAgain() {
        String agency = thanhMinh()[0];
        String completedTask = UUID.randomUUID().toString();
        Fixtures.publish("document", "procedure-review.completed", agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"REVISED","dueDate":"%s","onTime":false,"resolvedAt":"%sT10:00:00+07:00"}"""
                .formatted(completedTask, agency, UUID.randomUUID(), TODAY.minusDays(50), TODAY));
        Fixtures.publish("document", "procedure-review.overdue", agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TM-05","dueDate":"%s","daysOverdue":1}"""
                .formatted(completedTask, agency, UUID.randomUUID(), TODAY.minusDays(50)));
        // the overdue came after the completion (out of order): the escalation opens; completed again closes it
        Fixtures.publish("document", "procedure-review.completed", agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"REVISED","dueDate":"%s","onTime":false,"resolvedAt":"%sT10:00:00+07:00"}"""
                .formatted(completedTask, agency, UUID.randomUUID(), TODAY.minusDays(50), TODAY));
        Fixtures.awaitCount("select count(*) from escalation where key = 'procedure-review:" + completedTask + "' and closed_at is not null", 1);
    }

    @Test
    void aCorrectiveActionEscalatesByTheStepItsEventReports() {
        String agency = Fixtures.agency("35", "Sở Nông nghiệp tỉnh Thái Bình");
        String admin = TestTokens.provinceAdmin("35");
        String head = Fixtures.unique("head");
        Contacts.contact(admin, agency, head, "Trương Văn Quý", null, "en", false, "HEAD");
        String action = UUID.randomUUID().toString();
        String event = Fixtures.publish("audit", "corrective-action.overdue", agency, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","owner":null,"title":"Cập nhật danh mục tài liệu bên ngoài",
                 "dueDate":"%s","daysOverdue":3,"escalationStep":15}""".formatted(action, UUID.randomUUID(), agency, TODAY.minusDays(3)));
        Fixtures.awaitCount("select count(*) from notification where event_id = 'escalation:corrective-action:" + action + ":15'", 1);
        // step 15 is an escalation, not a second overdue notice to the officer
        assertEquals(0, Fixtures.count("select count(*) from notification where event_id = '" + event + "'"));
        given().auth().oauth2(TestTokens.person(head, "agency-head", agency, "35")).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].text.title", equalTo("Escalation: Cập nhật danh mục tài liệu bên ngoài is 15 days overdue"));
        // verified effective: closed
        Fixtures.publish("audit", "corrective-action.verified", agency, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","effective":true,"verifiedBy":"auditor-1","verifiedOn":"%s"}"""
                .formatted(action, UUID.randomUUID(), agency, TODAY));
        Fixtures.awaitCount("select count(*) from escalation where key = 'corrective-action:" + action + "' and closed_at is not null", 1);
    }
}
