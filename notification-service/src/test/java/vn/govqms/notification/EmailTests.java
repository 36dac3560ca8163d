package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.govqms.local.MailCatcher.Mail;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.email.DigestSender;
import vn.govqms.notification.email.EmailSender;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-mails go through a real SMTP server (GreenMail) with the same content as the inbox; failures are retried and recorded. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class EmailTests {

    @Inject
    DigestSender digests;

    @Inject
    EmailSender emails;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "govqms.email.batch-size")
    int batchSize;

    static List<Mail> awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> RealPartsTestResource.mail().messagesTo(address).size() >= count);
        return RealPartsTestResource.mail().messagesTo(address);
    }

    /** An agency with an ISO officer who takes e-mail; returns the agency's id and the officer's address. */
    static String[] agencyWithOfficer(String name, String domain) {
        String agency = Fixtures.agency("24", name);
        String officerMail = Fixtures.unique("iso") + "@" + domain;
        Contacts.contact(TestTokens.provinceAdmin("24"), agency, Fixtures.unique("officer"), "Hoàng Văn Nam", officerMail, "vi", false,
                "ISO_OFFICER");
        return new String[] {agency, officerMail};
    }

    /** Queues {@code count} review e-mails (normal urgency) to the agency's officer while the sender's schedule is paused. */
    static void queueReviewEMails(String agency, int count) {
        TestKafka.publishCloudEvents("document.events", "vn.govqms.document.procedure-review.required.v1",
                IntStream.range(0, count).mapToObj(i -> Map.entry(agency,
                        InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-" + i))).toList());
        Fixtures.awaitCount("select count(*) from notification where agency_id = '" + agency + "' and channel = 'EMAIL' "
                + "and delivery_status = 'PENDING'", count);
    }

    @Test
    void aQueueOfSeveralBatchesGoesOutInOneRound() {
        String[] officer = agencyWithOfficer("UBND huyện Lục Ngạn", "lucngan.bacgiang.gov.vn");
        int queued = 3 * batchSize + 7;
        scheduler.pause(EmailSender.SCHEDULE);
        try {
            queueReviewEMails(officer[0], queued);
            // one round, not one batch: a legal change across the country queues tens of thousands at once
            // (at least these: an e-mail of another test may be due too)
            int sent = emails.sendPending().await().atMost(Duration.ofMinutes(1));
            assertTrue(sent >= queued, sent + " sent in one round");
            assertEquals(queued, RealPartsTestResource.mail().messagesTo(officer[1]).size());
            assertEquals(queued, Fixtures.count("select count(*) from notification where agency_id = '" + officer[0]
                    + "' and channel = 'EMAIL' and delivery_status = 'SENT'"));
        } finally {
            scheduler.resume(EmailSender.SCHEDULE);
        }
    }

    @Test
    void anUrgentEMailDoesNotWaitBehindAQueueOfLessUrgentOnes() {
        String agency = agencyWithOfficer("UBND huyện Yên Thế", "yenthe.bacgiang.gov.vn")[0];
        int queued = 2 * batchSize + 20;
        scheduler.pause(EmailSender.SCHEDULE);
        try {
            // a legal change's review notices (normal), then one overdue notice (high), queued last
            queueReviewEMails(agency, queued);
            String overdue = Fixtures.publish("document", "procedure-review.overdue", agency, """
                    {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-YT-99","dueDate":"2026-01-05","daysOverdue":3,
                     "causeSummary":"Nghị định 63/2010/NĐ-CP được sửa đổi"}""".formatted(UUID.randomUUID(), agency, UUID.randomUUID()));
            Fixtures.awaitCount("select count(*) from notification where event_id = '" + overdue + "' and channel = 'EMAIL'", 1);
            int sent = emails.sendPending().await().atMost(Duration.ofMinutes(1));
            assertTrue(sent >= queued + 1, sent + " sent in one round");
            // it went out in the first batch: every normal e-mail of the later batches was sent after it
            long sentAfterIt = Fixtures.count("select count(*) from notification n where n.agency_id = '" + agency
                    + "' and n.channel = 'EMAIL' and n.event_id <> '" + overdue + "' and n.sent_at > (select sent_at from notification "
                    + "where event_id = '" + overdue + "' and channel = 'EMAIL')");
            assertTrue(sentAfterIt >= queued - batchSize, sentAfterIt + " sent after the urgent one");
        } finally {
            scheduler.resume(EmailSender.SCHEDULE);
        }
    }

    @Test
    void anOfficerGetsTheReviewByEMailInVietnameseAndAUnitLeadInEnglish() {
        String agency = Fixtures.agency("24", "Sở Tài chính tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin("24");
        String officerMail = Fixtures.unique("canbo") + "@sotaichinh.bacgiang.gov.vn";
        String leadMail = Fixtures.unique("lead") + "@sotaichinh.bacgiang.gov.vn";
        Contacts.contact(admin, agency, Fixtures.unique("officer"), "Bùi Thị Giang", officerMail, "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, Fixtures.unique("lead"), "John Tran", leadMail, "en", false, "UNIT_LEAD");
        String review = Fixtures.publish("document", "procedure-review.required", agency,
                InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-TC-02"));
        Mail mail = awaitMail(officerMail, 1).get(0);
        assertEquals("[GovQMS] Cần rà soát quy trình QT-TC-02", mail.subject());
        assertTrue(mail.html().contains("Vì sao liên quan đến bạn:</strong> Bạn là Cán bộ ISO của Sở Tài chính tỉnh Bắc Giang."), mail.html());
        assertTrue(mail.text().contains("Thời hạn: 01/04/2026"), mail.text());
        assertTrue(mail.text().contains("/api/v1/review-tasks/"), mail.text());
        await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.count("select count(*) from notification where event_id = '" + review
                + "' and channel = 'EMAIL' and delivery_status = 'SENT' and attempts = 1") == 1);
        assertEquals(1, Fixtures.count("select count(*) from email_attempt a join notification n on n.id = a.notification_id where n.event_id = '"
                + review + "' and a.ok"));

        Fixtures.publish("document", "document.issued", agency, """
                {"documentId":"%s","agencyId":"%s","code":"QT-TC-02","title":"Quy trình thẩm định giá","type":"OPERATIONAL_PROCEDURE",
                 "revision":2,"status":"ISSUED","effectiveDate":"2026-12-01","actor":"head"}""".formatted(UUID.randomUUID(), agency));
        Mail issued = awaitMail(leadMail, 1).get(0);
        assertEquals("[GovQMS] Document QT-TC-02 issued", issued.subject());
        assertTrue(issued.text().contains("What to do: Read it and acknowledge receipt."), issued.text());
    }

    @Test
    void lowUrgencyEMailsWaitForTheDailyDigest() {
        String agency = Fixtures.agency("24", "Sở Giáo dục và Đào tạo tỉnh Bắc Giang");
        String leadMail = Fixtures.unique("digest") + "@sogddt.bacgiang.gov.vn";
        Contacts.contact(TestTokens.provinceAdmin("24"), agency, Fixtures.unique("lead"), "Cao Văn Hùng", leadMail, "vi", true, "UNIT_LEAD");
        for (String code : new String[] {"QT-GD-01", "QT-GD-02"}) {
            Fixtures.publish("document", "document.issued", agency, """
                    {"documentId":"%s","agencyId":"%s","code":"%s","title":"Quy trình cấp bằng","type":"OPERATIONAL_PROCEDURE",
                     "revision":1,"status":"ISSUED","effectiveDate":"2026-12-01","actor":"head"}""".formatted(UUID.randomUUID(), agency, code));
        }
        Fixtures.awaitCount("select count(*) from notification n join contact c on c.id = n.contact_id where c.email = '" + leadMail
                + "' and n.delivery_status = 'DIGEST'", 2);
        assertEquals(0, RealPartsTestResource.mail().messagesTo(leadMail).size());
        assertTrue(digests.sendDigests().await().atMost(Duration.ofSeconds(30)) >= 1);
        Mail digest = awaitMail(leadMail, 1).get(0);
        assertEquals("[GovQMS] Bản tin thông báo hằng ngày: 2 thông báo", digest.subject());
        assertTrue(digest.text().contains("Ban hành văn bản QT-GD-01") && digest.text().contains("Ban hành văn bản QT-GD-02"), digest.text());
        assertEquals(0, Fixtures.count("select count(*) from notification n join contact c on c.id = n.contact_id where c.email = '"
                + leadMail + "' and n.delivery_status = 'DIGEST'"));
    }

    @Test
    void anEMailThatCannotBeSentIsRetriedThenGivenUp() {
        String agency = Fixtures.agency("24", "Sở Ngoại vụ tỉnh Bắc Giang");
        String officer = Fixtures.unique("officer");
        String contact = Contacts.contact(TestTokens.provinceAdmin("24"), agency, officer, "Mai Thị Lan", "lan@songoaivu.bacgiang.gov.vn",
                "vi", false, "ISO_OFFICER");
        // the address went bad after the contact was saved (e.g. imported): the mailer cannot send to it
        TestDb.update(Fixtures.db(), "update contact set email = 'không có địa chỉ' where id = '" + contact + "'");
        String review = Fixtures.publish("document", "procedure-review.required", agency,
                InboxTests.reviewRequired(agency, UUID.randomUUID().toString(), "QT-NV-01"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from notification where event_id = '" + review
                + "' and channel = 'EMAIL' and delivery_status = 'FAILED' and attempts = 3 and last_error is not null") == 1);
        assertEquals(3, Fixtures.count("select count(*) from email_attempt a join notification n on n.id = a.notification_id where n.event_id = '"
                + review + "' and not a.ok and a.error is not null"));
    }
}
