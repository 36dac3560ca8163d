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

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;

/**
 * document-service re-dates an open review when the change behind it was re-dated (procedure-review.rescheduled, published
 * here in the contract's shape): the tracked due date follows, an overdue review due again later counts as open again, so
 * the penalty goes and the live score comes back; a completed review keeps its history; a redelivery changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ReviewRescheduleTests {

    static final int YEAR = LocalDate.now(VIETNAM).getYear();

    static String doc(String type) {
        return "vn.govqms.document." + type + ".v1";
    }

    static String rescheduled(String task, String agency, String previousDue, String due, String status) {
        return """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TP-02","revision":1,"causeType":"LEGAL_DOCUMENT",
                 "causeId":"%s","causeKind":"REPLACED","causeSummary":"Văn bản 19/2014/QĐ-TTg bị thay thế bởi 101/2025/QĐ-TTg",
                 "previousEffectiveDate":"%s","effectiveDate":"%s","previousDueDate":"%s","dueDate":"%s","status":"%s"}"""
                .formatted(task, agency, UUID.randomUUID(), UUID.randomUUID(), LocalDate.parse(previousDue).minusMonths(3),
                        LocalDate.parse(due).minusMonths(3), previousDue, due, status);
    }

    static JsonPath indicators(String agency, String province) {
        return given().auth().oauth2(admin(province)).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                .extract().jsonPath();
    }

    static String tracked(String task) {
        return TestDb.value(Fixtures.db(), "select status || ' ' || due_date from review_track where task_id = '" + task + "'");
    }

    @Test
    void anOverdueReviewReDatedIntoTheFutureIsOpenAgainAndThePenaltyGoes() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Tư pháp tỉnh " + p);
        CriteriaSets.activeSet(p, 2020);
        TestKafka.publishCloudEvent("document.events", agency, doc("qms.announced"), "agencies/" + agency, """
                {"agencyId":"%s","announcementId":"%s","decisionNumber":"15/QĐ-STP","decisionDate":"2019-05-10","standardEdition":"2015"}"""
                .formatted(agency, UUID.randomUUID()));
        LiveScoreTests.awaitScore(agency, p, 70.0f, "AVERAGE");

        String task = UUID.randomUUID().toString();
        String due = YEAR + "-01-15";
        TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.overdue"), "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TP-02","dueDate":"%s","daysOverdue":30,
                 "causeSummary":"Văn bản 19/2014/QĐ-TTg được thay thế"}""".formatted(task, agency, UUID.randomUUID(), due));
        LiveScoreTests.awaitScore(agency, p, 65.0f, "AVERAGE");

        // the replacing decree's effective date was corrected: due next year, open again
        String later = (YEAR + 1) + "-03-01";
        String body = rescheduled(task, agency, due, later, "OPEN");
        String id = TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.rescheduled"), "review-tasks/" + task, body);
        LiveScoreTests.awaitScore(agency, p, 70.0f, "AVERAGE");
        assertEquals("OPEN " + later, tracked(task));
        JsonPath now = indicators(agency, p);
        assertEquals(0, now.getInt("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value"));
        // moved two years (the one it left and the one it went to), one line in the log
        List<String> lines = now.getList("movedBy.findAll { it.type == '" + doc("procedure-review.rescheduled") + "' }.summary");
        assertEquals(List.of("Dời hạn rà soát quy trình QT-TP-02 từ " + due + " sang " + later + " (chưa quá hạn)"), lines);

        // redelivered: changes nothing (the overdue event of the new date, later on the key, shows it was consumed)
        TestKafka.publishCloudEvent("document.events", agency, id, doc("procedure-review.rescheduled"), "review-tasks/" + task, body);
        TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.overdue"), "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TP-02","dueDate":"%s","daysOverdue":1}"""
                .formatted(task, agency, UUID.randomUUID(), later));
        await().atMost(Duration.ofSeconds(30)).until(() -> ("OVERDUE " + later).equals(tracked(task)));
        assertEquals(1, TestDb.count(Fixtures.db(), "select count(*) from processed_event where event_id = '" + id + "'"));
        // overdue again, but from next year on: this year's score keeps no penalty
        LiveScoreTests.awaitScore(agency, p, 70.0f, "AVERAGE");
    }

    @Test
    void aReviewStillOverdueAfterTheMoveKeepsItsPenaltyAndACompletedOneKeepsItsHistory() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Nội vụ tỉnh " + p);
        CriteriaSets.activeSet(p, 2020);
        String overdue = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.overdue"), "review-tasks/" + overdue, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-SNV-01","dueDate":"%d-02-01","daysOverdue":30}"""
                .formatted(overdue, agency, UUID.randomUUID(), YEAR));
        LiveScoreTests.awaitScore(agency, p, 45.0f, "WEAK");

        String done = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.completed"), "review-tasks/" + done, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"NO_CHANGE","dueDate":"%d-03-01","onTime":true,
                 "resolvedAt":"%d-02-20T09:00:00+07:00"}""".formatted(done, agency, UUID.randomUUID(), YEAR, YEAR));
        await().atMost(Duration.ofSeconds(30)).until(() -> ("COMPLETED " + YEAR + "-03-01").equals(tracked(done)));

        // a completed review is not moved (document-service sends none; one arriving anyway changes nothing)
        TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.rescheduled"), "review-tasks/" + done,
                rescheduled(done, agency, YEAR + "-03-01", YEAR + "-01-10", "OVERDUE"));
        // still overdue at its earlier date
        TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.rescheduled"), "review-tasks/" + overdue,
                rescheduled(overdue, agency, YEAR + "-02-01", YEAR + "-01-20", "OVERDUE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ("OVERDUE " + YEAR + "-01-20").equals(tracked(overdue)));
        assertEquals("COMPLETED " + YEAR + "-03-01", tracked(done));
        JsonPath now = indicators(agency, p);
        assertEquals(1, now.getInt("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value"));
        assertEquals(1, now.getInt("indicators.find { it.code == 'PROCEDURE_REVIEWS_ON_TIME' }.value"));
    }

    @Test
    void aRescheduleWithoutItsDatesGoesToTheDeadLetterTopic() {
        String agency = UUID.randomUUID().toString();
        String id = TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.rescheduled"), "review-tasks/x", """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","status":"OPEN"}""".formatted(UUID.randomUUID(), agency, UUID.randomUUID()));
        assertEquals(false, TestKafka.await("document.events.dlq", r -> id.equals(TestKafka.header(r, "ce_id")), Duration.ofSeconds(30)).isEmpty());
    }
}
