package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Who may read and change what, across levels, as the kit's Scope decides: national-admin reads every agency and
 * writes no agency's records but the national templates; a ministry's steering committee acts on its own units only;
 * a province's on its province only; an agency's people need their agency claim; an ended agency only reads.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class AuthorityTests {

    static final int YEAR = LocalDate.now(VIETNAM).getYear();
    static final String MISSING_CLAIM = "https://govqms.vn/problems/missing-claim";

    static String objective(String agency) {
        return """
                {"agencyId":"%s","year":%d,"title":"Đánh giá nội bộ ít nhất 1 lần","kpi":"INTERNAL_AUDITS_HELD","comparison":"AT_LEAST","target":1}"""
                .formatted(agency, YEAR);
    }

    /** A national template (no province) that applies from 2100: active, but in force in no year the other tests score. */
    static String activeNationalTemplate() {
        String json = CriteriaSets.standardSet("00", 2100).replace("\"provinceCode\":\"00\",", "");
        String id = given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body(json).post("/api/v1/criteria-sets")
                .then().statusCode(201).body("provinceCode", is((String) null)).extract().path("id");
        given().auth().oauth2(TestTokens.nationalAdmin()).post("/api/v1/criteria-sets/{id}/activation", id).then().statusCode(200);
        return id;
    }

    @Test
    void tokensOfAnotherIssuerOrForAnotherSystemAreRefusedAndDisagreeingClaimsGiveNothing() {
        String p = Fixtures.province();
        String other = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Y tế");
        given().auth().oauth2(TestTokens.provinceAdmin(p)).queryParam("agencyId", agency).get("/api/v1/kpis").then().statusCode(200);
        given().auth().oauth2(TestTokens.fromAnotherIssuer("province-admin", p)).queryParam("agencyId", agency).get("/api/v1/kpis")
                .then().spec(problem(401));
        given().auth().oauth2(TestTokens.forAnotherAudience("province-admin", p)).queryParam("agencyId", agency).get("/api/v1/kpis")
                .then().spec(problem(401));
        // the agency's head, but the token names another province than the agency's: the claims disagree, nothing is given
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, p)).queryParam("agencyId", agency).get("/api/v1/kpis")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, other)).queryParam("agencyId", agency).get("/api/v1/kpis")
                .then().spec(problem(403));
        // the ISO officer who may set the agency's objectives (AuthorityTests below) may not with such a token
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, other)).contentType(ContentType.JSON).body(objective(agency))
                .post("/api/v1/quality-objectives").then().spec(problem(403));
    }

    @Test
    void theNationalLevelReadsEveryAgencyButWritesNone() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Kế hoạch và Đầu tư");
        CriteriaSets.activeSet(p, 2020);
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String assessment = AssessmentTests.start(officer, agency, "SELF");
        String objective = given().auth().oauth2(officer).contentType(ContentType.JSON).body(objective(agency)).post("/api/v1/quality-objectives")
                .then().statusCode(201).extract().path("id");
        String national = TestTokens.nationalAdmin();

        given().auth().oauth2(national).get("/api/v1/assessments/{id}", assessment).then().statusCode(200).body("agencyId", equalTo(agency));
        given().auth().oauth2(national).queryParam("year", YEAR).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", hasItem(assessment));
        given().auth().oauth2(national).get("/api/v1/quality-objectives/{id}", objective).then().statusCode(200);
        given().auth().oauth2(national).queryParam("agencyId", agency).get("/api/v1/quality-objectives").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(national).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200);
        given().auth().oauth2(national).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200);
        given().auth().oauth2(national).queryParam("agencyId", agency).get("/api/v1/kpis").then().statusCode(200);
        given().auth().oauth2(national).queryParam("provinceCode", p).queryParam("year", 2020).get("/api/v1/rankings/progress")
                .then().statusCode(200).body("agencies", equalTo(1));

        given().auth().oauth2(national).contentType(ContentType.JSON).body(objective(agency)).post("/api/v1/quality-objectives")
                .then().spec(problem(403));
        given().auth().oauth2(national).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"" + agency + "\",\"year\":" + YEAR + ",\"kind\":\"OFFICIAL\"}").post("/api/v1/assessments")
                .then().spec(problem(403));
        given().auth().oauth2(national).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"items\":[{\"criterionCode\":\"1.2\",\"points\":10}]}").put("/api/v1/assessments/{id}/items", assessment)
                .then().spec(problem(403));
        given().auth().oauth2(national).post("/api/v1/assessments/{id}/submit", assessment).then().spec(problem(403));
        // a province's criteria set is that province's steering committee's, not the national level's
        given().auth().oauth2(national).contentType(ContentType.JSON).body(CriteriaSets.standardSet(p, 2027)).post("/api/v1/criteria-sets")
                .then().spec(problem(403)).body("detail", containsString("province " + p));
    }

    @Test
    void nationalTemplatesAreWrittenByTheNationalLevelOnlyAndAProvincesSetsByItsOwnCommittee() {
        String p = Fixtures.province();
        String template = CriteriaSets.standardSet(p, 2099).replace("\"provinceCode\":\"" + p + "\",", "");
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(template).post("/api/v1/criteria-sets").then().spec(problem(403)).body("detail", containsString("national-admin"));
        given().auth().oauth2(TestTokens.ministryAdmin(Fixtures.ministry("Bộ Tư pháp"))).contentType(ContentType.JSON).body(template)
                .post("/api/v1/criteria-sets").then().spec(problem(403));
        String id = given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body(template).post("/api/v1/criteria-sets")
                .then().statusCode(201).extract().path("id");

        // nobody but national-admin edits, activates, versions or retires it
        String change = template.replace("Bộ tiêu chí đánh giá HTQLCL tỉnh " + p, "Bộ tiêu chí mẫu quốc gia");
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/criteria-sets/{id}", id).then().spec(problem(403));
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", id).then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/criteria-sets/{id}", id).then().statusCode(200).body("name", equalTo("Bộ tiêu chí mẫu quốc gia"));
        given().auth().oauth2(TestTokens.nationalAdmin()).post("/api/v1/criteria-sets/{id}/activation", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/retirement", id).then().spec(problem(403));
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/versions", id).then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).post("/api/v1/criteria-sets/{id}/retirement", id).then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        // every role reads the templates
        given().auth().oauth2(admin(p)).get("/api/v1/criteria-sets/{id}", id).then().statusCode(200);

        // a province's set: its own committee only, never another province's
        String own = CriteriaSets.createSet(p, CriteriaSets.standardSet(p, 2099));
        given().auth().oauth2(admin(Fixtures.province())).post("/api/v1/criteria-sets/{id}/activation", own).then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).post("/api/v1/criteria-sets/{id}/activation", own).then().spec(problem(403));
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", own).then().statusCode(200);
    }

    @Test
    void aMinistrysCommitteeActsOnItsOwnUnitsAndNoOtherMinistrys() {
        String ministryA = Fixtures.ministry("Bộ Y tế");
        String unitA = Fixtures.unitOf(ministryA, "Cục Quản lý Khám, chữa bệnh");
        String ministryB = Fixtures.ministry("Bộ Giáo dục và Đào tạo");
        String adminA = TestTokens.ministryAdmin(ministryA);
        String adminB = TestTokens.ministryAdmin(ministryB);
        String set = activeNationalTemplate();

        // ministry A's committee assesses its unit officially, as a province's does its agencies
        String id = given().auth().oauth2(adminA).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"" + unitA + "\",\"year\":" + YEAR + ",\"kind\":\"OFFICIAL\",\"criteriaSetId\":\"" + set + "\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        AssessmentTests.score(adminA, id, 0, "20");
        given().auth().oauth2(adminA).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
        String objective = given().auth().oauth2(adminA).contentType(ContentType.JSON).body(objective(unitA)).post("/api/v1/quality-objectives")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(adminA).queryParam("year", YEAR).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.agencyId", everyItem(equalTo(unitA)));
        given().auth().oauth2(adminA).get("/api/v1/quality-objectives").then().statusCode(200).body("items.id", hasItem(objective));

        // ministry B's committee: nothing of ministry A's, neither one by one nor in its lists
        given().auth().oauth2(adminB).get("/api/v1/assessments/{id}", id).then().spec(problem(403))
                .body("detail", containsString("outside the ministry"));
        given().auth().oauth2(adminB).post("/api/v1/assessments/{id}/finalise", id).then().spec(problem(403));
        given().auth().oauth2(adminB).get("/api/v1/agencies/{id}/score", unitA).then().spec(problem(403));
        given().auth().oauth2(adminB).get("/api/v1/quality-objectives/{id}", objective).then().spec(problem(403));
        given().auth().oauth2(adminB).contentType(ContentType.JSON).body(objective(unitA)).post("/api/v1/quality-objectives")
                .then().spec(problem(403));
        given().auth().oauth2(adminB).queryParam("agencyId", unitA).get("/api/v1/kpis").then().spec(problem(403));
        given().auth().oauth2(adminB).queryParam("year", YEAR).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(adminB).get("/api/v1/quality-objectives").then().statusCode(200).body("items.id", not(hasItem(objective)));
        // nor a province's committee: the central bodies are no province
        given().auth().oauth2(admin(Fixtures.province())).get("/api/v1/assessments/{id}", id).then().spec(problem(403));

        given().auth().oauth2(adminA).post("/api/v1/assessments/{id}/finalise", id).then().statusCode(200).body("status", equalTo("FINALISED"));
    }

    @Test
    void aProvincesCommitteeReachesNoOtherProvincesAssessments() {
        String x = Fixtures.province();
        String y = Fixtures.province();
        String agency = Fixtures.agency(x, "Sở Nông nghiệp và Phát triển nông thôn");
        CriteriaSets.activeSet(x, 2020);
        String id = AssessmentTests.start(admin(x), agency, "OFFICIAL");

        given().auth().oauth2(admin(y)).get("/api/v1/assessments/{id}", id).then().spec(problem(403))
                .body("detail", containsString("outside province " + y));
        given().auth().oauth2(admin(y)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"items\":[{\"criterionCode\":\"1.2\",\"points\":30}]}").put("/api/v1/assessments/{id}/items", id)
                .then().spec(problem(403));
        given().auth().oauth2(admin(y)).queryParam("agencyId", agency).get("/api/v1/assessments").then().spec(problem(403));
        given().auth().oauth2(admin(y)).queryParam("year", YEAR).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(admin(y)).queryParam("agencyId", agency).queryParam("year", YEAR).get("/api/v1/assessments/comparison")
                .then().spec(problem(403));
        given().auth().oauth2(admin(x)).queryParam("year", YEAR).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void disagreeingClaimsListNothingEither() {
        String p = Fixtures.province();
        String other = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Nội vụ");
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, p)).contentType(ContentType.JSON).body(objective(agency))
                .post("/api/v1/quality-objectives").then().statusCode(201);
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, p)).queryParam("year", YEAR).get("/api/v1/quality-objectives")
                .then().statusCode(200).body("items.agencyId", hasItem(agency));
        // the agency's id with another province's code: the list refuses the agency's rows as the single checks do
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, other)).queryParam("year", YEAR).get("/api/v1/quality-objectives")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void anAgencyRoleWithoutItsAgencyClaimListsNothing() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Tài chính");
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, p)).get("/api/v1/quality-objectives").then().statusCode(200);
        String viewer = TestTokens.withClaims("viewer", null, p);
        for (String path : List.of("/api/v1/assessments", "/api/v1/quality-objectives", "/api/v1/kpis", "/api/v1/rankings")) {
            given().auth().oauth2(viewer).get(path).then().spec(problem(403))
                    .body("type", equalTo(MISSING_CLAIM)).body("claim", equalTo("agency_id"));
        }
        given().auth().oauth2(viewer).get("/api/v1/agencies/{id}/score", agency).then().spec(problem(403))
                .body("type", equalTo(MISSING_CLAIM));
        given().auth().oauth2(TestTokens.withClaims("iso-officer", null, p)).contentType(ContentType.JSON).body(objective(agency))
                .post("/api/v1/quality-objectives").then().spec(problem(403)).body("type", equalTo(MISSING_CLAIM));
        // nor does a province-admin without its province
        given().auth().oauth2(TestTokens.withClaims("province-admin", null, null)).get("/api/v1/assessments").then().spec(problem(403)).body("claim", equalTo("province_code"));
    }

    @Test
    void anEndedAgencysOfficialsReadButNoLongerWrite() {
        String p = Fixtures.province();
        LocalDate yesterday = LocalDate.now(VIETNAM).minusDays(1);
        String agency = Fixtures.ended(p, "UBND huyện Điện Biên", yesterday);
        TestDb.update(Fixtures.db(), """
                insert into quality_objective (id, agency_id, province_code, year, title, kpi, comparison, target, status, lock_version,
                    created_by, created_at, updated_at, status_changed_at)
                values (gen_random_uuid(), '%s', '%s', %d, 'Đánh giá nội bộ', 'INTERNAL_AUDITS_HELD', 'AT_LEAST', 1, 'AT_RISK', 1, 'test',
                    now(), now(), now())""".formatted(agency, p, YEAR));
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String id = given().auth().oauth2(officer).get("/api/v1/quality-objectives").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(objective(agency)).post("/api/v1/quality-objectives")
                .then().spec(problem(403)).body("detail", containsString("ended on " + yesterday));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"title\":\"Đánh giá nội bộ 2 lần\",\"comparison\":\"AT_LEAST\",\"target\":2}").put("/api/v1/quality-objectives/{id}", id)
                .then().spec(problem(403));
        // the province's committee still acts on it (it records what the agency's successor carries on)
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"title\":\"Đánh giá nội bộ 2 lần\",\"comparison\":\"AT_LEAST\",\"target\":2}").put("/api/v1/quality-objectives/{id}", id)
                .then().statusCode(200);
    }
}
