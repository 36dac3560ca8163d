package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Indicators follow document- and audit-service events on the real broker (published here in the
 * contract's shape), and the live score follows them; score.changed is published when the band moves.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class LiveScoreTests {

    static final int YEAR = LocalDate.now(VIETNAM).getYear();

    static String doc(String type) {
        return "vn.govqms.document." + type + ".v1";
    }

    static String audit(String type) {
        return "vn.govqms.audit." + type + ".v1";
    }

    static void awaitScore(String agency, String province, float score, String band) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin(province))
                .get("/api/v1/agencies/{id}/score", agency).then().statusCode(200)
                .body("score", equalTo(score)).body("band", equalTo(band)));
    }

    /**
     * A justice department's live score, made once for this class: read before anything is known, then moved by its QMS
     * announcement, an overdue review, an overdue corrective action, the overdue review delivered again and its completion;
     * each score is awaited and kept.
     */
    record Moves(String province, String agency, String set, String overdueId, Response initial, Response announced,
                 Response reviewOverdue, Response actionOverdue, Response reviewCompleted) {
    }

    private static Moves moves;

    static Response score(String agency, String province, float score, String band) {
        awaitScore(agency, province, score, band);
        return given().auth().oauth2(admin(province)).get("/api/v1/agencies/{id}/score", agency);
    }

    static synchronized Moves moves() {
        if (moves != null) {
            return moves;
        }
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Tư pháp tỉnh " + p);
        String set = CriteriaSets.activeSet(p, 2020);
        Response initial = given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/score", agency);

        TestKafka.publishCloudEvent("document.events", agency, doc("qms.announced"), "agencies/" + agency, """
                {"agencyId":"%s","announcementId":"%s","decisionNumber":"15/QĐ-STP","decisionDate":"2019-05-10","standardEdition":"2015"}"""
                .formatted(agency, UUID.randomUUID()));
        Response announced = score(agency, p, 70.0f, "AVERAGE");

        String task = UUID.randomUUID().toString();
        String overdue = """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TP-01","dueDate":"%d-01-15","daysOverdue":30,
                 "causeSummary":"Văn bản 19/2014/QĐ-TTg được thay thế"}""".formatted(task, agency, UUID.randomUUID(), YEAR);
        String overdueId = TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.overdue"), "review-tasks/" + task, overdue);
        Response reviewOverdue = score(agency, p, 65.0f, "AVERAGE");

        String action = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("audit.events", agency, audit("corrective-action.overdue"), "corrective-actions/" + action, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","owner":"iso-officer-1","title":"Bổ sung hồ sơ đánh giá nội bộ",
                 "dueDate":"%d-02-01","daysOverdue":15,"escalationStep":15}""".formatted(action, UUID.randomUUID(), agency, YEAR));
        Response actionOverdue = score(agency, p, 55.0f, "AVERAGE");

        // the same overdue event delivered again changes nothing; a later event on the key shows it was consumed
        TestKafka.publishCloudEvent("document.events", agency, overdueId, doc("procedure-review.overdue"), "review-tasks/" + task, overdue);
        TestKafka.publishCloudEvent("document.events", agency, doc("procedure-review.completed"), "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"REVISED","dueDate":"%d-01-15","onTime":false,
                 "resolvedAt":"%d-02-20T09:00:00+07:00"}""".formatted(task, agency, UUID.randomUUID(), YEAR, YEAR));
        Response reviewCompleted = score(agency, p, 60.0f, "AVERAGE");
        moves = new Moves(p, agency, set, overdueId, initial, announced, reviewOverdue, actionOverdue, reviewCompleted);
        return moves;
    }

    @Test
    void anAgencyWithNothingKnownScoresItsDeductionCriteriaInFull() {
        Moves w = moves();
        // 0 (1.1) + 0 (1.2 manual) + 20 + 30
        w.initial().then().statusCode(200)
                .body("score", equalTo(50.0f)).body("band", equalTo("WEAK")).body("bandLabel", equalTo("Yếu"))
                .body("criteriaSetId", equalTo(w.set())).body("year", equalTo(YEAR))
                .body("criteria.find { it.code == '2.1' }.points", equalTo(20.0f));
    }

    @Test
    void anAnnouncedQmsRaisesTheScoreAndAnOverdueReviewAndActionLowerIt() {
        Moves w = moves();
        w.announced().then().body("score", equalTo(70.0f)).body("band", equalTo("AVERAGE"));
        w.reviewOverdue().then().body("score", equalTo(65.0f));
        w.actionOverdue().then().body("score", equalTo(55.0f));
    }

    @Test
    void anEventDeliveredAgainChangesNothingAndACompletedReviewCountsAsLate() {
        Moves w = moves();
        w.reviewCompleted().then().body("score", equalTo(60.0f)).body("band", equalTo("AVERAGE"));
        assertEquals(1, TestDb.count(Fixtures.db(), "select count(*) from processed_event where event_id = '" + w.overdueId() + "'"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", w.agency(), w.province())).get("/api/v1/agencies/{id}/indicators", w.agency())
                .then().statusCode(200)
                .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value", equalTo(0))
                .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_LATE' }.value", equalTo(1))
                .body("indicators.find { it.code == 'PROCEDURE_REVIEW_ON_TIME_RATE' }.value", equalTo(0.0f))
                .body("indicators.find { it.code == 'CORRECTIVE_ACTIONS_OVERDUE' }.value", equalTo(1))
                .body("indicators.find { it.code == 'QMS_ANNOUNCED' }.label", equalTo("Đã công bố HTQLCL phù hợp TCVN ISO 9001"))
                .body("movedBy[0].type", equalTo(doc("procedure-review.completed")))
                .body("movedBy.summary", hasItem("Quá hạn rà soát quy trình QT-TP-01 (hạn " + YEAR + "-01-15)"));
    }

    @Test
    void aBandChangeIsAScoreChangedEventNamingItsCause() {
        String agency = moves().agency();
        // WEAK at 50 → AVERAGE at 70: both edges belong to the band below; caused by the announcement
        assertFalse(TestKafka.await("scoring.events", r -> agency.equals(r.key())
                && "vn.govqms.scoring.score.changed.v1".equals(TestKafka.header(r, "ce_type"))
                && "WEAK".equals(JsonPath.from(r.value()).getString("previousBand"))
                && "AVERAGE".equals(JsonPath.from(r.value()).getString("band"))
                && String.valueOf(JsonPath.from(r.value()).getString("cause")).contains("qms.announced"), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void aBurstOfReviewEventsIsCountedWholeLoggedWithinItsLimitAndScoredOnce() {
        // a decree amendment: many review tasks for a few agencies, consumed in runs (set-based, one log insert, one recomputation)
        String p = Fixtures.province();
        CriteriaSets.activeSet(p, 2020);
        List<String> agencies = List.of(Fixtures.agency(p, "Sở Nội vụ"), Fixtures.agency(p, "Sở Y tế"), Fixtures.agency(p, "Sở Công Thương"));
        int perAgency = 30;
        Map<String, List<String>> tasks = new HashMap<>();
        // one task first tracked under the third agency, then named for the first (its document went there): it moves
        String moving = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", agencies.get(2), doc("procedure-review.required"), "review-tasks/" + moving,
                review(moving, agencies.get(2), 99));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(Fixtures.db(), "select count(*) from review_track where task_id = '"
                + moving + "' and agency_id = '" + agencies.get(2) + "'") == 1);
        for (String type : List.of("procedure-review.required", "procedure-review.overdue")) {
            for (int i = 0; i < perAgency; i++) {
                for (String agency : agencies) {
                    List<String> own = tasks.computeIfAbsent(agency, a -> new ArrayList<>());
                    if (own.size() <= i) {
                        own.add(agency.equals(agencies.get(0)) && i == 0 ? moving : UUID.randomUUID().toString());
                    }
                    String task = own.get(i);
                    TestKafka.publishCloudEvent("document.events", agency, doc(type), "review-tasks/" + task, review(task, agency, i));
                }
            }
            if (type.endsWith("required")) {
                for (String agency : agencies) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> TestDb.count(Fixtures.db(), "select count(*) from review_track where agency_id = '"
                            + agency + "' and status = 'OPEN'") == perAgency);
                }
                assertEquals(0, TestDb.count(Fixtures.db(), "select count(*) from review_track where agency_id = '" + agencies.get(2)
                        + "' and task_id = '" + moving + "'"));
            }
        }
        for (String agency : agencies) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin(p))
                    .get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                    .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value", equalTo(perAgency)));
            // the log keeps the last 20 events, newest first, however many came in one run
            given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                    .body("movedBy[0].summary", equalTo("Quá hạn rà soát quy trình QT-%02d (hạn %d-01-15)".formatted(perAgency - 1, YEAR)));
            assertEquals(20, TestDb.count(Fixtures.db(), "select count(*) from indicator_event where agency_id = '" + agency + "'"));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(Fixtures.db(), "select count(*) from live_score where agency_id = '"
                    + agency + "' and year = " + YEAR + " and cause = '" + doc("procedure-review.overdue") + "'") == 1);
        }
    }

    private static String review(String task, String agency, int i) {
        return """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-%02d","dueDate":"%d-01-15","daysOverdue":3,
                 "causeSummary":"Nghị định sửa đổi"}""".formatted(task, agency, UUID.randomUUID(), i, YEAR);
    }

    @Test
    void auditEventsMoveTheIndicators() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "UBND xã Mường Phăng");
        String plan = UUID.randomUUID().toString();
        String item1 = UUID.randomUUID().toString();
        String item2 = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("audit.events", agency, audit("activity-plan.approved"), "activity-plans/" + plan, """
                {"planId":"%s","agencyId":"%s","year":%d,"approvedBy":"agency-head-1","approvedAt":"%d-01-05T08:00:00Z",
                 "items":[{"itemId":"%s","kind":"INTERNAL_AUDIT","title":"Đánh giá nội bộ","plannedDate":"%d-06-01","owner":null},
                          {"itemId":"%s","kind":"MANAGEMENT_REVIEW","title":"Họp xem xét của lãnh đạo","plannedDate":"%d-11-01","owner":null}]}"""
                .formatted(plan, agency, YEAR, YEAR, item1, YEAR, item2, YEAR));
        TestKafka.publishCloudEvent("audit.events", agency, audit("activity.done"), "activity-plans/" + plan, """
                {"planId":"%s","itemId":"%s","agencyId":"%s","year":%d,"kind":"INTERNAL_AUDIT","doneDate":"%d-06-03"}"""
                .formatted(plan, item1, agency, YEAR, YEAR));
        String audit = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("audit.events", agency, audit("audit.completed"), "audits/" + audit, """
                {"auditId":"%s","agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"ON_SITE","year":%d,"completedOn":"%d-06-03",
                 "conclusion":"Phù hợp","findings":{"major":1,"minor":0,"observation":0,"improvement":0}}""".formatted(audit, agency, YEAR, YEAR));
        String finding = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("audit.events", agency, audit("finding.raised"), "findings/" + finding, """
                {"findingId":"%s","auditId":"%s","agencyId":"%s","auditKind":"INTERNAL_AUDIT","clause":"8.5.1","kind":"MAJOR_NONCONFORMITY",
                 "description":"Không lưu hồ sơ giải quyết TTHC"}""".formatted(finding, audit, agency));
        TestKafka.publishCloudEvent("audit.events", agency, audit("management-review.held"), "management-reviews/x", """
                {"reviewId":"%s","agencyId":"%s","year":%d,"heldOn":"%d-11-02","chair":"Giám đốc"}""".formatted(UUID.randomUUID(), agency, YEAR, YEAR));
        String token = TestTokens.agencyRole("agency-head", agency, p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                .body("indicators.find { it.code == 'ACTIVITY_PLAN_APPROVED' }.value", equalTo(1))
                .body("indicators.find { it.code == 'ACTIVITY_COMPLETION_RATE' }.value", equalTo(50.0f))
                .body("indicators.find { it.code == 'INTERNAL_AUDITS_HELD' }.value", equalTo(1))
                .body("indicators.find { it.code == 'MANAGEMENT_REVIEWS_HELD' }.value", equalTo(1))
                .body("indicators.find { it.code == 'OPEN_MAJOR_NONCONFORMITIES' }.value", equalTo(1)));
        TestKafka.publishCloudEvent("audit.events", agency, audit("finding.closed"), "findings/" + finding, """
                {"findingId":"%s","auditId":"%s","agencyId":"%s","kind":"MAJOR_NONCONFORMITY","closedOn":"%d-07-01"}"""
                .formatted(finding, audit, agency, YEAR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                .body("indicators.find { it.code == 'OPEN_MAJOR_NONCONFORMITIES' }.value", equalTo(0))
                .body("movedBy[0].summary", equalTo("Đóng điểm không phù hợp nặng")));
    }

    @Test
    void anEventWithoutItsAgencyGoesToTheDeadLetterTopic() {
        String id = TestKafka.publishCloudEvent("audit.events", "x", audit("finding.raised"), "findings/x", "{\"findingId\":\"" + UUID.randomUUID() + "\"}");
        assertFalse(TestKafka.await("audit.events.dlq", r -> id.equals(TestKafka.header(r, "ce_id"))
                && TestKafka.header(r, "dead-letter-reason").contains("agencyId"), Duration.ofSeconds(30)).isEmpty());
    }

    @Test
    void anAgencyReadsOnlyItsOwnScore() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Nội vụ");
        String other = Fixtures.agency(p, "Sở Tài chính");
        given().get("/api/v1/agencies/{id}/score", agency).then().spec(problem(401));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", other, p)).get("/api/v1/agencies/{id}/score", agency)
                .then().spec(problem(403));
        given().auth().oauth2(admin(Fixtures.province())).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(403);
        given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/score", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(admin(p)).queryParam("year", "hai nghìn").get("/api/v1/agencies/{id}/score", agency).then().spec(problem(400));
        // no active criteria set in the province: indicators but no score
        given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200)
                .body("score", equalTo(null)).body("criteriaSetId", equalTo(null));
        // the directory endpoint of the kit still answers beside this service's agency paths
        given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}", agency).then().statusCode(200).body("name", equalTo("Sở Nội vụ"));
    }

    @Test
    void aMergerMovesWhatThePredecessorsOweToTheSuccessor() {
        String p = Fixtures.province();
        String old = Fixtures.agency(p, "UBND xã Thanh Minh");
        String successor = Fixtures.agency(p, "UBND phường Mường Thanh");
        CriteriaSets.activeSet(p, 2020);
        String task = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", old, doc("procedure-review.overdue"), "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-01","dueDate":"%d-01-15","daysOverdue":3}"""
                .formatted(task, old, UUID.randomUUID(), YEAR));
        awaitScore(old, p, 45.0f, "WEAK");
        TestKafka.publishCloudEvent("document.events", successor, doc("agency.merged"), "agencies/" + successor, """
                {"successorId":"%s","predecessorIds":["%s"],"effectiveDate":"2025-07-01","movedDocuments":4}""".formatted(successor, old));
        awaitScore(successor, p, 45.0f, "WEAK");
        given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/indicators", successor).then().statusCode(200)
                .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value", equalTo(1))
                .body("movedBy[0].summary", equalTo("Tiếp nhận 1 cơ quan sáp nhập (hiệu lực 2025-07-01)"));
        assertEquals(0, TestDb.count(Fixtures.db(), "select count(*) from live_score where agency_id = '" + old + "'"));
    }

    /**
     * Điện Biên district's natural resources office, owing an overdue review, split (made once for this class) into a primary
     * successor and another that takes the reviewed document; the review then completed under the other, and an event still
     * naming the ended office. What each step showed is kept.
     */
    record Split(String province, String source, String primary, String other, long sourceScoresAfterSplit, Response primaryAfterSplit,
                 Response otherAfterSplit, Response rankingAfterSplit, Response otherAfterCompletion, Response primaryAfterCompletion,
                 long sourceScoresAtEnd) {
    }

    private static Split split;

    static Response indicators(String agency, String province) {
        return given().auth().oauth2(admin(province)).get("/api/v1/agencies/{id}/indicators", agency);
    }

    static synchronized Split split() {
        if (split != null) {
            return split;
        }
        String p = Fixtures.province();
        String source = Fixtures.agency(p, "Phòng Tài nguyên và Môi trường huyện Điện Biên");
        String primary = Fixtures.agency(p, "Phòng Nông nghiệp và Môi trường huyện Điện Biên");
        String other = Fixtures.agency(p, "Phòng Kinh tế, Hạ tầng và Đô thị huyện Điện Biên");
        CriteriaSets.activeSet(p, 2020);
        String task = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", source, doc("procedure-review.overdue"), "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TNMT-02","dueDate":"%d-01-15","daysOverdue":3}"""
                .formatted(task, source, document, YEAR));
        awaitScore(source, p, 45.0f, "WEAK");

        // document-service ends the source (agency.updated) and announces the split, both keyed by the source's id
        TestKafka.publishCloudEvent("document.events", source, doc("agency.updated"), "agencies/" + source, """
                {"agencyId":"%s","code":"%s","name":"Phòng Tài nguyên và Môi trường huyện Điện Biên","level":"DEPARTMENT",
                 "provinceCode":"%s","validTo":"2025-06-30","revision":1}""".formatted(source, Fixtures.code(source), p));
        TestKafka.publishCloudEvent("document.events", source, doc("agency.split"), "agencies/" + source, """
                {"predecessorId":"%s","effectiveDate":"2025-07-01","successors":[
                  {"successorId":"%s","primary":true,"movedDocuments":12},
                  {"successorId":"%s","primary":false,"movedDocuments":5}]}""".formatted(source, primary, other));
        awaitScore(primary, p, 45.0f, "WEAK");
        awaitScore(other, p, 50.0f, "WEAK");
        long sourceScoresAfterSplit = TestDb.count(Fixtures.db(), "select count(*) from live_score where agency_id = '" + source + "'");
        Response primaryAfterSplit = indicators(primary, p);
        Response otherAfterSplit = indicators(other, p);
        Response rankingAfterSplit = given().auth().oauth2(admin(p)).queryParam("source", "LIVE").get("/api/v1/rankings");

        // the reviewed document went to the other successor: the task's next event names it
        TestKafka.publishCloudEvent("document.events", other, doc("procedure-review.completed"), "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","outcome":"REVISED","dueDate":"%d-01-15","onTime":false,
                 "resolvedAt":"%d-02-20T09:00:00+07:00"}""".formatted(task, other, document, YEAR, YEAR));
        awaitScore(primary, p, 50.0f, "WEAK");
        Response otherAfterCompletion = indicators(other, p);
        Response primaryAfterCompletion = indicators(primary, p);

        // an event still naming the ended source (the next event on its key shows it was applied)
        TestKafka.publishCloudEvent("document.events", source, doc("qms.reannouncement-required"), "agencies/" + source, """
                {"agencyId":"%s","reason":"Chia tách cơ quan từ 2025-07-01.","addedProcedureIds":[]}""".formatted(source));
        TestKafka.publishCloudEvent("document.events", source, doc("qms.announced"), "agencies/" + primary, """
                {"agencyId":"%s","announcementId":"%s","decisionNumber":"20/QĐ-UBND","decisionDate":"2025-08-01","standardEdition":"2015"}"""
                .formatted(primary, UUID.randomUUID()));
        awaitScore(primary, p, 70.0f, "AVERAGE");
        split = new Split(p, source, primary, other, sourceScoresAfterSplit, primaryAfterSplit, otherAfterSplit, rankingAfterSplit,
                otherAfterCompletion, primaryAfterCompletion,
                TestDb.count(Fixtures.db(), "select count(*) from live_score where agency_id = '" + source + "'"));
        return split;
    }

    @Test
    void whatASplitSourceOwesGoesToItsPrimarySuccessor() {
        split().primaryAfterSplit().then().statusCode(200)
                .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value", equalTo(1))
                .body("movedBy[0].summary", equalTo("Tiếp nhận phần còn lại và lịch sử của cơ quan chia tách (hiệu lực 2025-07-01)"));
    }

    @Test
    void theOtherSuccessorIsToldWhatItTook() {
        split().otherAfterSplit().then().statusCode(200)
                .body("movedBy[0].summary", equalTo("Tiếp nhận 5 tài liệu của cơ quan chia tách (hiệu lực 2025-07-01)"));
    }

    @Test
    void theSplitSourceHasNoLiveScoreAndTheLiveRankingListsItsSuccessors() {
        Split w = split();
        assertEquals(0, w.sourceScoresAfterSplit());
        w.rankingAfterSplit().then().statusCode(200).body("total", equalTo(2)).body("items.agencyId", equalTo(List.of(w.other(), w.primary())));
    }

    @Test
    void aTaskWhoseNextEventNamesTheOtherSuccessorFollowsItsDocument() {
        Split w = split();
        w.otherAfterCompletion().then().statusCode(200).body("indicators.find { it.code == 'PROCEDURE_REVIEWS_LATE' }.value", equalTo(1));
        w.primaryAfterCompletion().then().statusCode(200)
                .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value", equalTo(0))
                .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_LATE' }.value", equalTo(0));
    }

    @Test
    void anEventStillNamingTheEndedSourceGivesItNoLiveScoreAgainAndTheSplitIsRecordedOnce() {
        Split w = split();
        assertEquals(0, w.sourceScoresAtEnd());
        // a redelivered split changes nothing
        assertEquals(2, TestDb.count(Fixtures.db(), "select count(*) from agency_succession where predecessor_id = '" + w.source() + "'"));
    }
}
