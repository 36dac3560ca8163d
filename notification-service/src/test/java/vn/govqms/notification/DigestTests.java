package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.local.MailCatcher.Mail;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.email.DigestSender;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily digest with several instances: each contact's digest is claimed whole, sent once, and never lost to a crash. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class DigestTests {

    @Inject
    DigestSender digests;

    /** A contact of a new agency who chose the digest, with two issued documents waiting in it; returns the contact's address. */
    static String contactWithTwoWaiting(String agencyName, String domain) {
        String agency = Fixtures.agency("24", agencyName);
        String mail = Fixtures.unique("digest") + "@" + domain;
        Contacts.contact(TestTokens.provinceAdmin("24"), agency, Fixtures.unique("lead"), "Đỗ Thị Hạnh", mail, "vi", true, "UNIT_LEAD");
        for (String code : new String[] {"QT-01", "QT-02"}) {
            Fixtures.publish("document", "document.issued", agency, """
                    {"documentId":"%s","agencyId":"%s","code":"%s","title":"Quy trình tiếp nhận hồ sơ","type":"OPERATIONAL_PROCEDURE",
                     "revision":1,"status":"ISSUED","effectiveDate":"2026-12-01","actor":"head"}""".formatted(UUID.randomUUID(), agency, code));
        }
        Fixtures.awaitCount(waiting(mail), 2);
        return mail;
    }

    static String waiting(String mail) {
        return "select count(*) from notification n join contact c on c.id = n.contact_id where c.email = '" + mail
                + "' and n.delivery_status = 'DIGEST'";
    }

    static List<Mail> mailTo(String address) {
        return RealPartsTestResource.mail().messagesTo(address);
    }

    @Test
    void twoInstancesSendingAtOnceSendEachContactOneDigest() {
        List<String> mails = List.of(contactWithTwoWaiting("Sở Nội vụ tỉnh Bắc Giang", "sonoivu.bacgiang.gov.vn"),
                contactWithTwoWaiting("Sở Y tế tỉnh Bắc Giang", "soyte.bacgiang.gov.vn"),
                contactWithTwoWaiting("UBND huyện Tân Yên", "tanyen.bacgiang.gov.vn"));
        // two instances at the cron time: two runs at once, each claiming in its own transactions
        List<Integer> sent = Uni.join().all(digests.sendDigests(), digests.sendDigests()).andFailFast()
                .await().atMost(Duration.ofMinutes(1));
        assertTrue(sent.get(0) + sent.get(1) >= mails.size(), sent + " digests sent");
        for (String mail : mails) {
            // both runs have finished: every digest either went out or never will in this run
            assertEquals(1, mailTo(mail).size(), mail);
            assertEquals("[GovQMS] Bản tin thông báo hằng ngày: 2 thông báo", mailTo(mail).get(0).subject());
            assertEquals(0, Fixtures.count(waiting(mail)));
            assertEquals(1, Fixtures.count("select count(*) from email_attempt where recipient = '" + mail + "' and ok and digest_of = 2"));
        }
    }

    @Test
    void aDigestAnotherInstanceHoldsIsLeftToItAndSentByALaterRunOnceItsInstanceDied() {
        String mail = contactWithTwoWaiting("Sở Tư pháp tỉnh Bắc Giang", "sotuphap.bacgiang.gov.vn");
        String ofContact = "update notification n set next_attempt_at = %s from contact c where c.id = n.contact_id and c.email = '"
                + mail + "' and n.delivery_status = 'DIGEST'";
        // another instance claimed it and is sending it (its lease runs)
        Fixtures.update(ofContact.formatted("now() + interval '4 minutes'"));
        digests.sendDigests().await().atMost(Duration.ofSeconds(30));
        assertEquals(0, mailTo(mail).size());
        assertEquals(2, Fixtures.count(waiting(mail)));

        // that instance died mid-send: its lease passed, nothing was marked sent, the next run sends the digest
        Fixtures.update(ofContact.formatted("now() - interval '1 second'"));
        assertTrue(digests.sendDigests().await().atMost(Duration.ofSeconds(30)) >= 1);
        assertEquals(1, mailTo(mail).size());
        assertEquals("[GovQMS] Bản tin thông báo hằng ngày: 2 thông báo", mailTo(mail).get(0).subject());
        assertEquals(0, Fixtures.count(waiting(mail)));
    }
}
