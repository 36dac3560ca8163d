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
import vn.govqms.local.testing.TestTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.auditor;
import static vn.govqms.local.testing.Problems.problem;

/** Provincial inspection campaigns: every agency that must apply the QMS, one third on site, progress. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class InspectionCampaignTests {

    static String agencies(String... modes) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < modes.length; i += 2) {
            b.append(i == 0 ? "" : ",").append("{\"agencyId\":\"").append(modes[i]).append("\",\"mode\":\"").append(modes[i + 1]).append("\"}");
        }
        return b.append("]").toString();
    }

    static String etag(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then().statusCode(200).extract().header("ETag");
    }

    /**
     * Ninh Bình's campaign of 2026, made once for this class: drafted over two departments, refused for the ward and commune
     * the province then includes, refused for too few on-site inspections, approved with two of four on site, and one
     * inspection (through records) carried out and reported. Each step's answer is kept for the rule it shows.
     */
    record NinhBinh(String campaign, String department, Response created, Response duplicate, Response levelsIncluded,
                    Response missingAgencies, Response agenciesWithoutIfMatch, Response agenciesChanged, Response tooFewOnSite,
                    Response approved, Response approvedAgain, Response inspectedAudits, Response afterInspection) {
    }

    private static NinhBinh ninhBinh;

    static synchronized NinhBinh ninhBinh() {
        if (ninhBinh != null) {
            return ninhBinh;
        }
        String p = "40";
        String a = Fixtures.agency(p, "Sở Tài nguyên và Môi trường tỉnh Ninh Bình");
        String b = Fixtures.agency(p, "Sở Lao động tỉnh Ninh Bình");
        String c = Fixtures.agency(p, "UBND phường Đông Thành", "WARD");
        String d = Fixtures.agency(p, "UBND xã Ninh Hải", "COMMUNE");
        Fixtures.agency(p, "Bệnh viện Đa khoa tỉnh", "PUBLIC_SERVICE_UNIT"); // encouraged only
        String centre = Fixtures.agency(p, "Trung tâm Kỹ thuật TĐC tỉnh Ninh Bình", "PUBLIC_SERVICE_UNIT");
        String admin = admin(p);
        Response created = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"provinceCode":"40","year":2026,"title":"Kế hoạch kiểm tra việc áp dụng, duy trì HTQLCL năm 2026",
                 "periodStart":"2026-11-08","periodEnd":"2026-12-03",
                 "team":[{"subject":"auditor-%s","fullName":"Phạm Thị Lan","agencyId":"%s","unit":"Phòng Quản lý tiêu chuẩn","role":"LEAD"}],
                 "agencies":%s}""".formatted(centre, centre, agencies(a, "ON_SITE", b, "RECORDS"))).post("/api/v1/inspection-campaigns");
        String campaign = created.then().statusCode(201).extract().path("id");
        Response duplicate = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"provinceCode":"40","year":2026,"title":"x","periodStart":"2026-11-08","periodEnd":"2026-12-03",
                 "team":[{"subject":"s","fullName":"A","agencyId":"%s","role":"LEAD"}],"agencies":[]}""".formatted(centre))
                .post("/api/v1/inspection-campaigns");

        // the province adds its wards and communes to the levels the law requires (they are encouraged only)
        Response levelsIncluded = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"includedLevels\":[\"WARD\",\"COMMUNE\"]}").put("/api/v1/inspection-levels/40");
        String approval = "{\"decisionNumber\":\"1113/QĐ-UBND\",\"decisionDate\":\"2026-10-11\"}";
        Response missingAgencies = given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign);
        Response agenciesWithoutIfMatch = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"agencies\":[]}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", campaign);
        Response agenciesChanged = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"agencies\":" + agencies(a, "ON_SITE", b, "RECORDS", c, "RECORDS", d, "RECORDS") + "}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", campaign);
        Response tooFewOnSite = given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(admin, "/api/v1/inspection-campaigns/{id}", campaign))
                .body("{\"agencies\":" + agencies(a, "ON_SITE", b, "ON_SITE", c, "RECORDS", d, "RECORDS") + "}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", campaign).then().statusCode(200);
        Response approved = given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign);
        Response approvedAgain = given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign);

        // the inspector carries out the ward's inspection, through records
        Response inspectedAudits = given().auth().oauth2(admin).queryParam("campaignId", campaign).queryParam("agencyId", c).get("/api/v1/audits");
        String audit = inspectedAudits.then().statusCode(200).extract().path("items[0].id");
        String inspector = auditor(centre, p);
        given().auth().oauth2(inspector).post("/api/v1/audits/{id}/start", audit).then().statusCode(200);
        for (int no = 1; no <= 13; no++) {
            given().auth().oauth2(inspector).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                    .put("/api/v1/audits/{id}/checklist/{no}/answer", audit, no).then().statusCode(200);
        }
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body("{\"conclusion\":\"Áp dụng, duy trì HTQLCL phù hợp\"}")
                .post("/api/v1/audits/{id}/report", audit).then().statusCode(200);
        Response afterInspection = given().auth().oauth2(admin).get("/api/v1/inspection-campaigns/{id}", campaign);
        ninhBinh = new NinhBinh(campaign, a, created, duplicate, levelsIncluded, missingAgencies, agenciesWithoutIfMatch, agenciesChanged,
                tooFewOnSite, approved, approvedAgain, inspectedAudits, afterInspection);
        return ninhBinh;
    }

    @Test
    void aCampaignStartsAsADraftOverTheAgenciesItNames() {
        ninhBinh().created().then().statusCode(201).body("status", equalTo("DRAFT")).body("progress.total", equalTo(2));
    }

    @Test
    void aProvinceHasOneCampaignAYear() {
        ninhBinh().duplicate().then().spec(problem(409));
    }

    @Test
    void aCampaignIsApprovedOnlyOverEveryAgencyOfTheRequiredLevels() {
        NinhBinh w = ninhBinh();
        w.levelsIncluded().then().statusCode(200).body("includedLevels", equalTo(List.of("COMMUNE", "WARD")));
        w.missingAgencies().then().spec(problem(422, "agencies-missing")).body("missingAgencyIds", hasSize(2))
                .body("detail", containsString("UBND phường Đông Thành"));
    }

    @Test
    void theAgenciesAreChangedOnlyWithIfMatch() {
        NinhBinh w = ninhBinh();
        w.agenciesWithoutIfMatch().then().spec(problem(428));
        w.agenciesChanged().then().statusCode(200);
    }

    @Test
    void atLeastOneThirdOfTheAgenciesAreInspectedOnSite() {
        ninhBinh().tooFewOnSite().then().spec(problem(422, "on-site-share")).body("onSite", equalTo(1)).body("total", equalTo(4))
                .body("requiredOnSite", equalTo(2)).body("detail", containsString("Only 1 of 4"));
    }

    @Test
    void anApprovedCampaignPlansOneInspectionPerAgencyOnceAndIsAnEvent() {
        NinhBinh w = ninhBinh();
        w.approved().then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decisionNumber", equalTo("1113/QĐ-UBND"))
                .body("progress.onSite", equalTo(2)).body("progress.records", equalTo(2)).body("progress.inspected", equalTo(0))
                .body("agencies.find { it.agencyId == '" + w.department() + "' }.auditStatus", equalTo("PLANNED"));
        w.approvedAgain().then().spec(problem(409));
        assertTrue(Fixtures.published("audit", w.campaign(), "inspection-campaign.approved", "\"onSiteCount\":2"));
        assertEquals(4, Fixtures.count("select count(*) from audit where campaign_id = '" + w.campaign() + "' and kind = 'PROVINCIAL_INSPECTION'"));
        w.inspectedAudits().then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aReportedInspectionCountsInTheCampaignsProgress() {
        ninhBinh().afterInspection().then().statusCode(200).body("progress.inspected", equalTo(1)).body("progress.inspectedRecords", equalTo(1));
    }

    @Test
    void theProvinceListsItsCampaignsOfAYear() {
        given().auth().oauth2(admin("40")).queryParam("year", "2026").get("/api/v1/inspection-campaigns").then().statusCode(200)
                .body("items.id", equalTo(List.of(ninhBinh().campaign())));
    }

    /**
     * Đà Nẵng's campaign, made once for this class: led by the Department of Science and Technology's deputy director over
     * every agency that must apply the QMS, the department included; approved. The department's own inspection starts
     * without a lead, is refused one of its own people and is given one of another agency, who starts it.
     */
    record DaNang(String campaign, String dost, String home, String ward, String deputy, String own, Response approved, Response ownRead,
                  Response startedWithoutLead, Response teamWithoutIfMatch, Response teamOfItsOwn, Response teamByItsHead,
                  Response teamNamed, Response startedByNamedLead, Response answeredByItsOwnAuditor) {
    }

    private static DaNang daNang;

    static synchronized DaNang daNang() {
        if (daNang != null) {
            return daNang;
        }
        String p = "48";
        String dost = Fixtures.agency(p, "Sở Khoa học và Công nghệ thành phố Đà Nẵng");
        String home = Fixtures.agency(p, "Sở Nội vụ thành phố Đà Nẵng");
        String ward = Fixtures.agency(p, "UBND phường Hải Châu", "WARD");
        String admin = admin(p);
        String deputy = "auditor-" + dost;
        String campaign = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"provinceCode":"48","year":2026,"title":"Kế hoạch kiểm tra việc áp dụng, duy trì HTQLCL năm 2026",
                 "periodStart":"2026-11-08","periodEnd":"2026-12-03",
                 "team":[{"subject":"%s","fullName":"Lê Văn Hùng","agencyId":"%s","unit":"Phó Giám đốc Sở, Trưởng đoàn","role":"LEAD"},
                         {"subject":"tran.thi.mai@dost.danang.gov.vn","fullName":"Trần Thị Mai","agencyId":"%s",
                          "unit":"Chi cục Tiêu chuẩn Đo lường Chất lượng","role":"MEMBER"}],
                 "agencies":%s}""".formatted(deputy, dost, dost, agencies(dost, "RECORDS", home, "ON_SITE", ward, "ON_SITE")))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        Response approved = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"decisionNumber\":\"2150/QĐ-UBND\",\"decisionDate\":\"2026-10-12\"}")
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign);

        String own = given().auth().oauth2(admin).queryParam("campaignId", campaign).queryParam("agencyId", dost)
                .get("/api/v1/audits").then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        Response ownRead = given().auth().oauth2(admin).get("/api/v1/audits/{id}", own);
        String etag = ownRead.then().statusCode(200).extract().header("ETag");
        Response startedWithoutLead = given().auth().oauth2(admin).post("/api/v1/audits/{id}/start", own);
        String led = """
                {"team":[{"subject":"%s","fullName":"%s","agencyId":"%s","unit":"%s","role":"LEAD"}]}""";
        String homeLead = led.formatted("auditor-" + home, "Trần Quốc Huy", home, "Văn phòng Sở");
        Response teamWithoutIfMatch = given().auth().oauth2(admin).contentType(ContentType.JSON).body(homeLead).put("/api/v1/audits/{id}/team", own);
        Response teamOfItsOwn = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body(led.formatted(deputy, "Lê Văn Hùng", dost, "Phó Giám đốc Sở")).put("/api/v1/audits/{id}/team", own);
        Response teamByItsHead = given().auth().oauth2(Fixtures.head(dost, p)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(homeLead).put("/api/v1/audits/{id}/team", own);
        Response teamNamed = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body(homeLead)
                .put("/api/v1/audits/{id}/team", own);
        Response startedByNamedLead = given().auth().oauth2(auditor(home, p)).post("/api/v1/audits/{id}/start", own);
        Response answeredByItsOwnAuditor = given().auth().oauth2(auditor(dost, p)).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", own);
        daNang = new DaNang(campaign, dost, home, ward, deputy, own, approved, ownRead, startedWithoutLead, teamWithoutIfMatch, teamOfItsOwn,
                teamByItsHead, teamNamed, startedByNamedLead, answeredByItsOwnAuditor);
        return daNang;
    }

    @Test
    void theDepartmentLeadingTheCampaignIsInspectedWithoutALeadOfItsOwn() {
        DaNang w = daNang();
        w.approved().then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("progress.total", equalTo(3))
                .body("agencies.find { it.agencyId == '" + w.home() + "' }.leadAuditor", equalTo(w.deputy()))
                .body("agencies.find { it.agencyId == '" + w.dost() + "' }.leadAuditor", nullValue());
        w.ownRead().then().statusCode(200).body("leadAuditor", nullValue()).body("team", hasSize(0)).body("mode", equalTo("RECORDS"));
    }

    @Test
    void anInspectionWithoutALeadDoesNotStart() {
        daNang().startedWithoutLead().then().spec(problem(422, "lead-missing"));
    }

    @Test
    void theProvinceNamesTheLeadWithIfMatchFromAnotherAgency() {
        DaNang w = daNang();
        w.teamWithoutIfMatch().then().spec(problem(428));
        w.teamOfItsOwn().then().spec(problem(422, "auditor-not-independent")).body("auditor", equalTo(w.deputy()));
        w.teamByItsHead().then().spec(problem(403));
        w.teamNamed().then().statusCode(200).body("leadAuditor", equalTo("auditor-" + w.home())).body("team", hasSize(1));
    }

    @Test
    void theNamedLeadCarriesItOutAndTheInspectedDepartmentsPeopleDoNotAct() {
        DaNang w = daNang();
        w.startedByNamedLead().then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        w.answeredByItsOwnAuditor().then().spec(problem(403));
        given().auth().oauth2(admin("48")).get("/api/v1/inspection-campaigns/{id}", w.campaign()).then().statusCode(200)
                .body("agencies.find { it.agencyId == '" + w.dost() + "' }.leadAuditor", equalTo("auditor-" + w.home()));
    }

    @Test
    void theLeadingDepartmentsPeopleStayOnTheTeamOfEveryOtherInspection() {
        DaNang w = daNang();
        given().auth().oauth2(admin("48")).queryParam("campaignId", w.campaign()).queryParam("agencyId", w.ward()).get("/api/v1/audits").then()
                .statusCode(200).body("items[0].leadAuditor", equalTo(w.deputy()));
    }

    /**
     * Quảng Nam's agencies at every level, made once for this class: a campaign of 2026 over the law's levels (approved) and
     * one of 2024 (refused for its district); then the province includes its communes, and the 2024 campaign, given its
     * district, is refused for its commune.
     */
    record QuangNam(String dept, String district, String commune, String levelsEtag, Response approved2026, Response missing2024,
                    Response levelsRead, Response communesIncluded, Response missingAfterIncluding) {
    }

    private static QuangNam quangNam;

    static synchronized QuangNam quangNam() {
        if (quangNam != null) {
            return quangNam;
        }
        String p = "49";
        String ppc = Fixtures.agency(p, "UBND tỉnh Quảng Nam", "PROVINCIAL_PEOPLES_COMMITTEE");
        String dept = Fixtures.agency(p, "Sở Tài chính tỉnh Quảng Nam");
        String sub = Fixtures.agency(p, "Chi cục Kiểm lâm tỉnh Quảng Nam", "SUB_DEPARTMENT");
        String district = Fixtures.agency(p, "UBND huyện Duy Xuyên", "DISTRICT");
        String commune = Fixtures.agency(p, "UBND xã Duy Sơn", "COMMUNE");
        Fixtures.agency(p, "Trung tâm Phục vụ hành chính công tỉnh Quảng Nam", "PUBLIC_SERVICE_UNIT");
        String admin = admin(p);
        String team = "[{\"subject\":\"auditor-" + dept + "\",\"fullName\":\"Võ Thị Hạnh\",\"agencyId\":\"" + dept + "\",\"role\":\"LEAD\"}]";
        String body = """
                {"provinceCode":"49","year":%d,"title":"Kế hoạch kiểm tra HTQLCL năm %d","periodStart":"%d-11-04","periodEnd":"%d-11-29",
                 "team":%s,"agencies":%s}""";
        String approval = "{\"decisionNumber\":\"3120/QĐ-UBND\",\"decisionDate\":\"2026-10-15\"}";
        String c2026 = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.formatted(2026, 2026, 2026, 2026, team, agencies(ppc, "ON_SITE", dept, "RECORDS", sub, "RECORDS")))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        Response approved2026 = given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", c2026);
        String c2024 = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.formatted(2024, 2024, 2024, 2024, team, agencies(ppc, "ON_SITE", dept, "RECORDS", sub, "RECORDS")))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        Response missing2024 = given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", c2024);

        Response levelsRead = given().auth().oauth2(admin).get("/api/v1/inspection-levels/49");
        String levelsEtag = levelsRead.then().statusCode(200).extract().header("ETag");
        Response communesIncluded = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", levelsEtag)
                .body("{\"includedLevels\":[\"COMMUNE\"]}").put("/api/v1/inspection-levels/49");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(admin, "/api/v1/inspection-campaigns/{id}", c2024))
                .body("{\"agencies\":" + agencies(ppc, "ON_SITE", dept, "RECORDS", sub, "RECORDS", district, "ON_SITE") + "}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", c2024).then().statusCode(200);
        Response missingAfterIncluding = given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", c2024);
        quangNam = new QuangNam(dept, district, commune, levelsEtag, approved2026, missing2024, levelsRead, communesIncluded,
                missingAfterIncluding);
        return quangNam;
    }

    @Test
    void byDefaultACampaignIncludesTheLawsLevelsWithoutCommunesServiceUnitsOrSinceJuly2025Districts() {
        QuangNam w = quangNam();
        w.approved2026().then().statusCode(200);
        w.levelsRead().then().statusCode(200).body("includedLevels", hasSize(0))
                .body("mandatoryLevels", equalTo(List.of("DEPARTMENT", "DISTRICT", "MINISTRY_UNIT", "PROVINCIAL_PEOPLES_COMMITTEE", "SUB_DEPARTMENT")))
                .body("encouragedLevels", equalTo(List.of("COMMUNE", "PUBLIC_SERVICE_UNIT", "SPECIAL_ZONE", "WARD")))
                .body("districtLevelEnded", equalTo("2025-07-01"));
    }

    @Test
    void aCampaignOf2024StillHadToIncludeTheDistricts() {
        QuangNam w = quangNam();
        w.missing2024().then().spec(problem(422, "agencies-missing")).body("missingAgencyIds", equalTo(List.of(w.district())));
    }

    @Test
    void theProvinceIncludesEncouragedLevelsWithIfMatchAndTheyAreRequiredFromThen() {
        QuangNam w = quangNam();
        w.communesIncluded().then().statusCode(200).body("includedLevels", equalTo(List.of("COMMUNE")))
                .body("version", equalTo(1)).body("requiredLevels", Matchers.hasItem("COMMUNE"));
        w.missingAfterIncluding().then().spec(problem(422)).body("missingAgencyIds", equalTo(List.of(w.commune())));
        String communes = "{\"includedLevels\":[\"COMMUNE\"]}";
        given().auth().oauth2(admin("49")).contentType(ContentType.JSON).body(communes).put("/api/v1/inspection-levels/49").then().spec(problem(428));
        given().auth().oauth2(admin("49")).contentType(ContentType.JSON).header("If-Match", w.levelsEtag()).body("{\"includedLevels\":[]}")
                .put("/api/v1/inspection-levels/49").then().spec(problem(412));
    }

    @Test
    void onlyEncouragedLevelsAreIncluded() {
        quangNam();
        given().auth().oauth2(admin("49")).contentType(ContentType.JSON).header("If-Match", etag(admin("49"), "/api/v1/inspection-levels/49"))
                .body("{\"includedLevels\":[\"DEPARTMENT\"]}").put("/api/v1/inspection-levels/49").then().spec(problem(400));
    }

    @Test
    void onlyTheProvincesAdminChangesItsLevelsAndTheNationalLevelReadsThem() {
        QuangNam w = quangNam();
        String etag = etag(admin("49"), "/api/v1/inspection-levels/49");
        String communes = "{\"includedLevels\":[\"COMMUNE\"]}";
        given().auth().oauth2(admin("48")).contentType(ContentType.JSON).header("If-Match", etag).body(communes)
                .put("/api/v1/inspection-levels/49").then().spec(problem(403));
        given().auth().oauth2(admin("48")).get("/api/v1/inspection-levels/49").then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(communes)
                .put("/api/v1/inspection-levels/49").then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/inspection-levels/49").then().statusCode(200);
        given().auth().oauth2(Fixtures.head(w.dept(), "49")).contentType(ContentType.JSON).header("If-Match", etag).body(communes)
                .put("/api/v1/inspection-levels/49").then().spec(problem(403));
    }

    /** A campaign of province 41 (2026, no agencies yet) and a department of province 42; made once for this class. */
    record ThanhHoa(String other, String team, String campaign) {
        /** A campaign of a year the province has none of yet (one a year: 2026's is made), so only the rule under test refuses it. */
        String body(String agencies) {
            return thanhHoaCampaign(2025, team, agencies);
        }
    }

    static String thanhHoaCampaign(int year, String team, String agencies) {
        return """
                {"provinceCode":"41","year":%d,"title":"Kế hoạch kiểm tra","periodStart":"%d-11-08","periodEnd":"%d-12-03",
                 "team":%s,"agencies":%s}""".formatted(year, year, year, team, agencies);
    }

    private static ThanhHoa thanhHoa;

    static synchronized ThanhHoa thanhHoa() {
        if (thanhHoa != null) {
            return thanhHoa;
        }
        String other = Fixtures.agency("42", "Sở Công Thương tỉnh Thanh Hóa");
        String team = "[{\"subject\":\"s\",\"fullName\":\"Lê Văn Tâm\",\"agencyId\":\"" + other + "\",\"role\":\"LEAD\"}]";
        String id = given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body(thanhHoaCampaign(2026, team, "[]"))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        thanhHoa = new ThanhHoa(other, team, id);
        return thanhHoa;
    }

    @Test
    void onlyTheProvincesAdminCreatesItsCampaigns() {
        ThanhHoa w = thanhHoa();
        given().auth().oauth2(admin("42")).contentType(ContentType.JSON).body(w.body("[]"))
                .post("/api/v1/inspection-campaigns").then().spec(problem(403));
        given().auth().oauth2(Fixtures.head(w.other(), "42")).contentType(ContentType.JSON).body(w.body("[]"))
                .post("/api/v1/inspection-campaigns").then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body(w.body("[]"))
                .post("/api/v1/inspection-campaigns").then().spec(problem(403));
        given().auth().oauth2(TestTokens.ministryAdmin(w.other())).contentType(ContentType.JSON).body(w.body("[]"))
                .post("/api/v1/inspection-campaigns").then().spec(problem(403));
    }

    @Test
    void aCampaignInspectsTheProvincesOwnAgenciesOnSiteOrThroughRecords() {
        ThanhHoa w = thanhHoa();
        given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body(w.body(agencies(w.other(), "ON_SITE")))
                .post("/api/v1/inspection-campaigns").then().spec(problem(422, "agency-outside-province"));
        given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body(w.body(agencies(w.other(), "BY_PHONE")))
                .post("/api/v1/inspection-campaigns").then().spec(problem(400));
        given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body("{\"decisionNumber\":\"1/QĐ-UBND\",\"decisionDate\":\"2026-10-01\"}")
                .post("/api/v1/inspection-campaigns/{id}/approval", w.campaign()).then().spec(problem(422, "no-agencies"));
    }

    @Test
    void aCampaignIsReadByItsProvinceAndTheNationalLevelOnly() {
        ThanhHoa w = thanhHoa();
        given().auth().oauth2(admin("42")).get("/api/v1/inspection-campaigns/{id}", w.campaign()).then().spec(problem(403));
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/inspection-campaigns/{id}", w.campaign()).then().statusCode(200)
                .body("provinceCode", equalTo("41"));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("provinceCode", "41").get("/api/v1/inspection-campaigns").then()
                .statusCode(200).body("items.id", equalTo(List.of(w.campaign())));
        given().auth().oauth2(admin("42")).queryParam("provinceCode", "41").get("/api/v1/inspection-campaigns").then().spec(problem(403));
        given().auth().oauth2(Fixtures.head(w.other(), "42")).get("/api/v1/inspection-campaigns/{id}", w.campaign()).then().spec(problem(403));
        given().get("/api/v1/inspection-campaigns/{id}", w.campaign()).then().spec(problem(401));
    }
}
