package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.govqms.local.testing.Problems.problem;

/** Events of the other services become notifications for the right people, read in their inbox. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class InboxTests {

    static String reviewRequired(String agency, String task, String code) {
        return """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"%s","documentTitle":"Quy trình chứng thực bản sao từ bản chính",
                 "revision":1,"causeType":"LEGAL_DOCUMENT","causeId":"%s","causeKind":"REPLACED",
                 "causeSummary":"Nghị định 23/2015/NĐ-CP được thay thế bởi 118/2025/NĐ-CP","effectiveDate":"2026-01-01","dueDate":"2026-04-01"}"""
                .formatted(task, agency, UUID.randomUUID(), code, UUID.randomUUID());
    }

    /**
     * Bắc Giang's justice department with its ISO officer (Vietnamese, e-mail) and head (English), another department's officer,
     * made once for this class: one review required delivered twice; the officer's notification read by the head (refused) and
     * by the officer. The answers before and after the read are kept.
     */
    record ReviewRequired(String agency, String otherAgency, String eventId, String task, String officerToken, long id,
                          Response officerInbox, Response headInbox, Response unreadBefore, Response readByHead, Response read,
                          Response unreadAfter) {
    }

    private static ReviewRequired bacGiang;

    static synchronized ReviewRequired bacGiang() {
        if (bacGiang != null) {
            return bacGiang;
        }
        String agency = Fixtures.agency("24", "Sở Tư pháp tỉnh Bắc Giang");
        String otherAgency = Fixtures.agency("24", "Sở Nội vụ tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin("24");
        String officer = Fixtures.unique("officer");
        String head = Fixtures.unique("head");
        Contacts.contact(admin, agency, officer, "Trần Thị Bình", "binh@sotuphap.bacgiang.gov.vn", "vi", false, "ISO_OFFICER");
        Contacts.contact(admin, agency, head, "Nguyễn Văn An", "an@sotuphap.bacgiang.gov.vn", "en", false, "HEAD");
        Contacts.contact(admin, otherAgency, Fixtures.unique("stranger"), "Lê Thị Chi", null, "vi", false, "ISO_OFFICER");

        String task = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String json = reviewRequired(agency, task, "QT-TP-01");
        TestKafka.publishCloudEvent("document.events", agency, eventId, "vn.govqms.document.procedure-review.required.v1", "review-tasks/" + task, json);
        TestKafka.publishCloudEvent("document.events", agency, eventId, "vn.govqms.document.procedure-review.required.v1", "review-tasks/" + task, json);
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + eventId + "'", 3);

        String officerToken = TestTokens.person(officer, "iso-officer", agency, "24");
        String headToken = TestTokens.person(head, "agency-head", agency, "24");
        Response officerInbox = given().auth().oauth2(officerToken).get("/api/v1/notifications");
        long id = ((Number) officerInbox.then().statusCode(200).extract().path("items[0].id")).longValue();
        Response headInbox = given().auth().oauth2(headToken).get("/api/v1/notifications");
        Response unreadBefore = given().auth().oauth2(officerToken).get("/api/v1/notifications/unread-count");
        Response readByHead = given().auth().oauth2(headToken).post("/api/v1/notifications/{id}/read", id);
        Response read = given().auth().oauth2(officerToken).post("/api/v1/notifications/{id}/read", id);
        Response unreadAfter = given().auth().oauth2(officerToken).get("/api/v1/notifications/unread-count");
        bacGiang = new ReviewRequired(agency, otherAgency, eventId, task, officerToken, id, officerInbox, headInbox, unreadBefore,
                readByHead, read, unreadAfter);
        return bacGiang;
    }

    @Test
    void anEventDeliveredTwiceReachesTheOfficerByInboxAndMailAndTheHeadByInboxOnce() {
        ReviewRequired w = bacGiang();
        assertEquals(3, Fixtures.count("select count(*) from notification where event_id = '" + w.eventId() + "'"));
        assertEquals(0, Fixtures.count("select count(*) from notification n join contact c on c.id = n.contact_id where n.event_id = '"
                + w.eventId() + "' and c.agency_id = '" + w.otherAgency() + "'"));
        w.officerInbox().then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theOfficersNotificationSaysWhatHappenedWhyAndWhatToDo() {
        ReviewRequired w = bacGiang();
        w.officerInbox().then().statusCode(200)
                .body("items[0].kind", equalTo("procedure-review.required"))
                .body("items[0].text.title", equalTo("Cần rà soát quy trình QT-TP-01"))
                .body("items[0].text.happened", containsString("Nghị định 23/2015/NĐ-CP được thay thế bởi 118/2025/NĐ-CP"))
                .body("items[0].text.why", equalTo("Bạn là Cán bộ ISO của Sở Tư pháp tỉnh Bắc Giang."))
                .body("items[0].text.action", containsString("Rà soát quy trình"))
                .body("items[0].text.dueByText", equalTo("01/04/2026"))
                .body("items[0].link", equalTo("/api/v1/review-tasks/" + w.task()))
                .body("items[0].linkService", equalTo("document-service"))
                .body("items[0].read", equalTo(false));
    }

    @Test
    void theHeadsNotificationIsInTheHeadsLanguage() {
        bacGiang().headInbox().then().statusCode(200)
                .body("items[0].text.title", equalTo("Procedure QT-TP-01 must be reviewed"))
                .body("items[0].text.why", equalTo("You are the Head of the agency of Sở Tư pháp tỉnh Bắc Giang."))
                .body("items[0].urgency", equalTo("LOW"));
    }

    @Test
    void onlyItsRecipientMarksANotificationRead() {
        ReviewRequired w = bacGiang();
        w.unreadBefore().then().statusCode(200).body("unread", equalTo(1));
        w.readByHead().then().spec(problem(403));
        w.read().then().statusCode(200).body("read", equalTo(true));
        w.unreadAfter().then().body("unread", equalTo(0));
    }

    @Test
    void anUnknownOrMalformedNotificationIdIsRefused() {
        String officerToken = bacGiang().officerToken();
        given().auth().oauth2(officerToken).post("/api/v1/notifications/{id}/read", 999_999_999).then().spec(problem(404));
        given().auth().oauth2(officerToken).post("/api/v1/notifications/abc/read").then().spec(problem(400));
    }

    @Test
    void anAgencysFeedIsReadByItsHeadItsOfficerAndItsProvinceOnly() {
        ReviewRequired w = bacGiang();
        given().auth().oauth2(TestTokens.provinceAdmin("24")).queryParam("agencyId", w.agency()).get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", w.otherAgency(), "24")).queryParam("agencyId", w.agency())
                .get("/api/v1/notifications").then().spec(problem(403));
        given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("agencyId", w.agency())
                .get("/api/v1/notifications").then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("viewer", w.agency(), "24")).queryParam("agencyId", w.agency())
                .get("/api/v1/notifications").then().spec(problem(403));
        given().get("/api/v1/notifications").then().spec(problem(401));
    }

    @Test
    void anUnknownKindOrAMalformedDateIsRefused() {
        String officerToken = bacGiang().officerToken();
        given().auth().oauth2(officerToken).queryParam("kind", "nonsense").get("/api/v1/notifications").then().spec(problem(400));
        given().auth().oauth2(officerToken).queryParam("from", "01/04/2026").get("/api/v1/notifications").then().spec(problem(400));
    }

    @Test
    void unreadFirstFiltersAndReadAll() {
        String agency = Fixtures.agency("24", "Sở Công Thương tỉnh Bắc Giang");
        String officer = Fixtures.unique("officer");
        Contacts.contact(TestTokens.provinceAdmin("24"), agency, officer, "Đỗ Thị Hoa", null, "vi", false, "ISO_OFFICER", "HEAD");
        String token = TestTokens.person(officer, "iso-officer", agency, "24");
        String first = Fixtures.publish("document", "procedure-review.required", agency, reviewRequired(agency, UUID.randomUUID().toString(), "QT-CT-01"));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + first + "'", 1);
        long firstId = ((Number) given().auth().oauth2(token).get("/api/v1/notifications").then().extract().path("items[0].id")).longValue();
        given().auth().oauth2(token).post("/api/v1/notifications/{id}/read", firstId).then().statusCode(200);
        String finding = Fixtures.publish("audit", "finding.raised", agency, """
                {"findingId":"%s","auditId":"%s","agencyId":"%s","auditKind":"INTERNAL_AUDIT","clause":"8.5.1",
                 "kind":"MINOR_NONCONFORMITY","description":"Hồ sơ giải quyết TTHC không lưu phiếu xin lỗi"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), agency));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + finding + "'", 1);
        // unread first, although older ones were read
        given().auth().oauth2(token).get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].kind", equalTo("finding.raised"))
                .body("items[0].text.title", equalTo("Phát hiện điểm không phù hợp nhẹ (điều khoản 8.5.1)"))
                .body("items[1].read", equalTo(true));
        given().auth().oauth2(token).queryParam("kind", "finding.raised").get("/api/v1/notifications").then().body("total", equalTo(1));
        given().auth().oauth2(token).queryParam("unread", "false").get("/api/v1/notifications").then().body("total", equalTo(1));
        given().auth().oauth2(token).queryParam("from", "2000-01-01").queryParam("to", "2000-12-31").get("/api/v1/notifications")
                .then().body("total", equalTo(0));
        given().auth().oauth2(token).post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        given().auth().oauth2(token).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void ownersSteeringCommitteeAndMutedChannels() {
        String agency = Fixtures.agency("26", "UBND xã Mường Phăng");
        String admin = TestTokens.provinceAdmin("26");
        String owner = Fixtures.unique("owner");
        String officer = Fixtures.unique("officer");
        Contacts.contact(admin, agency, owner, "Vũ Văn Dũng", "dung@muongphang.gov.vn", "vi", false, "UNIT_LEAD");
        Contacts.contact(admin, agency, officer, "Hà Thị Em", "em@muongphang.gov.vn", "vi", false, "ISO_OFFICER");
        // the officer mutes e-mail for themselves
        given().auth().oauth2(TestTokens.person(officer, "iso-officer", agency, "26")).contentType(ContentType.JSON)
                .body("{\"mutedChannels\":[\"EMAIL\"]}").put("/api/v1/contacts/me/preferences").then().statusCode(200);
        String action = UUID.randomUUID().toString();
        String opened = Fixtures.publish("audit", "corrective-action.opened", agency, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","findingKind":"MINOR_NONCONFORMITY","owner":"%s",
                 "title":"Bổ sung phiếu xin lỗi vào hồ sơ trễ hạn","dueDate":"2027-01-15"}""".formatted(action, UUID.randomUUID(), agency, owner));
        // owner: inbox + e-mail; officer: inbox (its rule has no e-mail)
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + opened + "'", 3);
        assertEquals(2, Fixtures.count("select count(*) from notification where event_id = '" + opened + "' and reason = 'OWNER'"));
        assertEquals(1, Fixtures.count("select count(*) from deadline where key = 'corrective-action:" + action + "' and closed_at is null"));

        // a province rule sends finding.raised to the steering committee too; the officer muted e-mail
        String member = Fixtures.unique("bcd");
        Contacts.committeeMember("26", member, "Ngô Văn Phúc", "phuc@skhcn.dienbien.gov.vn");
        for (String body : new String[] {
                "{\"eventType\":\"vn.govqms.audit.finding.raised.v1\",\"recipientKind\":\"STEERING_COMMITTEE\",\"channels\":[\"INBOX\"],\"urgency\":\"HIGH\"}",
                "{\"eventType\":\"vn.govqms.audit.finding.raised.v1\",\"recipientKind\":\"AGENCY_ROLE\",\"recipientRole\":\"ISO_OFFICER\",\"channels\":[\"INBOX\",\"EMAIL\"],\"urgency\":\"HIGH\"}"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/rules").then().statusCode(201);
        }
        String finding = Fixtures.publish("audit", "finding.raised", agency, """
                {"findingId":"%s","auditId":"%s","agencyId":"%s","auditKind":"PROVINCIAL_INSPECTION","clause":"9.2",
                 "kind":"MAJOR_NONCONFORMITY","description":"Chưa thực hiện đánh giá nội bộ năm 2026"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), agency));
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + finding + "'", 2);
        given().auth().oauth2(TestTokens.person(member, "province-admin", null, "26")).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].text.why", equalTo("Bạn là thành viên Ban chỉ đạo ISO tỉnh (UBND xã Mường Phăng)."))
                .body("items[0].reason", equalTo("STEERING_COMMITTEE"));
        assertEquals(0, Fixtures.count("select count(*) from notification where event_id = '" + finding + "' and channel = 'EMAIL'"));
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopic() {
        String agency = UUID.randomUUID().toString();
        TestKafka.publish("audit.events", agency, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "vn.govqms.audit.finding.raised.v1"), "{\"findingId\":\"x\"}");
        Assertions.assertFalse(TestKafka.await("audit.events.dlq", r -> agency.equals(r.key()),
                Duration.ofSeconds(30)).isEmpty());
    }
}
