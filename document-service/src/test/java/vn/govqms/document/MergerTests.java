package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.local.testing.Problems.problem;

/** Mergers of the 2025 reorganisation: documents and history move, the successor must re-announce. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class MergerTests {


    @Test
    void twoCommunesMergeIntoANewOne() {
        String admin = TestTokens.provinceAdmin("11");
        String a = ReviewTaskTests.agency("11", "UBND xã Thanh Nưa");
        String b = ReviewTaskTests.agency("11", "UBND xã Thanh Luông");
        String law = ReviewTaskTests.legal("11", ReviewTaskTests.number(), "2015-01-01", "[]");
        // both have a QT-... code of their own; give them the same code to see the rename
        String docA = ReviewTaskTests.procedure(a, "11", "OPERATIONAL_PROCEDURE", law, null, true);
        String docB = ReviewTaskTests.procedure(b, "11", "OPERATIONAL_PROCEDURE", law, null, true);
        TestDb.update("document", "update controlled_document set code = 'QT-VP-01' where id in ('" + docA + "', '" + docB + "')");
        QmsTests.announce(a, "11");

        String body = """
                {"sourceAgencyIds":["%s","%s"],"effectiveDate":"2025-07-01",
                 "newSuccessor":{"code":"777.01.00.H11","name":"UBND xã Thanh Yên","level":"COMMUNE","provinceCode":"11"}}"""
                .formatted(a, b);
        given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies/merges").then().spec(problem(403));
        String successor = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/agencies/merges")
                .then().statusCode(200).body("movedDocuments", equalTo(2)).body("renamedDocuments", equalTo(1))
                .body("successor.validFrom", equalTo("2025-07-01")).body("successor.reannouncementRequired", equalTo(true))
                // a merger changes the scope: re-announce within 3 months of the effective date
                .body("successor.reannouncementSince", equalTo("2025-07-01")).body("successor.reannouncementDue", equalTo("2025-10-01"))
                .body("predecessorIds", containsInAnyOrder(a, b)).extract().path("successor.id");

        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", a).then().statusCode(200).body("validTo", equalTo("2025-06-30"));
        given().auth().oauth2(admin).queryParam("agencyId", successor).get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(2)).body("items.code", hasItem("QT-VP-01"));
        // the history moved with the documents: the successor's officials read it
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", successor, "11")).queryParam("resourceType", "document")
                .queryParam("resourceId", docA).get("/api/v1/audit-trail").then().statusCode(200)
                .body("items[0].action", equalTo("drafted"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", successor, "11")).queryParam("causeId", law)
                .get("/api/v1/review-tasks").then().statusCode(200);
        for (String type : new String[] {"agency.merged", "qms.reannouncement-required"}) {
            assertFalse(TestKafka.await("document.events", r -> successor.equals(r.key())
                    && ("vn.govqms.document." + type + ".v1").equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).isEmpty(), type);
        }
        // an ended agency does not merge again
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"sourceAgencyIds":["%s"],"successorId":"%s","effectiveDate":"2026-01-01"}""".formatted(a, successor))
                .post("/api/v1/agencies/merges").then().spec(problem(409));
    }

    @Test
    void refusals() {
        String admin = TestTokens.provinceAdmin("11");
        String a = ReviewTaskTests.agency("11", "UBND xã Nà Nhạn");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"sourceAgencyIds\":[\"" + a + "\"],\"effectiveDate\":\"2025-07-01\"}")
                .post("/api/v1/agencies/merges").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"sourceAgencyIds\":[\"" + a + "\"],\"successorId\":\"" + a + "\",\"effectiveDate\":\"2025-07-01\"}")
                .post("/api/v1/agencies/merges").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"sourceAgencyIds\":[\"" + UUID.randomUUID() + "\"],\"successorId\":\"" + a + "\",\"effectiveDate\":\"2025-07-01\"}")
                .post("/api/v1/agencies/merges").then().spec(problem(422));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"sourceAgencyIds\":[],\"successorId\":\"" + a + "\",\"effectiveDate\":\"2025-07-01\"}")
                .post("/api/v1/agencies/merges").then().spec(problem(400));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", a, "11")).contentType(ContentType.JSON)
                .body("{\"sourceAgencyIds\":[\"" + a + "\"],\"successorId\":\"" + UUID.randomUUID() + "\",\"effectiveDate\":\"2025-07-01\"}")
                .post("/api/v1/agencies/merges").then().statusCode(403);
    }

    /**
     * Điện Biên's culture, sports and tourism department split (made once for this class) into a new department that keeps
     * its culture procedure and the existing tourism department that takes its tourism procedure; the refusals before it
     * are kept with the split's answer.
     */
    record Split(String source, String existing, String culture, String tourism, String created, Response namedTwice,
                 Response unknownDocument, Response byAnotherProvince, Response byItsHead, Response split) {
    }

    private static Split dienBien;

    static synchronized Split dienBien() {
        if (dienBien != null) {
            return dienBien;
        }
        String admin = TestTokens.provinceAdmin("11");
        String source = ReviewTaskTests.agency("11", "Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên");
        String existing = ReviewTaskTests.agency("11", "Sở Du lịch tỉnh Điện Biên");
        String law = ReviewTaskTests.legal("11", ReviewTaskTests.number(), "2015-01-01", "[]");
        String culture = ReviewTaskTests.procedure(source, "11", "OPERATIONAL_PROCEDURE", law, null, true);
        String tourism = ReviewTaskTests.procedure(source, "11", "OPERATIONAL_PROCEDURE", law, null, true);
        Response namedTwice = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(split(source, "[\"%s\",\"%s\"]".formatted(tourism, tourism), existing)).post("/api/v1/agencies/splits");
        Response unknownDocument = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(split(source, "[\"" + UUID.randomUUID() + "\"]", existing)).post("/api/v1/agencies/splits");
        String body = split(source, "[\"" + tourism + "\"]", existing);
        Response byAnotherProvince = given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies/splits");
        Response byItsHead = given().auth().oauth2(TestTokens.agencyRole("agency-head", source, "11")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies/splits");
        Response split = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/agencies/splits");
        String created = split.then().statusCode(200).extract().path("successors[0].successor.id");
        dienBien = new Split(source, existing, culture, tourism, created, namedTwice, unknownDocument, byAnotherProvince, byItsHead, split);
        return dienBien;
    }

    @Test
    void aSplitNamesEachDocumentOnceAndOnlyTheSourcesOwn() {
        Split w = dienBien();
        w.namedTwice().then().spec(problem(400));
        w.unknownDocument().then().spec(problem(422));
    }

    @Test
    void onlyTheProvinceRecordsASplitOfItsAgency() {
        Split w = dienBien();
        w.byAnotherProvince().then().spec(problem(403));
        w.byItsHead().then().spec(problem(403));
    }

    @Test
    void bothSuccessorsAreAskedToReannounceAndTheSourceEndsTheDayBefore() {
        Split w = dienBien();
        w.split().then().statusCode(200).body("predecessorId", equalTo(w.source()))
                .body("successors[0].primary", equalTo(true)).body("successors[0].movedDocuments", equalTo(1))
                .body("successors[0].successor.reannouncementRequired", equalTo(true))
                .body("successors[1].successor.id", equalTo(w.existing())).body("successors[1].movedDocuments", equalTo(1))
                .body("successors[1].successor.reannouncementRequired", equalTo(true));
        given().auth().oauth2(TestTokens.provinceAdmin("11")).get("/api/v1/agencies/{id}", w.source()).then().statusCode(200)
                .body("validTo", equalTo("2025-06-30"));
        assertFalse(TestKafka.await("document.events", r -> w.source().equals(r.key())
                && "vn.govqms.document.agency.split.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void eachDocumentGoesToTheSuccessorNamedForItWithItsHistory() {
        Split w = dienBien();
        String admin = TestTokens.provinceAdmin("11");
        given().auth().oauth2(admin).queryParam("agencyId", w.existing()).get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(w.tourism()));
        given().auth().oauth2(admin).queryParam("agencyId", w.created()).get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(w.culture()));
        // the other successor does not see the history of what is not its own
        String officer = TestTokens.agencyRole("iso-officer", w.existing(), "11");
        given().auth().oauth2(officer).queryParam("resourceType", "document").queryParam("resourceId", w.tourism()).get("/api/v1/audit-trail")
                .then().statusCode(200).body("items[0].action", equalTo("drafted"));
        given().auth().oauth2(officer).queryParam("resourceType", "document").queryParam("resourceId", w.culture()).get("/api/v1/audit-trail")
                .then().spec(problem(403));
    }

    @Test
    void theLineageLinksTheSourceAndItsSuccessorsForThoseWhoReadThem() {
        Split w = dienBien();
        given().auth().oauth2(TestTokens.provinceAdmin("11")).get("/api/v1/agencies/{id}/lineage", w.source()).then().statusCode(200)
                .body("predecessors.size()", equalTo(0)).body("successors.agencyId", containsInAnyOrder(w.created(), w.existing()));
        String viewer = TestTokens.agencyRole("viewer", w.existing(), "11");
        given().auth().oauth2(viewer).get("/api/v1/agencies/{id}/lineage", w.existing()).then().statusCode(200)
                .body("predecessors[0].agencyId", equalTo(w.source())).body("predecessors[0].effectiveDate", equalTo("2025-07-01"));
        given().auth().oauth2(viewer).get("/api/v1/agencies/{id}/lineage", w.created()).then().spec(problem(403));
    }

    @Test
    void anEndedAgencyDoesNotSplitAgain() {
        Split w = dienBien();
        given().auth().oauth2(TestTokens.provinceAdmin("11")).contentType(ContentType.JSON).body(split(w.source(), "[]", w.existing()))
                .post("/api/v1/agencies/splits").then().spec(problem(409));
    }

    /** A split of {@code source} into a new primary successor and {@code existing}, which takes {@code documentIds}. */
    static String split(String source, String documentIds, String existing) {
        int n = (int) (Math.random() * 90) + 10;
        return """
                {"sourceAgencyId":"%s","effectiveDate":"2025-07-01","successors":[
                  {"newSuccessor":{"code":"776.%02d.%02d.H11","name":"Sở Văn hóa và Thể thao tỉnh Điện Biên","level":"DEPARTMENT","provinceCode":"11"},
                   "primary":true},
                  {"successorId":"%s","documentIds":%s}]}""".formatted(source, n, (int) (Math.random() * 90) + 10, existing, documentIds);
    }
}
