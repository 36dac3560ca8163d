package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.event.EventKind;
import vn.govqms.notification.event.IntegrationView;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;

/**
 * The default rules for document-service's re-dated reviews (procedure-review.rescheduled: the ISO officer) and the agencies'
 * TTHC list updates (required: ISO officer and head; overdue: also the province's steering committee; cleared: closes the due
 * date, tells no one), with their Vietnamese texts; reminders and escalation follow a re-dated review.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class ReviewRescheduleAndListUpdateTests {

    static final String LIST_UPDATE = "items.find { it.kind == 'tthc-list-update.required' && !it.text.title.startsWith('Nhắc việc') }";

    static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static String rescheduled(String task, String agency, LocalDate previousDue, LocalDate due, String status) {
        return """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TP-09","revision":2,"causeType":"LEGAL_DOCUMENT",
                 "causeId":"%s","causeKind":"REPLACED","causeSummary":"Văn bản 23/2015/NĐ-CP bị thay thế bởi 118/2025/NĐ-CP, hiệu lực từ %s",
                 "previousEffectiveDate":"%s","effectiveDate":"%s","previousDueDate":"%s","dueDate":"%s","status":"%s"}"""
                .formatted(task, agency, UUID.randomUUID(), UUID.randomUUID(), due.minusMonths(3), previousDue.minusMonths(3),
                        due.minusMonths(3), previousDue, due, status);
    }

    static JsonPath inbox(String subject, String role, String agency, String province) {
        return given().auth().oauth2(TestTokens.person(subject, role, agency, province)).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath();
    }

    /** A department of Bắc Giang with its ISO officer and head (both with e-mail); returns {agency, officer, head}. */
    static String[] bacGiangDepartment(String name) {
        String agency = Fixtures.agency("24", name);
        String admin = TestTokens.provinceAdmin("24");
        String officer = Fixtures.unique("officer");
        String head = Fixtures.unique("head");
        Contacts.contact(admin, agency, officer, "Trần Thị Bình", "binh@sotuphap.bacgiang.gov.vn", "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Nguyễn Văn An", "an@sotuphap.bacgiang.gov.vn", "vi", false, "HEAD");
        return new String[] {agency, officer, head};
    }

    @Test
    void aReviewReDatedIntoTheFutureTellsTheOfficerAndIsRemindedNotEscalated() {
        String[] people = bacGiangDepartment("Sở Tư pháp tỉnh Bắc Giang");
        String agency = people[0];
        String officer = people[1];
        String head = people[2];
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate due = today.minusDays(20);
        String task = UUID.randomUUID().toString();
        String overdue = Fixtures.publish("document", "procedure-review.overdue", agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TP-09","dueDate":"%s","daysOverdue":20}"""
                .formatted(task, agency, UUID.randomUUID(), due));
        Fixtures.awaitCount("select count(*) from escalation where key = 'procedure-review:" + task + "' and closed_at is null", 1);

        // the replacing decree's effective date was corrected: due in two months, open again
        LocalDate later = today.plusDays(60);
        String id = Fixtures.publish("document", "procedure-review.rescheduled", agency, rescheduled(task, agency, due, later, "OPEN"));
        // the officer: inbox and e-mail; the head: nothing
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + id + "'", 2);
        assertEquals(0, Fixtures.count("select count(*) from notification where event_id = '" + id + "' and subject = '" + head + "'"));
        JsonPath mine = inbox(officer, "iso-officer", agency, "24");
        assertEquals("procedure-review.rescheduled", mine.getString("items[0].kind"));
        assertEquals("Hạn rà soát quy trình đã thay đổi: QT-TP-09", mine.getString("items[0].text.title"));
        assertEquals("Văn bản 23/2015/NĐ-CP bị thay thế bởi 118/2025/NĐ-CP, hiệu lực từ " + later.minusMonths(3)
                + ". Hạn rà soát quy trình QT-TP-09 chuyển từ ngày " + VI.format(due) + " sang ngày " + VI.format(later) + ".",
                mine.getString("items[0].text.happened"));
        assertEquals("Hoàn thành rà soát trước hạn mới và ghi nhận kết quả.", mine.getString("items[0].text.action"));
        assertEquals(VI.format(later), mine.getString("items[0].text.dueByText"));
        assertEquals("/api/v1/review-tasks/" + task, mine.getString("items[0].link"));
        // no longer overdue: no escalation; reminded before the new date
        assertEquals(0, Fixtures.count("select count(*) from escalation where key = 'procedure-review:" + task + "'"));
        assertEquals(later.toString(), TestDb.value(Fixtures.db(), "select due_date from deadline where key = 'procedure-review:" + task + "'"));
        assertEquals(1, Fixtures.count("select count(*) from event_log where event_id = '" + overdue + "'"));
    }

    @Test
    void aReviewReDatedButStillOverdueIsEscalatedFromItsNewDate() {
        String[] people = bacGiangDepartment("Sở Nội vụ tỉnh Bắc Giang");
        String agency = people[0];
        LocalDate today = LocalDate.now(VIETNAM);
        String still = UUID.randomUUID().toString();
        Fixtures.publish("document", "procedure-review.overdue", agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TP-10","dueDate":"%s","daysOverdue":40}"""
                .formatted(still, agency, UUID.randomUUID(), today.minusDays(40)));
        Fixtures.awaitCount("select count(*) from escalation where key = 'procedure-review:" + still + "'", 1);
        String stillId = Fixtures.publish("document", "procedure-review.rescheduled", agency,
                rescheduled(still, agency, today.minusDays(40), today.minusDays(10), "OVERDUE"));
        Fixtures.awaitCount("select count(*) from escalation where key = 'procedure-review:" + still + "' and due_date = '"
                + today.minusDays(10) + "' and closed_at is null", 1);
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + stillId + "' and channel = 'INBOX'", 1);
        assertEquals("Hoàn thành ngay việc rà soát và ghi nhận kết quả.", inbox(people[1], "iso-officer", agency, "24")
                .getString("items.find { it.eventId == '" + stillId + "' }.text.action"));
    }

    /**
     * Bạc Liêu's health department with its ISO officer and head, a committee member of Bạc Liêu and one of Bắc Giang, made once
     * for this class: a TTHC list update required, then overdue, then cleared. What each step left is kept.
     */
    record ListUpdate(String agency, String other, String update, String decision, String member, String stranger, LocalDate due,
                      String required, long requiredNotifications, long requiredToCommittee, JsonPath officers, String dueDate,
                      String overdue, long overdueNotifications, long overdueToStranger, JsonPath committee, String cleared) {
    }

    private static ListUpdate bacLieu;

    static synchronized ListUpdate bacLieu() {
        if (bacLieu != null) {
            return bacLieu;
        }
        String province = "95";
        String agency = Fixtures.agency(province, "Sở Y tế tỉnh Bạc Liêu");
        String other = Fixtures.agency("24", "Sở Y tế tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin(province);
        String officer = Fixtures.unique("officer");
        String head = Fixtures.unique("head");
        String member = Fixtures.unique("committee");
        Contacts.contact(admin, agency, officer, "Phạm Thị Lan", "lan@syt.baclieu.gov.vn", "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Võ Văn Hùng", "hung@syt.baclieu.gov.vn", "vi", false, "HEAD");
        Contacts.committeeMember(province, member, "Lê Minh Tâm", "tam@sokhcn.baclieu.gov.vn");
        String stranger = Fixtures.unique("committee");
        Contacts.committeeMember("24", stranger, "Hoàng Văn Bắc", "bac@sokhcn.bacgiang.gov.vn");

        LocalDate today = LocalDate.now(VIETNAM);
        String update = UUID.randomUUID().toString();
        String decision = UUID.randomUUID().toString();
        LocalDate due = today.plusDays(6);
        String required = Fixtures.publish("document", "tthc-list-update.required", agency, """
                {"updateId":"%s","agencyId":"%s","decisionId":"%s","decisionNumber":"1234/QĐ-UBND","decisionDate":"%s","provinceCode":"%s",
                 "dueDate":"%s","procedureIds":["%s","%s"]}""".formatted(update, agency, decision, today.minusDays(1), province, due,
                UUID.randomUUID(), UUID.randomUUID()));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + required + "'", 4);
        long requiredNotifications = Fixtures.count("select count(*) from notification where event_id = '" + required + "'");
        long requiredToCommittee = Fixtures.count("select count(*) from notification where event_id = '" + required + "' and subject = '" + member + "'");
        JsonPath officers = inbox(officer, "iso-officer", agency, province);
        String dueDate = TestDb.value(Fixtures.db(), "select due_date from deadline where key = 'tthc-list-update:" + update + "'");

        String overdue = Fixtures.publish("document", "tthc-list-update.overdue", agency, """
                {"updateId":"%s","agencyId":"%s","decisionId":"%s","decisionNumber":"1234/QĐ-UBND","decisionDate":"%s","dueDate":"%s",
                 "daysOverdue":2}""".formatted(update, agency, decision, today.minusDays(1), due));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + overdue + "'", 6);
        long overdueNotifications = Fixtures.count("select count(*) from notification where event_id = '" + overdue + "'");
        long overdueToStranger = Fixtures.count("select count(*) from notification where event_id = '" + overdue + "' and subject = '" + stranger + "'");
        JsonPath committee = inbox(member, "province-admin", null, province);

        String cleared = Fixtures.publish("document", "tthc-list-update.cleared", agency, """
                {"updateId":"%s","agencyId":"%s","decisionId":"%s","decisionNumber":"1234/QĐ-UBND","dueDate":"%s","clearedOn":"%s","late":true}"""
                .formatted(update, agency, decision, due, today));
        Fixtures.awaitCount("select count(*) from deadline where key = 'tthc-list-update:" + update + "' and closed_at is not null", 1);
        bacLieu = new ListUpdate(agency, other, update, decision, member, stranger, due, required, requiredNotifications, requiredToCommittee,
                officers, dueDate, overdue, overdueNotifications, overdueToStranger, committee, cleared);
        return bacLieu;
    }

    @Test
    void aTthcListUpdateTellsTheOfficerAndTheHeadByInboxAndMailNotTheCommittee() {
        ListUpdate w = bacLieu();
        assertEquals(4, w.requiredNotifications());
        assertEquals(0, w.requiredToCommittee());
        assertEquals(w.due().toString(), w.dueDate());
    }

    @Test
    void theListUpdatesNoticeNamesTheDecisionTheProceduresAndTheDueDate() {
        ListUpdate w = bacLieu();
        LocalDate today = LocalDate.now(VIETNAM);
        // the notice of the list update itself: the deadline sweep may already have added its reminder ("Nhắc việc: còn 6 ngày")
        assertEquals("Cập nhật danh mục TTHC theo Quyết định 1234/QĐ-UBND", w.officers().getString(LIST_UPDATE + ".text.title"));
        assertEquals("Tỉnh đã ban hành Quyết định số 1234/QĐ-UBND ngày " + VI.format(today.minusDays(1))
                + " công bố thay đổi 2 thủ tục hành chính cơ quan giải quyết. Danh mục TTHC của cơ quan phải được cập nhật trước ngày "
                + VI.format(w.due()) + " (5 ngày làm việc).", w.officers().getString(LIST_UPDATE + ".text.happened"));
        assertEquals("/api/v1/tthc-list-updates?agencyId=" + w.agency() + "&decisionId=" + w.decision(), w.officers().getString(LIST_UPDATE + ".link"));
        assertEquals("HIGH", w.officers().getString(LIST_UPDATE + ".urgency"));
    }

    @Test
    void anOverdueListUpdateAlsoTellsTheProvincesSteeringCommitteeOnly() {
        ListUpdate w = bacLieu();
        // officer, head and the province's steering committee (not another province's): inbox and e-mail each
        assertEquals(6, w.overdueNotifications());
        assertEquals(0, w.overdueToStranger());
        assertEquals("Quá hạn cập nhật danh mục TTHC theo Quyết định 1234/QĐ-UBND", w.committee().getString("items[0].text.title"));
        assertEquals("Danh mục TTHC của cơ quan phải được cập nhật theo Quyết định số 1234/QĐ-UBND trước ngày " + VI.format(w.due())
                + ", đã quá hạn 2 ngày.", w.committee().getString("items[0].text.happened"));
        assertEquals("Bạn là thành viên Ban chỉ đạo ISO tỉnh (Sở Y tế tỉnh Bạc Liêu).", w.committee().getString("items[0].text.why"));
    }

    @Test
    void anUpdatedListClosesItsDueDateAndTellsNoOne() {
        ListUpdate w = bacLieu();
        assertEquals(1, Fixtures.count("select count(*) from deadline where key = 'tthc-list-update:" + w.update() + "' and closed_at is not null"));
        assertEquals(1, Fixtures.count("select count(*) from event_log where event_id = '" + w.cleared() + "'"));
        assertEquals(0, Fixtures.count("select count(*) from notification where event_id = '" + w.cleared() + "'"));
        assertEquals(0, Fixtures.count("select count(*) from notification n join contact c on c.id = n.contact_id where c.agency_id = '"
                + w.other() + "'"));
    }

    @Test
    void aOneStopShopSystemReceivesNoneOfTheNewTypesAndTheDefaultsAreListed() {
        for (EventKind kind : List.of(EventKind.PROCEDURE_REVIEW_RESCHEDULED, EventKind.TTHC_LIST_UPDATE_REQUIRED,
                EventKind.TTHC_LIST_UPDATE_OVERDUE, EventKind.TTHC_LIST_UPDATE_CLEARED)) {
            assertFalse(IntegrationView.delivers(kind), kind.name());
        }
        JsonPath rules = given().auth().oauth2(TestTokens.provinceAdmin("95")).queryParam("eventType", "vn.govqms.document.tthc-list-update.overdue.v1")
                .queryParam("size", 50).get("/api/v1/rules").then().statusCode(200).extract().jsonPath();
        List<String> recipients = rules.getList("items.findAll { it.provinceCode == null }.collect { it.recipientKind + ':' + it.recipientRole }");
        assertEquals(List.of("AGENCY_ROLE:HEAD", "AGENCY_ROLE:ISO_OFFICER", "STEERING_COMMITTEE:null"), recipients.stream().sorted().toList());
    }
}
