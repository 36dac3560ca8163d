package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;

/**
 * "Procedures issued but not posted" per agency, from document-service's document.issued, document.posted and
 * document.abolished (published here in the contract's shape): a procedure's revision in force counts until it is
 * posted at the office and published on the portal; a new revision counts again; other documents never count.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class PostingIndicatorTests {

    static final int YEAR = LocalDate.now(VIETNAM).getYear();

    static String doc(String type) {
        return "vn.govqms.document." + type + ".v1";
    }

    static String issued(String agency, String document, String code, String type, int revision) {
        return TestKafka.publishCloudEvent("document.events", agency, doc("document.issued"), "documents/" + document + "/versions/" + revision, """
                {"documentId":"%s","agencyId":"%s","code":"%s","title":"Quy trình cấp giấy phép","type":"%s","revision":%d,
                 "status":"ISSUED","effectiveDate":"%d-03-01","actor":"agency-head-1"}""".formatted(document, agency, code, type, revision, YEAR));
    }

    static void posted(String agency, String document, String code, int revision, String channel) {
        TestKafka.publishCloudEvent("document.events", agency, doc("document.posted"), "documents/" + document + "/versions/" + revision, """
                {"postingId":"%s","documentId":"%s","agencyId":"%s","code":"%s","title":"Quy trình cấp giấy phép","type":"TTHC_PROCEDURE",
                 "revision":%d,"channel":"%s","postedOn":"%d-03-02","url":"https://sct.gov.vn/tthc/%s","recordedBy":"iso-officer-1"}"""
                .formatted(UUID.randomUUID(), document, agency, code, revision, channel, YEAR, code));
    }

    static void awaitNotPosted(String agency, String province, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(expected, indicators(agency, province)
                .getInt("indicators.find { it.code == 'PROCEDURES_NOT_POSTED' }.value")));
    }

    static JsonPath indicators(String agency, String province) {
        return given().auth().oauth2(admin(province)).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                .extract().jsonPath();
    }

    /**
     * A trade department's postings, made once for this class: a procedure and a form issued; the procedure posted at the
     * office (its issue delivered again), then on the portal; revision 2 issued, revision 1's late postings and revision 2's
     * portal posting, then its office posting; another procedure issued, a draft of it abolished, then its issued revision.
     * The indicators are awaited at each step and kept where a later step changes them.
     */
    record Postings(String province, String agency, String issuedId, JsonPath first, JsonPath atTheOfficeOnly, JsonPath posted,
                    JsonPath revision2OnThePortal, JsonPath revision2Posted, JsonPath draftAbolished, JsonPath abolished) {
    }

    private static Postings postings;

    static synchronized Postings postings() {
        if (postings != null) {
            return postings;
        }
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Công Thương tỉnh " + p);
        String procedure = UUID.randomUUID().toString();
        String form = UUID.randomUUID().toString();
        String issuedId = issued(agency, procedure, "QT-SCT-01", "TTHC_PROCEDURE", 1);
        issued(agency, form, "BM-SCT-01", "FORM", 1);
        awaitNotPosted(agency, p, 1);
        JsonPath first = indicators(agency, p);

        // at the office only: still owed; on the portal too: posted
        posted(agency, procedure, "QT-SCT-01", 1, "NOTICE_BOARD");
        TestKafka.publishCloudEvent("document.events", agency, issuedId, doc("document.issued"), "documents/" + procedure + "/versions/1", """
                {"documentId":"%s","agencyId":"%s","code":"QT-SCT-01","type":"TTHC_PROCEDURE","revision":1,"effectiveDate":"%d-03-01"}"""
                .formatted(procedure, agency, YEAR));
        awaitNotPosted(agency, p, 1);
        JsonPath atTheOfficeOnly = indicators(agency, p);
        posted(agency, procedure, "QT-SCT-01", 1, "PORTAL");
        awaitNotPosted(agency, p, 0);
        JsonPath posted = indicators(agency, p);

        // revision 2 is posted afresh: a late posting of revision 1 does not count for it
        issued(agency, procedure, "QT-SCT-01", "TTHC_PROCEDURE", 2);
        posted(agency, procedure, "QT-SCT-01", 1, "NOTICE_BOARD");
        posted(agency, procedure, "QT-SCT-01", 1, "PORTAL");
        posted(agency, procedure, "QT-SCT-01", 2, "PORTAL");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(indicators(agency, p).getList("movedBy.summary")
                .contains("Đăng tải trên cổng thông tin điện tử QT-SCT-01 (lần ban hành 2)")));
        awaitNotPosted(agency, p, 1);
        JsonPath revision2OnThePortal = indicators(agency, p);
        posted(agency, procedure, "QT-SCT-01", 2, "NOTICE_BOARD");
        awaitNotPosted(agency, p, 0);
        JsonPath revision2Posted = indicators(agency, p);

        // an abolished procedure is owed no posting; abolishing a draft of another leaves its issued revision owed
        String other = UUID.randomUUID().toString();
        issued(agency, other, "QT-SCT-02", "OPERATIONAL_PROCEDURE", 1);
        awaitNotPosted(agency, p, 1);
        TestKafka.publishCloudEvent("document.events", agency, doc("document.abolished"), "documents/" + other + "/versions/2", """
                {"documentId":"%s","agencyId":"%s","code":"QT-SCT-02","type":"OPERATIONAL_PROCEDURE","revision":2,"status":"ABOLISHED",
                 "reason":"Dự thảo không ban hành"}""".formatted(other, agency));
        posted(agency, procedure, "QT-SCT-01", 2, "PORTAL");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(indicators(agency, p).getList("movedBy.type")
                .contains(doc("document.abolished"))));
        awaitNotPosted(agency, p, 1);
        JsonPath draftAbolished = indicators(agency, p);
        TestKafka.publishCloudEvent("document.events", agency, doc("document.abolished"), "documents/" + other + "/versions/1", """
                {"documentId":"%s","agencyId":"%s","code":"QT-SCT-02","type":"OPERATIONAL_PROCEDURE","revision":1,"status":"ABOLISHED",
                 "reason":"Thủ tục hành chính đã bị bãi bỏ"}""".formatted(other, agency));
        awaitNotPosted(agency, p, 0);
        postings = new Postings(p, agency, issuedId, first, atTheOfficeOnly, posted, revision2OnThePortal, revision2Posted, draftAbolished,
                indicators(agency, p));
        return postings;
    }

    @Test
    void anIssuedProcedureIsOwedAPostingAndOtherDocumentsAreNot() {
        JsonPath first = postings().first();
        assertEquals(1, first.getInt("indicators.find { it.code == 'PROCEDURES_NOT_POSTED' }.value"));
        assertEquals("Quy trình đã ban hành chưa niêm yết, đăng tải đủ (trụ sở và cổng thông tin)",
                first.getString("indicators.find { it.code == 'PROCEDURES_NOT_POSTED' }.label"));
        assertEquals(2, first.getInt("indicators.find { it.code == 'DOCUMENTS_PUBLISHED' }.value"));
    }

    static int notPosted(JsonPath indicators) {
        return indicators.getInt("indicators.find { it.code == 'PROCEDURES_NOT_POSTED' }.value");
    }

    @Test
    void aProcedureIsPostedOnceAtTheOfficeAndOnThePortalAndItsIssueCountsOnce() {
        Postings w = postings();
        assertEquals(1, notPosted(w.atTheOfficeOnly()));
        assertEquals(0, notPosted(w.posted()));
        assertEquals(1, TestDb.count(Fixtures.db(), "select count(*) from processed_event where event_id = '" + w.issuedId() + "'"));
        assertTrue(w.posted().getList("movedBy.summary").contains("Đăng tải trên cổng thông tin điện tử QT-SCT-01 (lần ban hành 1)"));
    }

    @Test
    void aNewRevisionIsPostedAfreshAndALatePostingOfTheOldOneDoesNotCountForIt() {
        Postings w = postings();
        assertTrue(w.revision2OnThePortal().getList("movedBy.summary").contains("Đăng tải trên cổng thông tin điện tử QT-SCT-01 (lần ban hành 2)"));
        assertEquals(1, notPosted(w.revision2OnThePortal()));
        assertEquals(0, notPosted(w.revision2Posted()));
    }

    @Test
    void anAbolishedProcedureIsOwedNoPostingButAnAbolishedDraftLeavesItsIssuedRevisionOwed() {
        Postings w = postings();
        assertTrue(w.draftAbolished().getList("movedBy.type").contains(doc("document.abolished")));
        assertEquals(1, notPosted(w.draftAbolished()));
        assertEquals(0, notPosted(w.abolished()));
    }

    @Test
    void theAgencysOwnOfficerReadsItsIndicatorsAndAnotherAgencysDoesNot() {
        Postings w = postings();
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", w.agency(), w.province())).get("/api/v1/agencies/{id}/indicators", w.agency())
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", UUID.randomUUID().toString(), w.province()))
                .get("/api/v1/agencies/{id}/indicators", w.agency()).then().statusCode(403);
    }

    @Test
    void aPostingWithoutItsRevisionGoesToTheDeadLetterTopic() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Y tế tỉnh " + p);
        String document = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", agency, doc("document.posted"), "documents/" + document, """
                {"documentId":"%s","agencyId":"%s","channel":"PORTAL"}""".formatted(document, agency));
        assertTrue(!TestKafka.await("document.events.dlq", r -> r.value().contains(document), Duration.ofSeconds(30)).isEmpty());
    }
}
