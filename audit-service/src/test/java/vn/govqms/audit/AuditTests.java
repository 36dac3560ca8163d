package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Fixtures.head;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.local.testing.Problems.problem;

/** Audits: team independence, ISO scope, procedures from document events, checklist, lifecycle, copy. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class AuditTests {

    static String team(String subject, String agency, String unit) {
        return """
                [{"subject":"%s","fullName":"Nguyễn Văn An","agencyId":"%s","unit":"%s","role":"LEAD"}]"""
                .formatted(subject, agency, unit);
    }

    /** An internal audit of {@code agency} led by the agency's auditor from "Phòng Kế hoạch", auditing "Văn phòng". */
    static String internalAudit(String agency, String province, String clauses, String procedures) {
        return given().auth().oauth2(officer(agency, province)).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"ON_SITE","title":"Đánh giá nội bộ HTQLCL năm 2026",
                 "plannedStart":"2026-09-15","plannedEnd":"2026-09-17","team":%s,"auditedUnits":["Văn phòng"],
                 "scopeClauses":%s,"procedureIds":%s}""".formatted(agency, team("auditor-" + agency, agency, "Phòng Kế hoạch"),
                clauses, procedures)).post("/api/v1/audits").then().statusCode(201).extract().path("id");
    }

    /** A provincial inspection of {@code agency} by an auditor of {@code inspector}, started. */
    static String inspection(String agency, String inspector, String province, String mode) {
        String id = given().auth().oauth2(admin(province)).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"%s","title":"Kiểm tra việc áp dụng HTQLCL năm 2026",
                 "plannedStart":"2026-11-08","plannedEnd":"2026-11-10","team":%s}"""
                .formatted(agency, mode, team("auditor-" + inspector, inspector, "Chi cục Tiêu chuẩn Đo lường Chất lượng")))
                .post("/api/v1/audits").then().statusCode(201).extract().path("id");
        given().auth().oauth2(auditor(inspector, province)).post("/api/v1/audits/{id}/start", id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        return id;
    }

    static String issueDocument(String agency, String code) {
        String id = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", agency, "vn.govqms.document.document.issued.v1", "documents/" + id, """
                {"documentId":"%s","agencyId":"%s","code":"%s","title":"Quy trình kiểm soát hồ sơ","type":"SYSTEM_PROCEDURE",
                 "revision":1,"status":"ISSUED","actor":"agency-head"}""".formatted(id, agency, code));
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count("select count(*) from known_document where id = '" + id + "'") == 1);
        return id;
    }

    /**
     * Hà Nam's education department's internal audit of two clauses and one issued procedure, made once for this class:
     * answered before its start (refused), started twice, reported with a question unanswered (refused), then answered, a
     * finding raised, reported by the officer (refused) and the lead, confirmed by the province (refused) and the head, and
     * copied for next year. Each answer is kept for the rule it shows.
     */
    record InternalAudit(String agency, String id, Response planned, Response answeredBeforeStart, Response started,
                         Response startedAgain, Response answered, Response reportedUnanswered, Response findingRaised,
                         Response reportedByOfficer, Response reported, Response confirmedByProvince, Response confirmed, Response copied) {
    }

    private static InternalAudit haNam;

    static synchronized InternalAudit haNam() {
        if (haNam != null) {
            return haNam;
        }
        String agency = Fixtures.agency("35", "Sở Giáo dục và Đào tạo tỉnh Hà Nam");
        String doc = issueDocument(agency, "QT-VP-02");
        String id = internalAudit(agency, "35", "[\"7.5.3\",\"8.5.1\"]", "[\"" + doc + "\"]");
        String lead = auditor(agency, "35");
        Response planned = given().auth().oauth2(officer(agency, "35")).get("/api/v1/audits/{id}", id);
        Response answeredBeforeStart = given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", id);
        Response started = given().auth().oauth2(lead).post("/api/v1/audits/{id}/start", id);
        Response startedAgain = given().auth().oauth2(lead).post("/api/v1/audits/{id}/start", id);
        Response answered = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body("{\"answer\":\"CONFORMING\",\"evidence\":\"Sổ theo dõi hồ sơ đầy đủ\"}").put("/api/v1/audits/{id}/checklist/1/answer", id);
        Response reportedUnanswered = given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"conclusion\":\"Cơ bản phù hợp\"}")
                .post("/api/v1/audits/{id}/report", id);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"answer\":\"NONCONFORMING\",\"evidence\":\"2/10 hồ sơ thiếu phiếu\"}")
                .put("/api/v1/audits/{id}/checklist/2/answer", id).then().statusCode(200);
        Response findingRaised = given().auth().oauth2(lead).contentType(ContentType.JSON).body("""
                {"clause":"8.5.1","kind":"MINOR_NONCONFORMITY","description":"Hồ sơ thiếu phiếu kiểm soát quá trình","procedureId":"%s"}"""
                .formatted(doc)).post("/api/v1/audits/{id}/findings", id);
        Response reportedByOfficer = given().auth().oauth2(officer(agency, "35")).contentType(ContentType.JSON).body("{\"conclusion\":\"x\"}")
                .post("/api/v1/audits/{id}/report", id);
        Response reported = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body("{\"conclusion\":\"HTQLCL duy trì phù hợp; 01 điểm không phù hợp nhẹ.\"}").post("/api/v1/audits/{id}/report", id);
        Response confirmedByProvince = given().auth().oauth2(admin("35")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/audits/{id}/confirmation", id);
        Response confirmed = given().auth().oauth2(head(agency, "35")).contentType(ContentType.JSON).body("{\"note\":\"Thống nhất kết quả đánh giá\"}")
                .post("/api/v1/audits/{id}/confirmation", id);
        Response copied = given().auth().oauth2(officer(agency, "35")).contentType(ContentType.JSON)
                .body("{\"plannedStart\":\"2027-09-14\",\"plannedEnd\":\"2027-09-16\",\"title\":\"Đánh giá nội bộ HTQLCL năm 2027\"}")
                .post("/api/v1/audits/{id}/copies", id);
        haNam = new InternalAudit(agency, id, planned, answeredBeforeStart, started, startedAgain, answered, reportedUnanswered, findingRaised,
                reportedByOfficer, reported, confirmedByProvince, confirmed, copied);
        return haNam;
    }

    @Test
    void aPlannedInternalAuditHasAChecklistPerClauseAndItsProcedures() {
        InternalAudit w = haNam();
        w.planned().then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("kindLabel", equalTo("Đánh giá nội bộ"))
                .body("leadAuditor", equalTo("auditor-" + w.agency())).body("checklist", hasSize(2))
                .body("checklist[0].question", containsString("Kiểm soát thông tin dạng văn bản"))
                .body("procedures[0].code", equalTo("QT-VP-02")).body("citesAbolishedProcedure", equalTo(false));
        assertTrue(Fixtures.published("audit", w.agency(), "audit.planned", w.id()));
    }

    @Test
    void anAuditIsAnsweredOnlyOnceStartedAndStartedOnce() {
        InternalAudit w = haNam();
        w.answeredBeforeStart().then().spec(problem(409)).body("allowedActions", equalTo(List.of("edit", "start")));
        w.started().then().statusCode(200);
        w.startedAgain().then().spec(problem(409));
        w.answered().then().statusCode(200).body("checklist[0].answer", equalTo("CONFORMING"));
    }

    @Test
    void anAuditWithAQuestionUnansweredIsNotReported() {
        haNam().reportedUnanswered().then().spec(problem(422)).body("unanswered", equalTo(List.of(2)));
    }

    @Test
    void aFindingNamesItsKindAndClauseInVietnamese() {
        haNam().findingRaised().then().statusCode(201)
                .body("kindLabel", equalTo("Điểm không phù hợp nhẹ")).body("clauseTitle", equalTo("Kiểm soát sản xuất và cung cấp dịch vụ"));
    }

    @Test
    void onlyTheLeadReportsAndOnlyTheAuditedAgencysHeadConfirms() {
        InternalAudit w = haNam();
        w.reportedByOfficer().then().spec(problem(403));
        w.reported().then().statusCode(200).body("status", equalTo("REPORTED"));
        w.confirmedByProvince().then().spec(problem(403));
        w.confirmed().then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("confirmedBy", equalTo("agency-head-" + w.agency())).body("findings.MINOR_NONCONFORMITY", equalTo(1));
        assertTrue(Fixtures.published("audit", w.agency(), "audit.completed", "\"minor\":1"));
        assertTrue(Fixtures.published("audit", w.agency(), "finding.raised", "8.5.1"));
    }

    @Test
    void nextYearsAuditStartsFromThisOneWithItsAnswersReset() {
        InternalAudit w = haNam();
        w.copied().then().statusCode(201).body("year", equalTo(2027))
                .body("copiedFrom", equalTo(w.id())).body("scopeClauses", equalTo(List.of("7.5.3", "8.5.1")))
                .body("checklist", hasSize(2)).body("checklist[1].answer", nullValue()).body("procedures", hasSize(1));
    }

    @Test
    void eachStepIsInTheAuditTrail() {
        InternalAudit w = haNam();
        given().auth().oauth2(officer(w.agency(), "35")).queryParam("resourceType", "audit").queryParam("resourceId", w.id())
                .get("/api/v1/audit-trail").then().statusCode(200).body("items.action", Matchers.hasItems("planned", "started", "reported", "confirmed"));
    }

    @Test
    void auditorsMayNotAuditTheirOwnUnitOrAgency() {
        String agency = Fixtures.agency("35", "Sở Y tế tỉnh Hà Nam");
        String officer = officer(agency, "35");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"ON_SITE","title":"Đánh giá nội bộ","plannedStart":"2026-09-15",
                 "plannedEnd":"2026-09-17","team":%s,"auditedUnits":["Văn phòng"],"scopeClauses":["9.2"]}"""
                .formatted(agency, team("auditor-x", agency, "Văn phòng"))).post("/api/v1/audits").then().spec(problem(422, "auditor-not-independent")).body("detail", containsString("Văn phòng"));
        given().auth().oauth2(admin("35")).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"ON_SITE","title":"Kiểm tra","plannedStart":"2026-11-08",
                 "plannedEnd":"2026-11-10","team":%s}""".formatted(agency, team("auditor-y", agency, "Phòng Kế hoạch")))
                .post("/api/v1/audits").then().spec(problem(422, "auditor-not-independent"));
        // an agency's officer does not plan inspections
        String dost = Fixtures.agency("35", "Sở Khoa học và Công nghệ tỉnh Hà Nam");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"ON_SITE","title":"Kiểm tra","plannedStart":"2026-11-08",
                 "plannedEnd":"2026-11-10","team":%s}""".formatted(agency, team("auditor-" + dost, dost, "Chi cục TĐC")))
                .post("/api/v1/audits").then().spec(problem(403));
        // scope: clauses of ISO 9001:2015 only; procedures of the agency only
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"ON_SITE","title":"Đánh giá","plannedStart":"2026-09-15",
                 "plannedEnd":"2026-09-17","team":%s,"scopeClauses":["11.1"]}""".formatted(agency, team("auditor-z", agency, "Phòng A")))
                .post("/api/v1/audits").then().spec(problem(400, "validation"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"ON_SITE","title":"Đánh giá","plannedStart":"2026-09-15",
                 "plannedEnd":"2026-09-17","team":%s,"auditedUnits":["Văn phòng"],"scopeClauses":["9.2"],"procedureIds":["%s"]}"""
                .formatted(agency, team("auditor-z", agency, "Phòng A"), UUID.randomUUID()))
                .post("/api/v1/audits").then().spec(problem(422, "unknown-reference"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"SURPRISE","mode":"ON_SITE","title":"Đánh giá"}""".formatted(agency))
                .post("/api/v1/audits").then().spec(problem(400));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"ON_SITE","title":"Đánh giá","plannedStart":"2026-09-15",
                 "plannedEnd":"2026-09-17","team":[]}""".formatted(agency))
                .post("/api/v1/audits").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/audits").then().spec(problem(401));
    }

    @Test
    void aWholeAgencyInternalAuditTakesNoAuditorOfTheAgency() {
        String agency = Fixtures.agency("35", "Sở Nội vụ tỉnh Hà Nam");
        String pool = Fixtures.agency("35", "Văn phòng UBND tỉnh Hà Nam");
        String officer = officer(agency, "35");
        String body = """
                {"agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"ON_SITE","title":"Đánh giá nội bộ toàn Sở năm 2026",
                 "plannedStart":"2026-09-15","plannedEnd":"2026-09-17","team":%s,%s"scopeClauses":["9.2"]}""";
        // no audited units: every unit is audited, the auditor's own among them
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(body.formatted(agency, team("auditor-" + agency, agency, "Phòng Kế hoạch"), ""))
                .post("/api/v1/audits").then().spec(problem(422, "auditor-not-independent")).body("auditor", equalTo("auditor-" + agency))
                .body("detail", containsString("as a whole"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(body.formatted(agency, team("auditor-" + agency, agency, "Phòng Kế hoạch"), "\"auditedUnits\":[],"))
                .post("/api/v1/audits").then().spec(problem(422, "auditor-not-independent"));
        // an auditor of the agency who names no unit cannot be told apart from the units audited
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(body.formatted(agency, """
                        [{"subject":"auditor-%s","fullName":"Nguyễn Văn An","agencyId":"%s","role":"LEAD"}]""".formatted(agency, agency),
                        "\"auditedUnits\":[\"Văn phòng\"],"))
                .post("/api/v1/audits").then().spec(problem(422, "auditor-not-independent"))
                .body("detail", containsString("names no unit"));
        // the whole agency audited by an auditor of another agency; the agency's own auditor on units not theirs
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(body.formatted(agency, team("auditor-" + pool, pool, "Phòng Hành chính - Tổ chức"), ""))
                .post("/api/v1/audits").then().statusCode(201).body("auditedUnits", hasSize(0));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(body.formatted(agency, team("auditor-" + agency, agency, "Phòng Kế hoạch"), "\"auditedUnits\":[\"Văn phòng\"],"))
                .post("/api/v1/audits").then().statusCode(201);
    }

    @Test
    void anInspectionTeamWorksOnAnotherAgencyOnly() {
        String agency = Fixtures.agency("36", "UBND phường Ninh Khánh");
        String dost = Fixtures.agency("36", "Sở Khoa học và Công nghệ tỉnh Ninh Bình");
        String id = inspection(agency, dost, "36", "ON_SITE");
        // the inspector reads the audit as a team member; an auditor of the inspected agency cannot raise findings
        given().auth().oauth2(auditor(dost, "36")).get("/api/v1/audits/{id}", id).then().statusCode(200)
                .body("checklist", hasSize(13)).body("checklist[0].question", containsString("thủ tục hành chính"));
        given().auth().oauth2(auditor(agency, "36")).contentType(ContentType.JSON)
                .body("{\"clause\":\"9.2\",\"kind\":\"OBSERVATION\",\"description\":\"x\"}")
                .post("/api/v1/audits/{id}/findings", id).then().statusCode(403);
        given().auth().oauth2(auditor(dost, "36")).contentType(ContentType.JSON)
                .body("{\"clause\":\"99\",\"kind\":\"OBSERVATION\",\"description\":\"x\"}")
                .post("/api/v1/audits/{id}/findings", id).then().statusCode(400);
        given().auth().oauth2(auditor(dost, "36")).contentType(ContentType.JSON)
                .body("{\"clause\":\"9.2\",\"kind\":\"OBSERVATION\",\"description\":\"Chưa lập chương trình đánh giá nội bộ\"}")
                .post("/api/v1/audits/{id}/findings", id).then().statusCode(201);
        given().auth().oauth2(officer(agency, "36")).get("/api/v1/audits/{id}/findings", id).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].auditKind", equalTo("PROVINCIAL_INSPECTION"));
        given().auth().oauth2(admin("37")).get("/api/v1/audits/{id}", id).then().statusCode(403);
        given().auth().oauth2(auditor(dost, "36")).queryParam("mine", "true").get("/api/v1/audits").then().statusCode(200)
                .body("items.id", Matchers.hasItem(id));
    }

    @Test
    void anAuditCitingAProcedureAbolishedLaterIsMarked() {
        String agency = Fixtures.agency("35", "Sở Tư pháp tỉnh Hà Nam");
        String doc = issueDocument(agency, "QT-TP-05");
        String id = internalAudit(agency, "35", "[\"8.1\"]", "[\"" + doc + "\"]");
        TestKafka.publishCloudEvent("document.events", agency, "vn.govqms.document.document.abolished.v1", "documents/" + doc, """
                {"documentId":"%s","agencyId":"%s","code":"QT-TP-05","title":"Quy trình","type":"SYSTEM_PROCEDURE","revision":1,
                 "status":"ABOLISHED","reason":"Thủ tục hành chính đã bị bãi bỏ","actor":"agency-head"}""".formatted(doc, agency));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(officer(agency, "35"))
                .get("/api/v1/audits/{id}", id).then().body("citesAbolishedProcedure", equalTo(true))
                .body("procedures[0].abolished", equalTo(true)));
        // an abolished procedure cannot be put in a new audit's scope
        given().auth().oauth2(officer(agency, "35")).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","kind":"INTERNAL_AUDIT","mode":"RECORDS","title":"Đánh giá","plannedStart":"2026-10-15",
                 "plannedEnd":"2026-10-17","team":%s,"auditedUnits":["Văn phòng"],"scopeClauses":["8.1"],"procedureIds":["%s"]}"""
                .formatted(agency, team("auditor-" + agency, agency, "Phòng A"), doc))
                .post("/api/v1/audits").then().spec(problem(422, "procedure-abolished"));
    }

    @Test
    void theChecklistIsEditedWithIfMatchAndKeepsAnswersOfUnchangedQuestions() {
        String agency = Fixtures.agency("35", "Sở Thông tin và Truyền thông tỉnh Hà Nam");
        String id = internalAudit(agency, "35", "[\"7.2\",\"7.5.3\"]", "[]");
        String lead = auditor(agency, "35");
        given().auth().oauth2(lead).post("/api/v1/audits/{id}/start", id).then().statusCode(200);
        String first = given().auth().oauth2(lead).get("/api/v1/audits/{id}", id).then().extract().path("checklist[0].question");
        String etag = given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"answer\":\"NOT_APPLICABLE\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", id).then().statusCode(200).extract().header("ETag");
        String edit = """
                {"items":[{"clause":"7.2","question":"%s"},
                          {"clause":"7.5.3","question":"Hồ sơ giải quyết TTHC có được lưu trữ đúng quy định?"}]}""".formatted(first);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(edit).put("/api/v1/audits/{id}/checklist", id)
                .then().statusCode(428);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit)
                .put("/api/v1/audits/{id}/checklist", id).then().statusCode(412);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etag).body(edit)
                .put("/api/v1/audits/{id}/checklist", id).then().statusCode(200)
                .body("checklist[0].answer", equalTo("NOT_APPLICABLE")).body("checklist[1].answer", nullValue())
                .body("checklist[1].question", equalTo("Hồ sơ giải quyết TTHC có được lưu trữ đúng quy định?"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"items\":[{\"clause\":\"12.1\",\"question\":\"x\"}]}")
                .put("/api/v1/audits/{id}/checklist", id).then().spec(problem(400));
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/9/answer", id).then().spec(problem(404));
        // someone outside the team may not answer
        String other = Fixtures.agency("35", "Sở Tài chính tỉnh Hà Nam");
        given().auth().oauth2(auditor(other, "35")).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", id).then().statusCode(403);
    }

    @Test
    void aCrossCheckIsDoneByAuditorsOfAnotherAgency() {
        String audited = Fixtures.agency("39", "Sở Nội vụ tỉnh Nghệ An");
        String peer = Fixtures.agency("39", "Sở Tư pháp tỉnh Nghệ An");
        String body = """
                {"agencyId":"%s","kind":"CROSS_CHECK","mode":"RECORDS","title":"Kiểm tra chéo việc duy trì HTQLCL năm 2026",
                 "plannedStart":"2026-10-05","plannedEnd":"2026-10-06","team":%s,"scopeClauses":["7.5","10.2"]}""";
        given().auth().oauth2(officer(audited, "39")).contentType(ContentType.JSON)
                .body(body.formatted(audited, team("auditor-" + peer, peer, "Văn phòng Sở"))).post("/api/v1/audits").then().statusCode(403);
        given().auth().oauth2(admin("39")).contentType(ContentType.JSON)
                .body(body.formatted(audited, team("auditor-" + audited, audited, "Văn phòng Sở"))).post("/api/v1/audits").then()
                .spec(problem(422, "auditor-not-independent"));
        String id = given().auth().oauth2(admin("39")).contentType(ContentType.JSON)
                .body(body.formatted(audited, team("auditor-" + peer, peer, "Văn phòng Sở"))).post("/api/v1/audits").then()
                .statusCode(201).body("kindLabel", equalTo("Kiểm tra chéo")).body("checklist", hasSize(2)).extract().path("id");
        given().auth().oauth2(auditor(peer, "39")).post("/api/v1/audits/{id}/start", id).then().statusCode(200);
        given().auth().oauth2(auditor(peer, "39")).contentType(ContentType.JSON)
                .body("{\"clause\":\"10.2\",\"kind\":\"OPPORTUNITY_FOR_IMPROVEMENT\",\"description\":\"Nên theo dõi hành động khắc phục trên phần mềm\"}")
                .post("/api/v1/audits/{id}/findings", id).then().statusCode(201).body("auditKind", equalTo("CROSS_CHECK"));
        // the audited agency's own auditor reads the audit but does not act in it
        given().auth().oauth2(auditor(audited, "39")).get("/api/v1/audits/{id}", id).then().statusCode(200);
        given().auth().oauth2(auditor(audited, "39")).post("/api/v1/audits/{id}/start", id).then().statusCode(403);
    }
}
