package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Agencies merge and split (document-service's agency.merged / agency.split): their people, open due dates and escalations
 * go to the agency that continues them, so nothing keeps going to an ended agency's head.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class ReorganisationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    static String overdue(String action, String agency, int step) {
        return """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","owner":null,"title":"Rà soát quy trình tiếp nhận hồ sơ",
                 "dueDate":"%s","daysOverdue":3,"escalationStep":%d}""".formatted(action, UUID.randomUUID(), agency, TODAY.minusDays(3), step);
    }

    static String opened(String action, String agency, String owner, LocalDate due) {
        return """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","findingKind":"MINOR_NONCONFORMITY","owner":%s,
                 "title":"Bổ sung hồ sơ lưu","dueDate":"%s"}""".formatted(action, UUID.randomUUID(), agency, owner == null ? "null" : "\"" + owner + "\"", due);
    }

    static String merged(String successor, String... predecessors) {
        return """
                {"successorId":"%s","predecessorIds":["%s"],"effectiveDate":"2025-07-01","movedDocuments":12}"""
                .formatted(successor, String.join("\",\"", predecessors));
    }

    static long contactsOf(String agency) {
        return Fixtures.count("select count(*) from contact where agency_id = '" + agency + "'");
    }

    /**
     * Cao Bằng's health and labour departments merged into a new health department, made once for this class: before the
     * merger the old health department had an overdue corrective action (escalated at step 1) and its head, officer and a
     * person of both departments were contacts, a province rule named that person's record in the ended department, and
     * the labour department had a due date; the merger has been applied.
     */
    record Merger(String health, String labour, String successor, String oldHead, String newHead, String shared, String sharedKept,
                  String rule, String action, String later, String mergerId) {
    }

    private static Merger caoBang;

    static synchronized Merger caoBang() {
        if (caoBang != null) {
            return caoBang;
        }
        String admin = TestTokens.provinceAdmin("42");
        String health = Fixtures.agency("42", "Sở Y tế tỉnh Cao Bằng (cũ)");
        String labour = Fixtures.agency("42", "Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng");
        String successor = Fixtures.agency("42", "Sở Y tế tỉnh Cao Bằng");
        String oldHead = Fixtures.unique("old-head");
        String newHead = Fixtures.unique("new-head");
        String officer = Fixtures.unique("officer");
        String shared = Fixtures.unique("shared");
        Contacts.contact(admin, health, oldHead, "Nông Văn Đức", "duc@syt.caobang.gov.vn", "vi", false, "HEAD");
        Contacts.contact(admin, health, officer, "Lục Thị Hoa", null, "vi", false, "ISO_OFFICER");
        String sharedOld = Contacts.contact(admin, labour, shared, "Bế Văn Sơn", "son@sldtbxh.caobang.gov.vn", "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, successor, newHead, "Hà Thị Lan", "lan@syt.caobang.gov.vn", "vi", false, "HEAD");
        String sharedKept = Contacts.contact(admin, successor, shared, "Bế Văn Sơn", null, "vi", false, "AUDITOR");
        // a province rule names the person's record in the ended agency
        String rule = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"eventType":"vn.govqms.audit.management-review.held.v1","recipientKind":"CONTACT","contactId":"%s","channels":["INBOX"],
                 "urgency":"NORMAL"}""".formatted(sharedOld)).post("/api/v1/rules").then().statusCode(201).extract().path("id");

        // before the merger: an overdue corrective action of the ended department (escalation at step 1), a due date of the other
        String action = UUID.randomUUID().toString();
        Fixtures.publish("audit", "corrective-action.overdue", health, overdue(action, health, 1));
        String later = UUID.randomUUID().toString();
        Fixtures.publish("audit", "corrective-action.opened", labour, opened(later, labour, shared, TODAY.plusDays(30)));
        Fixtures.awaitCount("select count(*) from escalation where key = 'corrective-action:" + action + "' and agency_id = '" + health + "'", 1);
        Fixtures.awaitCount("select count(*) from deadline where key = 'corrective-action:" + later + "' and agency_id = '" + labour + "'", 1);

        String mergerId = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", successor, mergerId, "vn.govqms.document.agency.merged.v1", "agencies/" + successor,
                merged(successor, health, labour));
        Fixtures.awaitCount("select count(*) from escalation where key = 'corrective-action:" + action + "' and agency_id = '" + successor + "'", 1);
        caoBang = new Merger(health, labour, successor, oldHead, newHead, shared, sharedKept, rule, action, later, mergerId);
        return caoBang;
    }

    @Test
    void theEndedAgenciesEscalationsAndDueDatesAreTheSuccessors() {
        Merger w = caoBang();
        assertEquals(1, Fixtures.count("select count(*) from escalation where key = 'corrective-action:" + w.action()
                + "' and agency_id = '" + w.successor() + "'"));
        assertEquals(1, Fixtures.count("select count(*) from deadline where key = 'corrective-action:" + w.later()
                + "' and agency_id = '" + w.successor() + "'"));
    }

    @Test
    void thePeopleMoveOnceWithBothRolesAndTheOldHeadWithoutTheHeadsRole() {
        Merger w = caoBang();
        assertEquals(0, contactsOf(w.health()) + contactsOf(w.labour()));
        assertEquals(4, contactsOf(w.successor()));
        assertEquals("{AUDITOR,ISO_OFFICER}", TestDb.value(Fixtures.db(), "select roles::text from contact where id = '" + w.sharedKept() + "'"));
        assertEquals("son@sldtbxh.caobang.gov.vn", TestDb.value(Fixtures.db(), "select email from contact where id = '" + w.sharedKept() + "'"));
        assertEquals("{}", TestDb.value(Fixtures.db(), "select roles::text from contact where subject = '" + w.oldHead() + "'"));
        assertEquals(w.sharedKept(), TestDb.value(Fixtures.db(), "select contact_id::text from notification_rule where id = '" + w.rule() + "'"));
        assertEquals(3, Fixtures.count("select count(*) from audit_trail where resource_type = 'contact' and agency_id = '" + w.successor()
                + "' and actor = 'document.agency.merged'"));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", w.successor(), "42")).queryParam("role", "ISO_OFFICER").get("/api/v1/contacts")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void anEscalationStillNamingTheEndedAgencyReachesTheNewHeadNotTheOld() {
        Merger w = caoBang();
        // audit-service has not moved the action yet: its next step still names the ended department
        Fixtures.publish("audit", "corrective-action.overdue", w.health(), overdue(w.action(), w.health(), 15));
        String escalation = "escalation:corrective-action:" + w.action() + ":15";
        Fixtures.awaitCount("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = '" + escalation
                + "' and c.subject = '" + w.newHead() + "'", 2);
        assertEquals(0, Fixtures.count("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = '"
                + escalation + "' and c.subject = '" + w.oldHead() + "'"));
        given().auth().oauth2(TestTokens.person(w.newHead(), "agency-head", w.successor(), "42")).queryParam("kind", "escalation")
                .get("/api/v1/notifications")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].agencyId", equalTo(w.successor()));
    }

    @Test
    void anActionOpenedAfterwardsForTheEndedAgencyIsToldToTheSuccessor() {
        Merger w = caoBang();
        String stale = UUID.randomUUID().toString();
        String staleEvent = Fixtures.publish("audit", "corrective-action.opened", w.labour(),
                opened(stale, w.labour(), w.shared(), TODAY.plusDays(20)));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + staleEvent + "' and reason = 'OWNER' and agency_id = '"
                + w.successor() + "'", 2);
        assertEquals(1, Fixtures.count("select count(*) from deadline where key = 'corrective-action:" + stale + "' and agency_id = '"
                + w.successor() + "'"));
    }

    @Test
    void theSameMergerRedeliveredUnderAnotherIdMovesNothingMore() {
        Merger w = caoBang();
        String again = TestKafka.publishCloudEvent("document.events", w.successor(), "vn.govqms.document.agency.merged.v1",
                "agencies/" + w.successor(), merged(w.successor(), w.health(), w.labour()));
        Fixtures.awaitCount("select count(*) from processed_event where type = 'vn.govqms.document.agency.merged.v1' and event_id = '"
                + again + "'", 1);
        assertEquals(4, contactsOf(w.successor()));
        assertEquals(3, Fixtures.count("select count(*) from audit_trail where resource_type = 'contact' and agency_id = '" + w.successor()
                + "' and actor = 'document.agency.merged'"));
    }

    @Test
    void aSplitHandsItsPeopleAndDueDatesToThePrimarySuccessor() {
        String admin = TestTokens.provinceAdmin("43");
        String district = Fixtures.agency("43", "UBND huyện Điện Biên");
        String first = Fixtures.agency("43", "UBND xã Thanh Nưa");
        String primary = Fixtures.agency("43", "UBND xã Thanh An");
        String head = Fixtures.unique("head");
        Contacts.contact(admin, district, head, "Lò Văn Hùng", null, "vi", false, "HEAD");
        Contacts.contact(admin, district, Fixtures.unique("officer"), "Quàng Thị Mai", null, "vi", false, "ISO_OFFICER");
        String action = UUID.randomUUID().toString();
        Fixtures.publish("audit", "corrective-action.opened", district, opened(action, district, null, TODAY.plusDays(30)));
        Fixtures.awaitCount("select count(*) from deadline where key = 'corrective-action:" + action + "'", 1);

        TestKafka.publishCloudEvent("document.events", district, "vn.govqms.document.agency.split.v1", "agencies/" + district, """
                {"predecessorId":"%s","effectiveDate":"2025-07-01","successors":[{"successorId":"%s","primary":false,"movedDocuments":4},
                 {"successorId":"%s","primary":true,"movedDocuments":9}]}""".formatted(district, first, primary));
        Fixtures.awaitCount("select count(*) from deadline where key = 'corrective-action:" + action + "' and agency_id = '" + primary + "'", 1);
        assertEquals(0, contactsOf(district));
        assertEquals(0, contactsOf(first));
        assertEquals(2, contactsOf(primary));
        // the primary successor had no head: the district's head is its head until the province says otherwise
        assertEquals("{HEAD}", TestDb.value(Fixtures.db(), "select roles::text from contact where subject = '" + head + "'"));
        assertEquals(primary, TestDb.value(Fixtures.db(), "select successor_id::text from agency_successor where predecessor_id = '" + district + "'"));
    }

    @Test
    void anOverdueItemOfAMergedProvinceReachesTheSteeringCommitteeOfTheProvinceThatContinuesIt() {
        String agency = Fixtures.agency("88", "UBND xã Nậm Pồ");
        String former = Fixtures.unique("bcd-former");
        String current = Fixtures.unique("bcd-current");
        Contacts.committeeMember("88", former, "Lường Văn Tiến", "tien@skhcn.example.gov.vn");
        Contacts.committeeMember("89", current, "Giàng A Páo", "pao@skhcn.example.gov.vn");
        TestKafka.publishCloudEvent("document.events", "88", "vn.govqms.document.province.merged.v1", "provinces/89", """
                {"code":"89","name":"Tỉnh thử nghiệm tiếp nhận","effectiveDate":"2025-07-01","mergedCodes":["88"]}""");
        Fixtures.awaitCount("select count(*) from province_succession where code = '88'", 1);
        String task = UUID.randomUUID().toString();
        Fixtures.publish("document", "procedure-review.overdue", agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-NP-02","dueDate":"%s","daysOverdue":1}"""
                .formatted(task, agency, UUID.randomUUID(), TODAY.minusDays(40)));
        String escalation = "escalation:procedure-review:" + task + ":30";
        Fixtures.awaitCount("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = '" + escalation
                + "' and c.subject = '" + current + "'", 2);
        assertEquals(0, Fixtures.count("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = '"
                + escalation + "' and c.subject = '" + former + "'"));
    }
}
