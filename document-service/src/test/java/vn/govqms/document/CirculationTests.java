package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.time.ClockProducer;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.govqms.local.testing.Problems.problem;

/** Distribution with the recipient's own receipt (or the officer's record of a paper one), posting and publication, periodic reviews. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class CirculationTests {


    /** A sub-department (chi cục) under {@code parent}: a unit the parent's documents are distributed to. */
    static String unit(String parent, String province, String name) {
        int n = (int) (Math.random() * 9_000 + 1000);
        return given().auth().oauth2(TestTokens.provinceAdmin(province)).contentType(ContentType.JSON).body("""
                {"code":"9%02d.%02d.00.H%s","name":"%s","level":"SUB_DEPARTMENT","parentId":"%s","provinceCode":"%s"}"""
                .formatted(n % 100, n / 100, province, name, parent, province)).post("/api/v1/agencies").then().statusCode(201)
                .extract().path("id");
    }

    static String person(String subject, String name) {
        return "{\"kind\":\"PERSON\",\"subject\":\"" + subject + "\",\"name\":\"" + name + "\"}";
    }

    static String unitRecipient(String unitId) {
        return "{\"kind\":\"UNIT\",\"unitId\":\"" + unitId + "\"}";
    }

    static ValidatableResponse acknowledge(String token, String doc, int revision, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/documents/{id}/versions/{r}/acknowledgements", doc, revision).then();
    }

    /**
     * Bắc Giang's construction department's issued procedure distributed to a person and a unit, made once for this class:
     * others try to sign for them, both sign (each once), revision 2 is issued and the person signs it, and revision 1 is
     * distributed again. Each answer is kept for the rule it shows.
     */
    record Circulation(String agency, String chiCuc, String doc, String an, ValidatableResponse distributed, ValidatableResponse byViewer,
                       ValidatableResponse byOfficer, ValidatableResponse byHead, ValidatableResponse notNamed,
                       ValidatableResponse acknowledgedBeforeSigning, ValidatableResponse signed, ValidatableResponse signedAgain,
                       ValidatableResponse signedForTheUnit, ValidatableResponse byUnitViewer, ValidatableResponse byUnitHead,
                       ValidatableResponse acknowledged, ValidatableResponse pending, ValidatableResponse pendingOfRevision2,
                       ValidatableResponse signedRevision2, ValidatableResponse supersededDistributed) {
        String head() {
            return TestTokens.agencyRole("agency-head", agency, "24");
        }
    }

    private static Circulation construction;

    static synchronized Circulation construction() {
        if (construction != null) {
            return construction;
        }
        String agency = ReviewTaskTests.agency("24", "Sở Xây dựng tỉnh Bắc Giang");
        String chiCuc = unit(agency, "24", "Chi cục Giám định xây dựng");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String head = TestTokens.agencyRole("agency-head", agency, "24");
        String an = "nguyen.van.an." + agency.substring(0, 8);
        String asAn = "{\"recipient\":{\"kind\":\"PERSON\",\"subject\":\"" + an + "\"}}";
        String asChiCuc = "{\"recipient\":" + unitRecipient(chiCuc) + "}";
        ValidatableResponse distributed = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"recipients\":[" + person(an, "Nguyễn Văn An") + "," + unitRecipient(chiCuc) + "]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then();

        String someoneElse = TestTokens.person("le.thi.cuc", "viewer", agency, "24");
        ValidatableResponse byViewer = acknowledge(someoneElse, doc, 1, "{\"recipient\":" + person(an, "") + "}");
        ValidatableResponse byOfficer = acknowledge(officer, doc, 1, asAn);
        ValidatableResponse byHead = acknowledge(head, doc, 1, asChiCuc);
        ValidatableResponse notNamed = acknowledge(someoneElse, doc, 1, "{\"recipient\":{\"kind\":\"PERSON\",\"subject\":\"le.thi.cuc\"}}");
        ValidatableResponse acknowledgedBeforeSigning = given().auth().oauth2(head).queryParam("acknowledged", true)
                .get("/api/v1/documents/{id}/distribution", doc).then();

        String anToken = TestTokens.person(an, "viewer", agency, "24");
        ValidatableResponse signed = acknowledge(anToken, doc, 1, asAn);
        ValidatableResponse signedAgain = acknowledge(anToken, doc, 1, asAn);
        ValidatableResponse signedForTheUnit = acknowledge(anToken, doc, 1, asChiCuc);
        ValidatableResponse byUnitViewer = acknowledge(TestTokens.agencyRole("viewer", chiCuc, "24"), doc, 1, asChiCuc);
        ValidatableResponse byUnitHead = acknowledge(TestTokens.agencyRole("agency-head", chiCuc, "24"), doc, 1, asChiCuc);
        ValidatableResponse acknowledged = given().auth().oauth2(head).queryParam("acknowledged", true)
                .get("/api/v1/documents/{id}/distribution", doc).then();
        ValidatableResponse pending = given().auth().oauth2(head).queryParam("pending", true).get("/api/v1/documents/{id}/distribution", doc).then();

        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions", doc).then().statusCode(201);
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions/2/submit", doc).then().statusCode(200);
        given().auth().oauth2(head).post("/api/v1/documents/{id}/versions/2/approve", doc).then().statusCode(200);
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/versions/2/issue", doc).then().statusCode(200);
        ValidatableResponse pendingOfRevision2 = given().auth().oauth2(head).queryParam("pending", true).queryParam("revision", 2)
                .get("/api/v1/documents/{id}/distribution", doc).then();
        ValidatableResponse signedRevision2 = acknowledge(anToken, doc, 2, asAn);
        ValidatableResponse supersededDistributed = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"recipients\":[" + unitRecipient(chiCuc) + "]}").post("/api/v1/documents/{id}/versions/1/distribution", doc).then();
        construction = new Circulation(agency, chiCuc, doc, an, distributed, byViewer, byOfficer, byHead, notNamed, acknowledgedBeforeSigning,
                signed, signedAgain, signedForTheUnit, byUnitViewer, byUnitHead, acknowledged, pending, pendingOfRevision2, signedRevision2,
                supersededDistributed);
        return construction;
    }

    @Test
    void anIssuedVersionIsDistributedToNamedPeopleAndUnitsNoneYetSigned() {
        Circulation w = construction();
        w.distributed().statusCode(200).body("$", hasSize(2))
                .body("find { it.kind == 'UNIT' }.name", equalTo("Chi cục Giám định xây dựng"))
                .body("find { it.kind == 'UNIT' }.recipient", equalTo(w.chiCuc()))
                .body("find { it.kind == 'PERSON' }.recipient", equalTo(w.an()))
                .body("acknowledged", everyItem(equalTo(false)));
    }

    @Test
    void nobodySignsForSomeoneElseNorAsSomeoneNotNamed() {
        Circulation w = construction();
        // a viewer of the agency, the ISO officer and the head cannot sign for the person: 403, nothing recorded
        w.byViewer().spec(problem(403)).body("detail", containsString("nobody signs for someone else"));
        w.byOfficer().spec(problem(403));
        w.byHead().spec(problem(403));
        w.notNamed().spec(problem(403)).body("detail", containsString("not a named recipient"));
        w.acknowledgedBeforeSigning().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPersonSignsForTheirOwnReceiptOnceWithTheirOwnTokenWhateverTheirRole() {
        Circulation w = construction();
        w.signed().statusCode(200)
                .body("acknowledged", equalTo(true)).body("acknowledgedBy", equalTo(w.an())).body("method", equalTo("TOKEN"))
                .body("methodLabel", equalTo("Người nhận tự xác nhận")).body("recordedBy", equalTo(w.an()));
        w.signedAgain().spec(problem(409));
        w.signedForTheUnit().spec(problem(403));
    }

    @Test
    void aUnitSignsByItsHeadsTokenNotItsViewers() {
        Circulation w = construction();
        w.byUnitViewer().spec(problem(403));
        w.byUnitHead().statusCode(200).body("method", equalTo("TOKEN")).body("acknowledgedBy", equalTo("agency-head-" + w.chiCuc()));
    }

    @Test
    void theDistributionListsWhoHasAndHasNotSigned() {
        Circulation w = construction();
        w.acknowledged().statusCode(200).body("total", equalTo(2)).body("items.name", containsInAnyOrder("Nguyễn Văn An", "Chi cục Giám định xây dựng"));
        w.pending().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(w.head()).queryParam("acknowledged", "maybe").get("/api/v1/documents/{id}/distribution", w.doc())
                .then().spec(problem(400));
    }

    @Test
    void aNewRevisionIsSignedAgainByThoseNamedBefore() {
        Circulation w = construction();
        w.pendingOfRevision2().statusCode(200).body("total", equalTo(2))
                .body("items.name", containsInAnyOrder("Nguyễn Văn An", "Chi cục Giám định xây dựng"));
        w.signedRevision2().statusCode(200);
    }

    @Test
    void aSupersededVersionIsNotDistributedAnyMore() {
        construction().supersededDistributed().spec(problem(409));
    }

    @Test
    void anotherAgencyReadsNoDistribution() {
        given().auth().oauth2(TestTokens.agencyRole("viewer", UUID.randomUUID().toString(), "24"))
                .get("/api/v1/documents/{id}/distribution", construction().doc()).then().spec(problem(403));
    }

    @Test
    void theIsoOfficerRecordsAPaperReceiptMarkedAsSuchWithItsEvidence() {
        String agency = ReviewTaskTests.agency("24", "Sở Nội vụ tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "SYSTEM_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String binh = "tran.thi.binh." + agency.substring(0, 8);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[" + person(binh, "Trần Thị Bình") + "]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().statusCode(200);
        String paper = "{\"recipient\":{\"kind\":\"PERSON\",\"subject\":\"" + binh + "\"},"
                + "\"paper\":{\"signedOn\":\"%s\",\"evidence\":\"Sổ giao nhận tài liệu năm 2026, trang 12, dòng 4\"}}";
        String today = LocalDate.now(ClockProducer.VIETNAM).toString();
        // only the ISO officer records paper: not a viewer, not the head
        acknowledge(TestTokens.agencyRole("viewer", agency, "24"), doc, 1, paper.formatted(today)).spec(problem(403));
        acknowledge(TestTokens.agencyRole("agency-head", agency, "24"), doc, 1, paper.formatted(today)).spec(problem(403));
        // nor another agency's officer
        String other = ReviewTaskTests.agency("24", "Sở Tài chính tỉnh Bắc Giang");
        acknowledge(TestTokens.agencyRole("iso-officer", other, "24"), doc, 1, paper.formatted(today)).spec(problem(403));
        acknowledge(officer, doc, 1, paper.formatted("2999-01-01")).spec(problem(400))
                .body("errors[0].field", equalTo("paper.signedOn"));
        acknowledge(officer, doc, 1, paper.formatted("2001-01-01")).spec(problem(400));
        acknowledge(officer, doc, 1, "{\"recipient\":{\"kind\":\"PERSON\",\"subject\":\"" + binh + "\"},\"paper\":{\"signedOn\":\""
                + today + "\",\"evidence\":\" \"}}").spec(problem(400));
        acknowledge(officer, doc, 1, paper.formatted(today).replace(binh, "nobody.named")).spec(problem(404));
        acknowledge(officer, doc, 1, paper.formatted(today)).statusCode(200)
                .body("method", equalTo("PAPER")).body("methodLabel", equalTo("Ký nhận trên giấy, cán bộ ISO ghi nhận"))
                .body("acknowledgedBy", equalTo(binh)).body("recordedBy", equalTo("iso-officer-" + agency))
                .body("signedOn", equalTo(today)).body("evidence", equalTo("Sổ giao nhận tài liệu năm 2026, trang 12, dòng 4"));
        acknowledge(TestTokens.person(binh, "viewer", agency, "24"), doc, 1, "{\"recipient\":{\"kind\":\"PERSON\",\"subject\":\""
                + binh + "\"}}").spec(problem(409));
        given().auth().oauth2(officer).queryParam("revision", 1).get("/api/v1/documents/{id}/distribution", doc).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].method", equalTo("PAPER"));
    }

    @Test
    void recipientsAreNamedByTokenSubjectOrByAUnitUnderTheAgency() {
        String agency = ReviewTaskTests.agency("24", "Sở Công Thương tỉnh Bắc Giang");
        String foreign = ReviewTaskTests.agency("24", "Sở Tư pháp tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[" + unitRecipient(foreign) + "]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().spec(problem(422, "recipient-not-a-unit")).body("unitIds", contains(foreign));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[" + unitRecipient(agency) + "]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().spec(problem(422));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[{\"kind\":\"PERSON\",\"name\":\"Nguyễn Văn An\"}]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().spec(problem(400))
                .body("errors[0].field", equalTo("recipients[0].subject"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[{\"kind\":\"UNIT\",\"name\":\"Bộ phận Một cửa\"}]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().spec(problem(400))
                .body("errors[0].field", equalTo("recipients[0].unitId"));
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).contentType(ContentType.JSON)
                .body("{\"recipients\":[" + person("x", "X") + "]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().spec(problem(403));
        given().auth().oauth2(officer).get("/api/v1/documents/{id}/distribution", doc).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void postingPublicationAndPeriodicReviews() {
        String agency = ReviewTaskTests.agency("24", "Sở Giao thông vận tải tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String today = LocalDate.now(ClockProducer.VIETNAM).toString();
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"postedOn\":\"" + today + "\",\"portalUrl\":\"https://sgtvt.bacgiang.gov.vn/iso/qt\",\"publishedOn\":\"" + today + "\"}")
                .put("/api/v1/documents/{id}/publication", doc).then().statusCode(200)
                .body("postedOn", equalTo(today)).body("portalUrl", equalTo("https://sgtvt.bacgiang.gov.vn/iso/qt"));
        // the older call records postings of the revision in force
        given().auth().oauth2(officer).queryParam("revision", 1).get("/api/v1/documents/{id}/postings", doc).then().statusCode(200)
                .body("total", equalTo(2)).body("items.channel", containsInAnyOrder("NOTICE_BOARD", "PORTAL"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"portalUrl\":\"javascript:alert(1)\"}")
                .put("/api/v1/documents/{id}/publication", doc).then().spec(problem(400));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2026-06-30\",\"outcome\":\"NO_CHANGE\",\"note\":\"Còn phù hợp\",\"nextReviewDate\":\"2027-06-30\"}")
                .post("/api/v1/documents/{id}/periodic-reviews", doc).then().statusCode(200).body("outcome", equalTo("NO_CHANGE"));
        given().auth().oauth2(officer).get("/api/v1/documents/{id}", doc).then().statusCode(200).body("nextReviewDate", equalTo("2027-06-30"));
        given().auth().oauth2(officer).get("/api/v1/documents/{id}/periodic-reviews", doc).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].reviewer", equalTo("iso-officer-" + agency));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2026-06-30\",\"outcome\":\"NO_CHANGE\",\"nextReviewDate\":\"2026-01-01\"}")
                .post("/api/v1/documents/{id}/periodic-reviews", doc).then().spec(problem(400));
        given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2026-06-30\",\"outcome\":\"NO_CHANGE\"}")
                .post("/api/v1/documents/{id}/periodic-reviews", doc).then().statusCode(403);
    }
}
