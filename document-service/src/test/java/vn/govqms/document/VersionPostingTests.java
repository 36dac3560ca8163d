package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Problems.problem;

/** Posting at the office and publication on the portal, recorded per issued version. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class VersionPostingTests {

    static final String POSTED = "vn.govqms.document.document.posted.v1";

    static ValidatableResponse post(String token, String doc, int revision, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/documents/{id}/versions/{r}/postings", doc, revision).then().log().ifValidationFails();
    }

    static long postedEvents(String doc) {
        return TestDb.count("document", "select count(*) from outbox where type = '" + POSTED + "' and payload like '%" + doc + "%'");
    }

    @Test
    void eachIssuedVersionIsPostedAtTheOfficeAndOnThePortalOnceWithItsEvent() {
        String agency = ReviewTaskTests.agency("24", "Sở Khoa học và Công nghệ tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String today = LocalDate.now(VIETNAM).toString();
        String board = "{\"channel\":\"NOTICE_BOARD\",\"postedOn\":\"" + today + "\",\"place\":\"Bộ phận Tiếp nhận và Trả kết quả\"}";
        String portal = "{\"channel\":\"PORTAL\",\"postedOn\":\"" + today + "\",\"url\":\"https://skhcn.bacgiang.gov.vn/tthc/qt-01\"}";

        post(officer, doc, 1, board).statusCode(201).body("channel", equalTo("NOTICE_BOARD"))
                .body("channelLabel", equalTo("Niêm yết tại trụ sở")).body("place", equalTo("Bộ phận Tiếp nhận và Trả kết quả"))
                .body("revision", equalTo(1)).body("recordedBy", equalTo("iso-officer-" + agency));
        // the same posting again is the one recorded: 200, no second event
        post(officer, doc, 1, board).statusCode(200);
        assertEquals(1, postedEvents(doc));
        post(officer, doc, 1, portal).statusCode(201).body("url", equalTo("https://skhcn.bacgiang.gov.vn/tthc/qt-01"));
        assertEquals(2, postedEvents(doc));
        given().auth().oauth2(officer).get("/api/v1/documents/{id}", doc).then().statusCode(200)
                .body("postedOn", equalTo(today)).body("publishedOn", equalTo(today))
                .body("portalUrl", equalTo("https://skhcn.bacgiang.gov.vn/tthc/qt-01"));
        JsonPath list = given().auth().oauth2(TestTokens.agencyRole("viewer", agency, "24")).queryParam("revision", 1)
                .get("/api/v1/documents/{id}/postings", doc).then().statusCode(200).extract().jsonPath();
        assertEquals(2, list.getInt("total"));
        assertEquals(List.of("NOTICE_BOARD", "PORTAL"), list.getList("items.channel"));

        // on the broker, keyed by the agency, with where, when and the link
        assertFalse(TestKafka.await("document.events", r -> agency.equals(r.key()) && POSTED.equals(TestKafka.header(r, "ce_type"))
                && r.value().contains("\"channel\":\"PORTAL\"") && r.value().contains("\"url\":\"https://skhcn.bacgiang.gov.vn/tthc/qt-01\"")
                && r.value().contains("\"revision\":1") && r.value().contains("\"type\":\"OPERATIONAL_PROCEDURE\""), Duration.ofSeconds(20)).isEmpty());

        // bad input: a portal without its page, a date to come, a date before the issue, an unknown channel
        post(officer, doc, 1, "{\"channel\":\"PORTAL\",\"postedOn\":\"" + today + "\"}").spec(problem(400))
                .body("errors[0].field", equalTo("url"));
        post(officer, doc, 1, board.replace(today, "2999-01-01")).spec(problem(400));
        post(officer, doc, 1, board.replace(today, "2001-01-01")).spec(problem(400));
        post(officer, doc, 1, "{\"channel\":\"FAX\",\"postedOn\":\"" + today + "\"}").spec(problem(400));
        post(officer, doc, 1, portal.replace("https://skhcn.bacgiang.gov.vn/tthc/qt-01", "javascript:alert(1)")).spec(problem(400));
        assertEquals(2, postedEvents(doc));
    }

    @Test
    void aVersionThatIsNotIssuedIsNotPostedAndOnlyTheAgencysOfficerRecords() {
        String agency = ReviewTaskTests.agency("24", "Sở Tài nguyên và Môi trường tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String draft = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, false);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String head = TestTokens.agencyRole("agency-head", agency, "24");
        String today = LocalDate.now(VIETNAM).toString();
        String board = "{\"channel\":\"NOTICE_BOARD\",\"postedOn\":\"" + today + "\"}";

        post(officer, draft, 1, board).spec(problem(422, "version-not-issued"))
                .body("status", equalTo(422)).body("detail", equalTo("Revision 1 is Dự thảo (DRAFT): only the version in force "
                        + "is posted at the office or published on the portal."));
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions/1/submit", draft).then().statusCode(200);
        given().auth().oauth2(head).post("/api/v1/documents/{id}/versions/1/approve", draft).then().statusCode(200);
        post(officer, draft, 1, board).spec(problem(422, "version-not-issued"));
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/versions/1/issue", draft)
                .then().statusCode(200);
        post(officer, draft, 1, board).statusCode(201);

        // revision 2 supersedes revision 1: the old one is not posted any more, the new one is
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions", draft).then().statusCode(201);
        given().auth().oauth2(officer).post("/api/v1/documents/{id}/versions/2/submit", draft).then().statusCode(200);
        given().auth().oauth2(head).post("/api/v1/documents/{id}/versions/2/approve", draft).then().statusCode(200);
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/versions/2/issue", draft)
                .then().statusCode(200);
        post(officer, draft, 1, board).spec(problem(422, "version-not-issued"));
        post(officer, draft, 9, board).spec(problem(404));

        // refusals: the head, a viewer, another agency's officer, the province's admin; nothing recorded
        post(head, draft, 2, board).spec(problem(403));
        post(TestTokens.agencyRole("viewer", agency, "24"), draft, 2, board).spec(problem(403));
        String other = ReviewTaskTests.agency("24", "Sở Nông nghiệp tỉnh Bắc Giang");
        post(TestTokens.agencyRole("iso-officer", other, "24"), draft, 2, board).spec(problem(403));
        post(TestTokens.provinceAdmin("24"), draft, 2, board).spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("viewer", other, "24")).get("/api/v1/documents/{id}/postings", draft)
                .then().spec(problem(403));
        given().auth().oauth2(head).queryParam("revision", 2).get("/api/v1/documents/{id}/postings", draft).then().statusCode(200)
                .body("total", equalTo(0));
        post(officer, draft, 2, board).statusCode(201).body("revision", equalTo(2));
        given().auth().oauth2(head).get("/api/v1/documents/{id}/postings", draft).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].revision", equalTo(2)).body("items[1].revision", equalTo(1));
    }
}
