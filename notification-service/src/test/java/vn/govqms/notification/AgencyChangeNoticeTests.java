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

    @Test
    void aChangeOfEightProceduresIsOneNoticePerRecipientAndItsLaterEventsUpdateIt() {
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
            // the officer: inbox and e-mail; the head: inbox (default rules); one of each for the eight procedures
            String mine = "select count(*) from notification where agency_id = '" + agency + "' and kind = 'procedure-review.required'";
            Fixtures.awaitCount(mine + " and channel = 'INBOX'", 2);
            assertEquals(1, Fixtures.count(mine + " and channel = 'EMAIL'"));
            String officerToken = TestTokens.person(officer, "iso-officer", agency, "26");
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(officerToken, "procedure-review.required").getInt("items[0].notice.taskCount") == 8);
            JsonPath first = inbox(officerToken, "procedure-review.required");
            assertEquals(1, first.getInt("total"));
            assertEquals(SUMMARY + ": 8 quy trình cần rà soát trước 01/04/2030", first.getString("items[0].text.title"));
            assertEquals("/api/v1/review-tasks?agencyId=" + agency + "&causeId=" + cause, first.getString("items[0].link"));
            assertEquals("document-service", first.getString("items[0].linkService"));
            assertEquals(8, first.getInt("items[0].notice.openCount"));
            List<Map<String, Object>> listed = first.getList("items[0].notice.tasks");
            assertEquals(8, listed.size());
            assertEquals("QT-VP-01", listed.get(0).get("documentCode"));
            assertEquals("/api/v1/review-tasks/" + tasks.get(0), listed.get(0).get("link"));
            assertEquals(1, inbox(TestTokens.person(head, "agency-head", agency, "26"), "procedure-review.required").getInt("total"));

            // one e-mail to the officer (the head's rule has no e-mail), one webhook delivery, both of the whole notice
            await().atMost(Duration.ofSeconds(30)).until(() -> RealPartsTestResource.mail().messagesTo(officerMail).size() == 1
                    && receiver.received().size() == 1);
            assertEquals("[GovQMS] " + SUMMARY + ": 8 quy trình cần rà soát trước 01/04/2030",
                    RealPartsTestResource.mail().messagesTo(officerMail).get(0).subject());
            assertEquals(0, RealPartsTestResource.mail().messagesTo(headMail).size());
            // the delivery carries the notice as it was when sent (the dispatcher was not paused: the first poll's procedures at least)
            int delivered = receiver.received().get(0).body().getJsonObject("data").getJsonObject("notice").getInteger("taskCount");
            assertTrue(delivered >= 1 && delivered <= 8, "delivered " + delivered);
            long seq = Fixtures.count("select seq from event_log where event_id = '" + eventIds.get(0) + "'");

            // a ninth procedure found, one review resolved, and the first event delivered again: the notice counts 9, not 10
            TestKafka.publishCloudEvent("document.events", agency, eventIds.get(8), type, "review-tasks/" + tasks.get(8),
                    required(agency, cause, tasks.get(8), "QT-VP-09"));
            TestKafka.publishCloudEvent("document.events", agency, eventIds.get(0), type, "review-tasks/" + tasks.get(0),
                    required(agency, cause, tasks.get(0), "QT-VP-01"));
            Fixtures.publish("document", "procedure-review.completed", agency, """
                    {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"REVISED","dueDate":"2030-04-01","onTime":true,
                     "resolvedAt":"2030-02-01T08:00:00Z","resolvedBy":"%s"}""".formatted(tasks.get(1), agency, UUID.randomUUID(), officer));
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(officerToken, "procedure-review.required").getInt("items[0].notice.resolvedCount") == 1
                    && inbox(officerToken, "procedure-review.required").getInt("items[0].notice.taskCount") == 9);
            JsonPath updated = inbox(officerToken, "procedure-review.required");
            assertEquals(1, updated.getInt("total"));
            assertEquals(8, updated.getInt("items[0].notice.openCount"));
            assertEquals(SUMMARY + ": 8 quy trình cần rà soát trước 01/04/2030", updated.getString("items[0].text.title"));
            assertTrue(updated.getString("items[0].text.happened").contains("9 quy trình"), updated.getString("items[0].text.happened"));
            assertEquals(2, Fixtures.count(mine + " and channel = 'INBOX'"));
            assertEquals(1, Fixtures.count(mine + " and channel = 'EMAIL'"));
            assertEquals(9, Fixtures.count("select count(*) from review_notice_task where agency_id = '" + agency + "'"));
            assertEquals(1, Fixtures.count("select count(*) from webhook_delivery where subscription_id = '" + sub[0] + "'"));
            // the live stream shows the updated notice again (its log row moved to a new place), the others not at all
            assertTrue(Fixtures.count("select seq from event_log where event_id = '" + eventIds.get(0) + "'") > seq);
            assertEquals(0, Fixtures.count("select count(*) from notification where event_id in ('" + eventIds.get(1) + "', '"
                    + eventIds.get(8) + "')"));
            assertEquals(1, RealPartsTestResource.mail().messagesTo(officerMail).size());
        }
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
    }

    @Test
    void theRemindersAndEscalationsOfAChangeAreOnePerAgencyToo() {
        String agency = Fixtures.agency("26", "UBND thành phố Vĩnh Yên");
        String admin = TestTokens.provinceAdmin("26");
        String officer = Fixtures.unique("officer");
        String head = Fixtures.unique("head");
        Contacts.contact(admin, agency, officer, "Ngô Thị Hạnh", null, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Bùi Văn Quang", null, "vi", false, "HEAD");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        // three reviews of one change due in 5 days: one 7-day reminder for the three
        String soon = UUID.randomUUID().toString();
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.required.v1",
                IntStream.range(0, 3).mapToObj(i -> Map.entry(agency, required(agency, soon, UUID.randomUUID().toString(), "QT-VY-0" + (i + 1))
                        .replace("2030-04-01", today.plusDays(5).toString()))).toList());
        String officerToken = TestTokens.person(officer, "iso-officer", agency, "26");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(officerToken, "reminder").getInt("total") == 1);
        JsonPath reminder = inbox(officerToken, "reminder");
        assertEquals("Nhắc việc: còn 5 ngày – Rà soát 3 quy trình theo " + SUMMARY, reminder.getString("items[0].text.title"));
        assertEquals("/api/v1/review-tasks?agencyId=" + agency + "&causeId=" + soon, reminder.getString("items[0].link"));
        assertEquals(1, Fixtures.count("select count(*) from notification where agency_id = '" + agency + "' and kind = 'reminder'"));

        // three reviews of another change, overdue for 20 days: one escalation to the head for the three
        String late = UUID.randomUUID().toString();
        List<String> tasks = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID().toString()).toList();
        String due = today.minusDays(20).toString();
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
