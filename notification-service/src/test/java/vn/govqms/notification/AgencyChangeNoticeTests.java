package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.email.EmailSender;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change that reaches several procedures of an agency is told to the agency once (one notification per recipient and
 * channel, one e-mail, one webhook delivery), and its later events update that notice instead of adding notifications.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class AgencyChangeNoticeTests {

    @Inject
    Scheduler scheduler;

    static final String SUMMARY = "Nghị định 61/2018/NĐ-CP được thay thế bởi 118/2025/NĐ-CP";

    static String required(String agency, String cause, String task, String code) {
        return """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"%s","documentTitle":"Quy trình giải quyết TTHC %s",
                 "revision":1,"causeType":"LEGAL_DOCUMENT","causeId":"%s","causeKind":"REPLACED","causeSummary":"%s",
                 "viaProcedureId":null,"effectiveDate":"2030-01-01","dueDate":"2030-04-01"}"""
                .formatted(task, agency, UUID.randomUUID(), code, code, cause, SUMMARY);
    }

    private static JsonPath inbox(String token, String kind) {
        return given().auth().oauth2(token).queryParam("kind", kind).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }

    /**
     * A change of Vĩnh Phúc's justice department's procedures, made once for this class: eight review tasks of one cause
     * (the e-mail held until all eight are in), the officer's and the head's notices, their e-mail and one webhook delivery;
     * then a ninth task, the first event again and one review completed. The answers before the update are kept.
     */
    record EightProcedures(String agency, String cause, List<String> tasks, List<String> eventIds, String officerToken,
                           String officerMail, String headMail, String subscription, long inboxCount, long emailCount, JsonPath first,
                           int headTotal, String subject, int headMails, int delivered, long seq) {
        String notifications() {
            return "select count(*) from notification where agency_id = '" + agency + "' and kind = 'procedure-review.required'";
        }
    }

    private static EightProcedures eight;

    static synchronized EightProcedures eight(Scheduler scheduler) {
        if (eight != null) {
            return eight;
        }
        String agency = Fixtures.agency("26", "Sở Tư pháp tỉnh Vĩnh Phúc");
        String admin = TestTokens.provinceAdmin("26");
        String officer = Fixtures.unique("officer");
        String head = Fixtures.unique("head");
        String officerMail = Fixtures.unique("iso") + "@sotuphap.vinhphuc.gov.vn";
        String headMail = Fixtures.unique("head") + "@sotuphap.vinhphuc.gov.vn";
        Contacts.contact(admin, agency, officer, "Phạm Thị Lan", officerMail, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Vũ Văn Hải", headMail, "vi", false, "HEAD");
        String cause = UUID.randomUUID().toString();
        List<String> tasks = IntStream.range(0, 9).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<String> eventIds = IntStream.range(0, 9).mapToObj(i -> UUID.randomUUID().toString()).toList();
        String type = "vn.govqms.document.procedure-review.required.v1";
        try (Receiver receiver = Receiver.start()) {
            String[] sub = WebhookTests.subscribe(admin, receiver.url(), agency, type);
            receiver.secret(sub[1]);

            // the e-mail waits until the eight events are in (in production the notice's e-mail waits govqms.notices.email-settle
            // for a fan-out arriving in several polls; the tests send at once)
            scheduler.pause(EmailSender.SCHEDULE);
            try {
                for (int i = 0; i < 8; i++) {
                    TestKafka.publishCloudEvent("document.events", agency, eventIds.get(i), type, "review-tasks/" + tasks.get(i),
                            required(agency, cause, tasks.get(i), "QT-VP-0" + (i + 1)));
                }
                Fixtures.awaitCount("select count(*) from review_notice_task where agency_id = '" + agency + "'", 8);
            } finally {
                scheduler.resume(EmailSender.SCHEDULE);
            }
            String mine = "select count(*) from notification where agency_id = '" + agency + "' and kind = 'procedure-review.required'";
            Fixtures.awaitCount(mine + " and channel = 'INBOX'", 2);
            long inboxCount = Fixtures.count(mine + " and channel = 'INBOX'");
            long emailCount = Fixtures.count(mine + " and channel = 'EMAIL'");
            String officerToken = TestTokens.person(officer, "iso-officer", agency, "26");
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(officerToken, "procedure-review.required").getInt("items[0].notice.taskCount") == 8);
            JsonPath first = inbox(officerToken, "procedure-review.required");
            int headTotal = inbox(TestTokens.person(head, "agency-head", agency, "26"), "procedure-review.required").getInt("total");
            await().atMost(Duration.ofSeconds(30)).until(() -> RealPartsTestResource.mail().messagesTo(officerMail).size() == 1
                    && receiver.received().size() == 1);
            String subject = RealPartsTestResource.mail().messagesTo(officerMail).get(0).subject();
            int headMails = RealPartsTestResource.mail().messagesTo(headMail).size();
            int delivered = receiver.received().get(0).body().getJsonObject("data").getJsonObject("notice").getInteger("taskCount");
            long seq = Fixtures.count("select seq from event_log where event_id = '" + eventIds.get(0) + "'");

            // a ninth procedure found, one review resolved, and the first event delivered again
            TestKafka.publishCloudEvent("document.events", agency, eventIds.get(8), type, "review-tasks/" + tasks.get(8),
                    required(agency, cause, tasks.get(8), "QT-VP-09"));
            TestKafka.publishCloudEvent("document.events", agency, eventIds.get(0), type, "review-tasks/" + tasks.get(0),
                    required(agency, cause, tasks.get(0), "QT-VP-01"));
            Fixtures.publish("document", "procedure-review.completed", agency, """
                    {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"REVISED","dueDate":"2030-04-01","onTime":true,
                     "resolvedAt":"2030-02-01T08:00:00Z","resolvedBy":"%s"}""".formatted(tasks.get(1), agency, UUID.randomUUID(), officer));
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(officerToken, "procedure-review.required").getInt("items[0].notice.resolvedCount") == 1
                    && inbox(officerToken, "procedure-review.required").getInt("items[0].notice.taskCount") == 9);
            eight = new EightProcedures(agency, cause, tasks, eventIds, officerToken, officerMail, headMail, sub[0], inboxCount, emailCount,
                    first, headTotal, subject, headMails, delivered, seq);
            return eight;
        }
    }

    @Test
    void eightProceduresOfOneChangeAreOneNoticePerRecipientAndChannel() {
        EightProcedures w = eight(scheduler);
        // the officer: inbox and e-mail; the head: inbox (default rules)
        assertEquals(2, w.inboxCount());
        assertEquals(1, w.emailCount());
        assertEquals(1, w.first().getInt("total"));
        assertEquals(1, w.headTotal());
    }

    @Test
    void theNoticeNamesTheChangeItsProceduresAndTheDueDateAndLinksToTheirTasks() {
        EightProcedures w = eight(scheduler);
        JsonPath first = w.first();
        assertEquals(SUMMARY + ": 8 quy trình cần rà soát trước 01/04/2030", first.getString("items[0].text.title"));
        assertEquals("/api/v1/review-tasks?agencyId=" + w.agency() + "&causeId=" + w.cause(), first.getString("items[0].link"));
        assertEquals("document-service", first.getString("items[0].linkService"));
        assertEquals(8, first.getInt("items[0].notice.openCount"));
        List<Map<String, Object>> listed = first.getList("items[0].notice.tasks");
        assertEquals(8, listed.size());
        assertEquals("QT-VP-01", listed.get(0).get("documentCode"));
        assertEquals("/api/v1/review-tasks/" + w.tasks().get(0), listed.get(0).get("link"));
    }

    @Test
    void theNoticeIsOneEMailToTheOfficerAndOneWebhookDelivery() {
        EightProcedures w = eight(scheduler);
        // the head's rule has no e-mail
        assertEquals("[GovQMS] " + SUMMARY + ": 8 quy trình cần rà soát trước 01/04/2030", w.subject());
        assertEquals(0, w.headMails());
        // the delivery carries the notice as it was when sent (the dispatcher was not paused: the first poll's procedures at least)
        assertTrue(w.delivered() >= 1 && w.delivered() <= 8, "delivered " + w.delivered());
    }

    @Test
    void theChangesLaterEventsUpdateTheNoticeAndCountEachProcedureOnce() {
        EightProcedures w = eight(scheduler);
        // a ninth procedure, one review resolved and the first event again: the notice counts 9, not 10, and adds nothing
        JsonPath updated = inbox(w.officerToken(), "procedure-review.required");
        assertEquals(1, updated.getInt("total"));
        assertEquals(9, updated.getInt("items[0].notice.taskCount"));
        assertEquals(1, updated.getInt("items[0].notice.resolvedCount"));
        assertEquals(8, updated.getInt("items[0].notice.openCount"));
        assertEquals(SUMMARY + ": 8 quy trình cần rà soát trước 01/04/2030", updated.getString("items[0].text.title"));
        assertTrue(updated.getString("items[0].text.happened").contains("9 quy trình"), updated.getString("items[0].text.happened"));
        assertEquals(2, Fixtures.count(w.notifications() + " and channel = 'INBOX'"));
        assertEquals(1, Fixtures.count(w.notifications() + " and channel = 'EMAIL'"));
        assertEquals(9, Fixtures.count("select count(*) from review_notice_task where agency_id = '" + w.agency() + "'"));
        assertEquals(1, Fixtures.count("select count(*) from webhook_delivery where subscription_id = '" + w.subscription() + "'"));
        assertEquals(0, Fixtures.count("select count(*) from notification where event_id in ('" + w.eventIds().get(1) + "', '"
                + w.eventIds().get(8) + "')"));
        assertEquals(1, RealPartsTestResource.mail().messagesTo(w.officerMail()).size());
    }

    @Test
    void theChangesReviewsAreKeptAsTheNoticesTasksNotAsLogRowsOfTheirOwn() {
        EightProcedures w = eight(scheduler);
        // ten review events (nine found, one resolved): one log row, the notice's (its first event); the tasks keep the rest
        assertEquals(w.eventIds().get(0), TestDb.value(Fixtures.db(), "select string_agg(event_id, ',') from event_log where agency_id = '"
                + w.agency() + "' and kind like 'procedure-review.%'"));
        assertEquals("RESOLVED", TestDb.value(Fixtures.db(), "select status from review_notice_task where task_id = '" + w.tasks().get(1) + "'"));
    }

    @Test
    void theLiveStreamShowsTheUpdatedNoticeAgain() {
        EightProcedures w = eight(scheduler);
        // its log row moved to a new place
        assertTrue(Fixtures.count("select seq from event_log where event_id = '" + w.eventIds().get(0) + "'") > w.seq());
    }

    @Test
    void theOverdueMarksOfAChangeAreOneNoticeToo() {
        String agency = Fixtures.agency("26", "UBND huyện Tam Đảo");
        String officer = Fixtures.unique("officer");
        Contacts.contact(TestTokens.provinceAdmin("26"), agency, officer, "Đặng Văn Minh", null, "vi", false, "ISO_OFFICER");
        String cause = UUID.randomUUID().toString();
        List<String> tasks = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID().toString()).toList();
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.required.v1",
                IntStream.range(0, 3).mapToObj(i -> Map.entry(agency, required(agency, cause, tasks.get(i), "QT-TD-0" + (i + 1)))).toList());
        Fixtures.awaitCount("select count(*) from review_notice_task where agency_id = '" + agency + "'", 3);
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.overdue.v1",
                IntStream.range(0, 2).mapToObj(i -> Map.entry(agency, """
                        {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TD-0%d","dueDate":"2030-04-01",
                         "daysOverdue":1,"causeSummary":"%s"}""".formatted(tasks.get(i), agency, UUID.randomUUID(), i + 1, SUMMARY))).toList());
        String token = TestTokens.person(officer, "iso-officer", agency, "26");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(token, "procedure-review.overdue").getInt("total") == 1
                && inbox(token, "procedure-review.overdue").getInt("items[0].notice.taskCount") == 2);
        JsonPath overdue = inbox(token, "procedure-review.overdue");
        assertEquals(SUMMARY + ": 2 quy trình quá hạn rà soát", overdue.getString("items[0].text.title"));
        assertEquals("OVERDUE", overdue.getString("items[0].notice.tasks[0].status"));
        assertEquals(1, inbox(token, "procedure-review.required").getInt("total"));
        assertEquals(2, inbox(token, "procedure-review.required").getInt("items[0].notice.overdueCount"));
        assertEquals(1, Fixtures.count("select count(*) from notification where agency_id = '" + agency + "' and kind = 'procedure-review.overdue'"));
        // five review events, two notices: a log row each
        assertEquals(2, Fixtures.count("select count(*) from event_log where agency_id = '" + agency + "' and kind like 'procedure-review.%'"));
    }

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** The agency's ISO officer and head as contacts without e-mail: their subjects. */
    static String[] officerAndHead(String agency) {
        String admin = TestTokens.provinceAdmin("26");
        String officer = Fixtures.unique("officer");
        String head = Fixtures.unique("head");
        Contacts.contact(admin, agency, officer, "Ngô Thị Hạnh", null, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Bùi Văn Quang", null, "vi", false, "HEAD");
        return new String[] {officer, head};
    }

    @Test
    void theRemindersOfAChangeAreOnePerAgency() {
        String agency = Fixtures.agency("26", "UBND thành phố Vĩnh Yên");
        String officer = officerAndHead(agency)[0];
        // three reviews of one change due in 5 days: one 7-day reminder for the three
        String soon = UUID.randomUUID().toString();
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.required.v1",
                IntStream.range(0, 3).mapToObj(i -> Map.entry(agency, required(agency, soon, UUID.randomUUID().toString(), "QT-VY-0" + (i + 1))
                        .replace("2030-04-01", TODAY.plusDays(5).toString()))).toList());
        String officerToken = TestTokens.person(officer, "iso-officer", agency, "26");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(officerToken, "reminder").getInt("total") == 1);
        JsonPath reminder = inbox(officerToken, "reminder");
        assertEquals("Nhắc việc: còn 5 ngày – Rà soát 3 quy trình theo " + SUMMARY, reminder.getString("items[0].text.title"));
        assertEquals("/api/v1/review-tasks?agencyId=" + agency + "&causeId=" + soon, reminder.getString("items[0].link"));
        assertEquals(1, Fixtures.count("select count(*) from notification where agency_id = '" + agency + "' and kind = 'reminder'"));
    }

    @Test
    void theEscalationsOfAChangeAreOnePerAgency() {
        String agency = Fixtures.agency("26", "Sở Nội vụ tỉnh Vĩnh Phúc");
        String head = officerAndHead(agency)[1];
        // three reviews of a change, overdue for 20 days: one escalation to the head for the three
        String late = UUID.randomUUID().toString();
        List<String> tasks = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID().toString()).toList();
        String due = TODAY.minusDays(20).toString();
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.required.v1",
                IntStream.range(0, 3).mapToObj(i -> Map.entry(agency, required(agency, late, tasks.get(i), "QT-VY-1" + i)
                        .replace("2030-04-01", due))).toList());
        Fixtures.awaitCount("select count(*) from review_notice_task where cause_id = '" + late + "'", 3);
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.overdue.v1",
                IntStream.range(0, 3).mapToObj(i -> Map.entry(agency, """
                        {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-VY-1%d","dueDate":"%s","daysOverdue":20,
                         "causeSummary":"%s"}""".formatted(tasks.get(i), agency, UUID.randomUUID(), i, due, SUMMARY))).toList());
        String headToken = TestTokens.person(head, "agency-head", agency, "26");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(headToken, "escalation").getInt("total") == 1);
        assertEquals("Báo cáo quá hạn: «Rà soát 3 quy trình theo " + SUMMARY + "» quá hạn 20 ngày",
                inbox(headToken, "escalation").getString("items[0].text.title"));
        assertEquals(1, Fixtures.count("select count(*) from notification where agency_id = '" + agency + "' and kind = 'escalation'"));
    }
}
