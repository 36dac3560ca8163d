package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.training.TrainingCheck;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Trainings of ISO officers (issue 15, item 23): recorded per contact through the kit's Scope, an officer untrained after
 * the period flagged once to the head and the steering committee and cleared by a training, and the province's share of
 * agencies whose ISO officer is trained.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class TrainingTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final String TRAINING = """
            {"title":"Đào tạo nhận thức và xây dựng HTQLCL theo TCVN ISO 9001:2015","trainedOn":"%s",
             "certificateNumber":"125/2025/GCN-TĐC","certificateIssuer":"Viện Năng suất Việt Nam"}""";

    @Inject
    TrainingCheck check;

    /**
     * Lạng Sơn's justice department, made once for this class: its head, a committee member, an ISO officer since four months
     * (flagged, the check run twice more) and one since a month; then the officer records their own training. The answers
     * before and after the training are kept.
     */
    record Untrained(String agency, String officer, String newcomer, String event, LocalDate since, long notifications, long logged,
                     long newcomerNotifications, Response headInbox, Response memberInbox, Response statusBefore, Response recorded,
                     Response statusAfter, Response headInboxAfter) {
    }

    private static Untrained langSon;

    static synchronized Untrained langSon(TrainingCheck check) {
        if (langSon != null) {
            return langSon;
        }
        String agency = Fixtures.agency("61", "Sở Tư pháp tỉnh Lạng Sơn");
        String admin = TestTokens.provinceAdmin("61");
        String head = Fixtures.unique("head");
        String member = Fixtures.unique("bcd");
        Contacts.contact(admin, agency, head, "Lộc Văn Thành", "thanh.lv@sotuphap.langson.gov.vn", "vi", false, "HEAD");
        Contacts.committeeMember("61", member, "Hoàng Thị Vân", "van.ht@skhcn.langson.gov.vn");
        LocalDate since = TODAY.minusMonths(4);
        String officer = officer(admin, agency, Fixtures.unique("officer"), "Nông Thị Hiền", since);
        // an officer who started a month ago is still within the period
        String newcomer = officer(admin, agency, Fixtures.unique("officer"), "Vi Văn Lực", TODAY.minusMonths(1));

        String event = "iso-officer-training:" + officer + ":" + since;
        // the head and the committee member, in the inbox and by e-mail
        Fixtures.awaitCount("select count(*) from notification where event_id = '" + event + "'", 4);
        check.run().await().indefinitely();
        check.run().await().indefinitely();
        long notifications = Fixtures.count("select count(*) from notification where event_id = '" + event + "'");
        long logged = Fixtures.count("select count(*) from event_log where event_id = '" + event + "'");
        long newcomerNotifications = Fixtures.count("select count(*) from notification where event_id like 'iso-officer-training:" + newcomer + ":%'");

        String headToken = TestTokens.person(head, "agency-head", agency, "61");
        Response headInbox = given().auth().oauth2(headToken).queryParam("kind", "iso-officer.training-required").get("/api/v1/notifications");
        Response memberInbox = given().auth().oauth2(TestTokens.person(member, "province-admin", null, "61"))
                .queryParam("kind", "iso-officer.training-required").get("/api/v1/notifications");
        Response statusBefore = given().auth().oauth2(headToken).get("/api/v1/contacts/" + officer + "/trainings/status");

        String officerToken = TestTokens.person(contactSubject(admin, officer), "iso-officer", agency, "61");
        Response recorded = given().auth().oauth2(officerToken).contentType(ContentType.JSON).body(TRAINING.formatted(TODAY.minusDays(2)))
                .post("/api/v1/contacts/" + officer + "/trainings");
        Response statusAfter = given().auth().oauth2(headToken).get("/api/v1/contacts/" + officer + "/trainings/status");
        Response headInboxAfter = given().auth().oauth2(headToken).queryParam("kind", "iso-officer.training-required").get("/api/v1/notifications");
        langSon = new Untrained(agency, officer, newcomer, event, since, notifications, logged, newcomerNotifications, headInbox, memberInbox,
                statusBefore, recorded, statusAfter, headInboxAfter);
        return langSon;
    }

    @Test
    void anOfficerUntrainedAfterThreeMonthsIsFlaggedOnceToTheHeadAndTheCommittee() {
        Untrained w = langSon(check);
        assertEquals(4, w.notifications());
        assertEquals(1, w.logged());
        assertEquals(0, w.newcomerNotifications());
    }

    @Test
    void theHeadIsToldWhoSinceWhenAndTheDeadlineThatPassed() {
        Untrained w = langSon(check);
        w.headInbox().then().statusCode(200).body("total", equalTo(1))
                .body("items[0].text.title", equalTo("Cán bộ ISO chưa được đào tạo: Nông Thị Hiền"))
                .body("items[0].text.happened", equalTo("Nông Thị Hiền làm cán bộ ISO từ ngày " + vi(w.since()) + " nhưng đến ngày "
                        + vi(w.since().plusMonths(3)) + " (thời hạn 3 tháng) vẫn chưa có khóa đào tạo nào được ghi nhận."))
                .body("items[0].text.why", equalTo("Bạn là Người đứng đầu của Sở Tư pháp tỉnh Lạng Sơn."))
                .body("items[0].link", equalTo("/api/v1/contacts/" + w.officer() + "/trainings"))
                .body("items[0].linkService", equalTo("notification-service"))
                .body("items[0].read", equalTo(false));
    }

    @Test
    void theCommitteeMemberIsToldAsTheSteeringCommittee() {
        langSon(check).memberInbox().then().statusCode(200).body("total", equalTo(1)).body("items[0].reason", equalTo("STEERING_COMMITTEE"));
    }

    @Test
    void theOfficersStatusShowsTheDueDateAndTheFlag() {
        Untrained w = langSon(check);
        w.statusBefore().then().statusCode(200)
                .body("isoOfficer", equalTo(true)).body("isoOfficerSince", equalTo(w.since().toString()))
                .body("trainingDueDate", equalTo(w.since().plusMonths(3).toString())).body("trained", equalTo(false))
                .body("flagged", equalTo(true)).body("flaggedAt", notNullValue()).body("clearedAt", nullValue());
    }

    @Test
    void anOfficerRecordsTheirOwnTrainingWithItsCertificate() {
        Untrained w = langSon(check);
        JsonPath recorded = w.recorded().then().statusCode(201).extract().jsonPath();
        assertEquals("Viện Năng suất Việt Nam", recorded.getString("certificateIssuer"));
        assertEquals("125/2025/GCN-TĐC", recorded.getString("certificateNumber"));
        given().auth().oauth2(TestTokens.provinceAdmin("61")).get("/api/v1/contacts/" + w.officer() + "/trainings").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", equalTo("Đào tạo nhận thức và xây dựng HTQLCL theo TCVN ISO 9001:2015"))
                .body("items[0].trainedOn", equalTo(TODAY.minusDays(2).toString()));
        assertEquals(1, Fixtures.count("select count(*) from audit_trail where resource_type = 'contact-training' and resource_id = '"
                + recorded.getString("id") + "' and action = 'recorded'"));
    }

    @Test
    void aTrainingClearsTheFlagAndTheHeadsItem() {
        Untrained w = langSon(check);
        w.statusAfter().then().statusCode(200)
                .body("trained", equalTo(true)).body("trainings", equalTo(1)).body("flagged", equalTo(false)).body("clearedAt", notNullValue());
        w.headInboxAfter().then().statusCode(200).body("items[0].read", equalTo(true));
        assertEquals(1, Fixtures.count("select count(*) from iso_officer_training_flag where contact_id = '" + w.officer()
                + "' and cleared_reason = 'TRAINING' and training_id = '" + w.recorded().path("id") + "'"));
    }

    @Test
    void aTrainedOfficerIsNotFlaggedAgain() {
        Untrained w = langSon(check);
        check.run().await().indefinitely();
        assertEquals(4, Fixtures.count("select count(*) from notification where event_id like 'iso-officer-training:" + w.officer() + ":%'"));
    }

    @Test
    void theDayTheRoleStartedIsRecordedKeptWhileTheRoleStaysAndEndsWithIt() {
        String agency = Fixtures.agency("64", "Sở Xây dựng tỉnh Bắc Kạn");
        String admin = TestTokens.provinceAdmin("64");
        String subject = Fixtures.unique("officer");
        // given without a date: today
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","subject":"%s","name":"Mã Văn Dũng","roles":["UNIT_LEAD","ISO_OFFICER"]}""".formatted(agency, subject))
                .post("/api/v1/contacts").then().statusCode(201).body("isoOfficerSince", equalTo(TODAY.toString())).extract().path("id");
        // corrected to when it really started: kept by a later change that does not name it
        update(admin, id, agency, subject, "[\"UNIT_LEAD\",\"ISO_OFFICER\"]", "\"" + TODAY.minusMonths(5) + "\"")
                .then().statusCode(200).body("isoOfficerSince", equalTo(TODAY.minusMonths(5).toString()));
        Fixtures.awaitCount("select count(*) from iso_officer_training_flag where contact_id = '" + id + "' and cleared_at is null", 1);
        update(admin, id, agency, subject, "[\"ISO_OFFICER\"]", "null")
                .then().statusCode(200).body("isoOfficerSince", equalTo(TODAY.minusMonths(5).toString()));
        // the role taken away: no date, and the case is closed
        update(admin, id, agency, subject, "[\"UNIT_LEAD\"]", "null").then().statusCode(200).body("isoOfficerSince", nullValue());
        Fixtures.awaitCount("select count(*) from iso_officer_training_flag where contact_id = '" + id + "' and cleared_reason = 'ROLE_ENDED'", 1);
        // a date without the role, or after today: 400 naming the field
        update(admin, id, agency, subject, "[\"UNIT_LEAD\"]", "\"" + TODAY.minusDays(3) + "\"").then().spec(problem(400)).body("errors[0].field", equalTo("isoOfficerSince"));
        update(admin, id, agency, subject, "[\"ISO_OFFICER\"]", "\"" + TODAY.plusDays(1) + "\"").then().spec(problem(400)).body("errors[0].field", equalTo("isoOfficerSince"));
    }

    @Test
    void onlyThoseWhoMayChangeTheContactRecordItsTrainingsAndOnlyItsReadersReadThem() {
        String agencyA = Fixtures.agency("61", "Sở Tài chính tỉnh Lạng Sơn");
        String agencyB = Fixtures.agency("61", "Sở Nội vụ tỉnh Lạng Sơn");
        String admin = TestTokens.provinceAdmin("61");
        String officerA = Fixtures.unique("officer");
        Contacts.contact(admin, agencyA, officerA, "Hà Thị Lan", null, "vi", false, "ISO_OFFICER");
        String contactB = officer(admin, agencyB, Fixtures.unique("officer"), "Lương Văn Bình", TODAY.minusMonths(1));
        String path = "/api/v1/contacts/" + contactB + "/trainings";
        String body = TRAINING.formatted(TODAY.minusDays(10));

        // another agency's ISO officer and head: 403, recording and reading
        String otherOfficer = TestTokens.person(officerA, "iso-officer", agencyA, "61");
        given().auth().oauth2(otherOfficer).contentType(ContentType.JSON).body(body).post(path).then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agencyA, "61")).contentType(ContentType.JSON).body(body).post(path)
                .then().spec(problem(403));
        given().auth().oauth2(otherOfficer).get(path).then().spec(problem(403));
        given().auth().oauth2(otherOfficer).get(path + "/status").then().spec(problem(403));
        // another province's steering committee: 403; the national level reads but records nothing
        given().auth().oauth2(TestTokens.provinceAdmin("63")).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.provinceAdmin("63")).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.nationalAdmin()).get(path).then().statusCode(200).body("total", equalTo(0));
        // the agency's own auditor and viewer: not their role
        given().auth().oauth2(TestTokens.agencyRole("auditor", agencyB, "61")).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("viewer", agencyB, "61")).get(path).then().statusCode(403);
        // unknown contact, bad input
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/contacts/" + UUID.randomUUID() + "/trainings")
                .then().spec(problem(404));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"title\":\" \",\"trainedOn\":\"2025-10-01\"}").post(path)
                .then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(TRAINING.formatted(TODAY.plusDays(1))).post(path)
                .then().spec(problem(400)).body("errors[0].field", equalTo("trainedOn"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"title\":\"ISO\",\"trainedOn\":\"hôm qua\"}").post(path)
                .then().spec(problem(400));
        assertEquals(0, Fixtures.count("select count(*) from contact_training where contact_id = '" + contactB + "'"));

        // its own agency's head and the province's committee record it
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agencyB, "61")).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201).body("recordedBy", notNullValue());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(TRAINING.formatted(TODAY.minusYears(1))).post(path).then().statusCode(201);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agencyB, "61")).get(path).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].trainedOn", equalTo(TODAY.minusDays(10).toString()));
    }

    @Test
    void theProvinceSeesTheShareOfAgenciesWhoseIsoOfficerIsTrained() {
        String admin = TestTokens.provinceAdmin("62");
        String trainedA = Fixtures.agency("62", "Sở Y tế tỉnh Cao Bằng");
        String trainedB = Fixtures.agency("62", "Sở Giáo dục và Đào tạo tỉnh Cao Bằng");
        String untrained = Fixtures.agency("62", "Sở Công Thương tỉnh Cao Bằng");
        String a = officer(admin, trainedA, Fixtures.unique("officer"), "Bế Thị Hoa", TODAY.minusMonths(6));
        String b = officer(admin, trainedB, Fixtures.unique("officer"), "Đàm Văn Quang", TODAY.minusMonths(2));
        officer(admin, untrained, Fixtures.unique("officer"), "Nông Văn Sơn", TODAY.minusMonths(7));
        for (String contact : List.of(a, b)) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(TRAINING.formatted(TODAY.minusMonths(1)))
                    .post("/api/v1/contacts/" + contact + "/trainings").then().statusCode(201);
        }
        // 2 of 3: 66.67 (half up)
        Map<String, Object> figures = figures(admin, "62");
        assertEquals(3, figures.get("agencies"));
        assertEquals(3, figures.get("withIsoOfficer"));
        assertEquals(2, figures.get("trained"));
        assertEquals(66.67f, ((Number) figures.get("share")).floatValue());
        assertEquals(1, figures.get("overdue"));
        assertEquals("Tỷ lệ cơ quan có cán bộ ISO đã được đào tạo: 2/3 (66,67%)", figures.get("label"));
        assertEquals(TODAY.toString(), figures.get("asOf"));
        // an agency counts when every ISO officer of it is trained: a second, untrained officer takes one out
        officer(admin, trainedA, Fixtures.unique("officer"), "Lục Văn Tú", TODAY);
        figures = figures(admin, "62");
        assertEquals(1, figures.get("trained"));
        assertEquals(33.33f, ((Number) figures.get("share")).floatValue());
        // an agency without an ISO officer counts among the agencies, not among those with one
        Fixtures.agency("62", "Sở Ngoại vụ tỉnh Cao Bằng");
        figures = figures(admin, "62");
        assertEquals(4, figures.get("agencies"));
        assertEquals(3, figures.get("withIsoOfficer"));
        assertEquals(25.0f, ((Number) figures.get("share")).floatValue());

        // the province's own list without asking: its province only
        JsonPath own = given().auth().oauth2(admin).get("/api/v1/iso-officer-training").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("62"), own.getList("items.provinceCode"));
        // national-admin: every province, this one with the same figures
        JsonPath all = given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("size", 200).get("/api/v1/iso-officer-training")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> national = all.getMap("items.find { it.provinceCode == '62' }");
        assertNotNull(national);
        assertEquals(1, national.get("trained"));
        assertEquals(4, national.get("agencies"));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("provinceCode", "62").get("/api/v1/iso-officer-training")
                .then().statusCode(200).body("items[0].trained", equalTo(1));
        // another province's steering committee, an agency's head: 403; a malformed province: 400
        given().auth().oauth2(TestTokens.provinceAdmin("63")).queryParam("provinceCode", "62").get("/api/v1/iso-officer-training")
                .then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", untrained, "62")).get("/api/v1/iso-officer-training")
                .then().spec(problem(403));
        given().auth().oauth2(admin).queryParam("provinceCode", "620").get("/api/v1/iso-officer-training").then().statusCode(400);
    }

    @Test
    void aPersonKeptOnceAfterAMergerKeepsTheirTrainingsAndIsTheIsoOfficerSinceTheEarliestDay() {
        String admin = TestTokens.provinceAdmin("65");
        String ended = Fixtures.agency("65", "Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang");
        String successor = Fixtures.agency("65", "Sở Nội vụ tỉnh Hà Giang");
        String subject = Fixtures.unique("officer");
        LocalDate since = TODAY.minusMonths(8);
        String old = officer(admin, ended, subject, "Sùng Thị Mai", since);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(TRAINING.formatted(TODAY.minusMonths(7)))
                .post("/api/v1/contacts/" + old + "/trainings").then().statusCode(201);
        String kept = Contacts.contact(admin, successor, subject, "Sùng Thị Mai", null, "vi", false, "UNIT_LEAD");

        TestKafka.publishCloudEvent("document.events", successor, UUID.randomUUID().toString(), "vn.govqms.document.agency.merged.v1",
                "agencies/" + successor, ReorganisationTests.merged(successor, ended));
        Fixtures.awaitCount("select count(*) from contact where agency_id = '" + ended + "'", 0);
        given().auth().oauth2(admin).get("/api/v1/contacts/" + kept + "/trainings/status").then().statusCode(200)
                .body("isoOfficer", equalTo(true)).body("isoOfficerSince", equalTo(since.toString()))
                .body("trained", equalTo(true)).body("trainings", equalTo(1)).body("flagged", equalTo(false));
        // trained: never flagged under the successor either
        check.run().await().indefinitely();
        assertEquals(0, Fixtures.count("select count(*) from iso_officer_training_flag where contact_id = '" + kept + "'"));
    }

    /** An ISO officer of the agency since {@code since}; returns the contact id. */
    static String officer(String admin, String agency, String subject, String name, LocalDate since) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","subject":"%s","name":"%s","roles":["ISO_OFFICER"],"isoOfficerSince":"%s"}"""
                .formatted(agency, subject, name, since)).post("/api/v1/contacts").then().statusCode(201)
                .body("isoOfficerSince", equalTo(since.toString())).extract().path("id");
    }

    static Response update(String admin, String id, String agency, String subject, String roles, String since) {
        String etag = given().auth().oauth2(admin).get("/api/v1/contacts/" + id).then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body("""
                {"agencyId":"%s","subject":"%s","name":"Mã Văn Dũng","roles":%s,"isoOfficerSince":%s}""".formatted(agency, subject, roles, since))
                .put("/api/v1/contacts/" + id);
    }

    static String contactSubject(String admin, String id) {
        return given().auth().oauth2(admin).get("/api/v1/contacts/" + id).then().statusCode(200).extract().path("subject");
    }

    static Map<String, Object> figures(String token, String province) {
        return given().auth().oauth2(token).queryParam("provinceCode", province).get("/api/v1/iso-officer-training")
                .then().statusCode(200).body("total", equalTo(1)).extract().jsonPath().getMap("items[0]");
    }

    static String vi(LocalDate d) {
        return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
