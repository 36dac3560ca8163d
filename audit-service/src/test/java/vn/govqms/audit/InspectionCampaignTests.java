package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

    @Test
    void aCampaignCoversEveryAgencyWithAtLeastOneThirdOnSite() {
        String p = "40";
        String a = Fixtures.agency(p, "Sở Tài nguyên và Môi trường tỉnh Ninh Bình");
        String b = Fixtures.agency(p, "Sở Lao động tỉnh Ninh Bình");
        String c = Fixtures.agency(p, "UBND phường Đông Thành", "WARD");
        String d = Fixtures.agency(p, "UBND xã Ninh Hải", "COMMUNE");
        Fixtures.agency(p, "Bệnh viện Đa khoa tỉnh", "PUBLIC_SERVICE_UNIT"); // encouraged only
        String centre = Fixtures.agency(p, "Trung tâm Kỹ thuật TĐC tỉnh Ninh Bình", "PUBLIC_SERVICE_UNIT");
        String admin = admin(p);
        String campaign = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"provinceCode":"40","year":2026,"title":"Kế hoạch kiểm tra việc áp dụng, duy trì HTQLCL năm 2026",
                 "periodStart":"2026-11-08","periodEnd":"2026-12-03",
                 "team":[{"subject":"auditor-%s","fullName":"Phạm Thị Lan","agencyId":"%s","unit":"Phòng Quản lý tiêu chuẩn","role":"LEAD"}],
                 "agencies":%s}""".formatted(centre, centre, agencies(a, "ON_SITE", b, "RECORDS")))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("progress.total", equalTo(2)).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"provinceCode":"40","year":2026,"title":"x","periodStart":"2026-11-08","periodEnd":"2026-12-03",
                 "team":[{"subject":"s","fullName":"A","agencyId":"%s","role":"LEAD"}],"agencies":[]}""".formatted(centre))
                .post("/api/v1/inspection-campaigns").then().statusCode(409);

        // the province adds its wards and communes to the levels the law requires (they are encouraged only)
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"includedLevels\":[\"WARD\",\"COMMUNE\"]}").put("/api/v1/inspection-levels/40").then().statusCode(200)
                .body("includedLevels", equalTo(List.of("COMMUNE", "WARD")));
        String approval = "{\"decisionNumber\":\"1113/QĐ-UBND\",\"decisionDate\":\"2026-10-11\"}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign).then().spec(problem(422, "agencies-missing")).body("missingAgencyIds", hasSize(2))
                .body("detail", containsString("UBND phường Đông Thành"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"agencies\":[]}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", campaign).then().statusCode(428);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"agencies\":" + agencies(a, "ON_SITE", b, "RECORDS", c, "RECORDS", d, "RECORDS") + "}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", campaign).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign).then().statusCode(422)
                .body("type", containsString("on-site-share")).body("onSite", equalTo(1)).body("total", equalTo(4))
                .body("requiredOnSite", equalTo(2)).body("detail", containsString("Only 1 of 4"));

        String etag = given().auth().oauth2(admin).get("/api/v1/inspection-campaigns/{id}", campaign).then().extract().header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"agencies\":" + agencies(a, "ON_SITE", b, "ON_SITE", c, "RECORDS", d, "RECORDS") + "}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", campaign).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decisionNumber", equalTo("1113/QĐ-UBND"))
                .body("progress.onSite", equalTo(2)).body("progress.records", equalTo(2)).body("progress.inspected", equalTo(0))
                .body("agencies.find { it.agencyId == '" + a + "' }.auditStatus", equalTo("PLANNED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign).then().statusCode(409);
        assertTrue(Fixtures.published("audit", campaign, "inspection-campaign.approved", "\"onSiteCount\":2"));
        assertEquals(4, Fixtures.count("select count(*) from audit where campaign_id = '" + campaign + "' and kind = 'PROVINCIAL_INSPECTION'"));

        // the inspector carries out one inspection: progress counts it
        String audit = given().auth().oauth2(admin).queryParam("campaignId", campaign).queryParam("agencyId", c)
                .get("/api/v1/audits").then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        String inspector = auditor(centre, p);
        given().auth().oauth2(inspector).post("/api/v1/audits/{id}/start", audit).then().statusCode(200);
        for (int no = 1; no <= 13; no++) {
            given().auth().oauth2(inspector).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                    .put("/api/v1/audits/{id}/checklist/{no}/answer", audit, no).then().statusCode(200);
        }
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body("{\"conclusion\":\"Áp dụng, duy trì HTQLCL phù hợp\"}")
                .post("/api/v1/audits/{id}/report", audit).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/inspection-campaigns/{id}", campaign).then().statusCode(200)
                .body("progress.inspected", equalTo(1)).body("progress.inspectedRecords", equalTo(1));
        given().auth().oauth2(admin).queryParam("year", "2026").get("/api/v1/inspection-campaigns").then().statusCode(200)
                .body("items.id", equalTo(List.of(campaign)));
    }

    @Test
    void theDepartmentOfScienceAndTechnologyLeadsTheCampaignAndIsInspectedUnderAnotherLead() {
        String p = "48";
        String dost = Fixtures.agency(p, "Sở Khoa học và Công nghệ thành phố Đà Nẵng");
        String home = Fixtures.agency(p, "Sở Nội vụ thành phố Đà Nẵng");
        String ward = Fixtures.agency(p, "UBND phường Hải Châu", "WARD");
        String admin = admin(p);
        String deputy = "auditor-" + dost;
        // led by the department's deputy director, over every agency that must apply the QMS, the department included
        String campaign = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"provinceCode":"48","year":2026,"title":"Kế hoạch kiểm tra việc áp dụng, duy trì HTQLCL năm 2026",
                 "periodStart":"2026-11-08","periodEnd":"2026-12-03",
                 "team":[{"subject":"%s","fullName":"Lê Văn Hùng","agencyId":"%s","unit":"Phó Giám đốc Sở, Trưởng đoàn","role":"LEAD"},
                         {"subject":"tran.thi.mai@dost.danang.gov.vn","fullName":"Trần Thị Mai","agencyId":"%s",
                          "unit":"Chi cục Tiêu chuẩn Đo lường Chất lượng","role":"MEMBER"}],
                 "agencies":%s}""".formatted(deputy, dost, dost, agencies(dost, "RECORDS", home, "ON_SITE", ward, "ON_SITE")))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"decisionNumber\":\"2150/QĐ-UBND\",\"decisionDate\":\"2026-10-12\"}")
                .post("/api/v1/inspection-campaigns/{id}/approval", campaign).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("progress.total", equalTo(3))
                .body("agencies.find { it.agencyId == '" + home + "' }.leadAuditor", equalTo(deputy))
                .body("agencies.find { it.agencyId == '" + dost + "' }.leadAuditor", nullValue());

        // the department's own inspection: none of its people on the team, no lead until the province names one
        String own = given().auth().oauth2(admin).queryParam("campaignId", campaign).queryParam("agencyId", dost)
                .get("/api/v1/audits").then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        String etag = given().auth().oauth2(admin).get("/api/v1/audits/{id}", own).then().statusCode(200)
                .body("leadAuditor", nullValue()).body("team", hasSize(0)).body("mode", equalTo("RECORDS")).extract().header("ETag");
        given().auth().oauth2(admin).post("/api/v1/audits/{id}/start", own).then().spec(problem(422, "lead-missing"));
        String led = """
                {"team":[{"subject":"%s","fullName":"%s","agencyId":"%s","unit":"%s","role":"LEAD"}]}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(led.formatted("auditor-" + home, "Trần Quốc Huy", home, "Văn phòng Sở"))
                .put("/api/v1/audits/{id}/team", own).then().statusCode(428);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body(led.formatted(deputy, "Lê Văn Hùng", dost, "Phó Giám đốc Sở"))
                .put("/api/v1/audits/{id}/team", own).then().spec(problem(422, "auditor-not-independent")).body("auditor", equalTo(deputy));
        given().auth().oauth2(Fixtures.head(dost, p)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(led.formatted("auditor-" + home, "Trần Quốc Huy", home, "Văn phòng Sở"))
                .put("/api/v1/audits/{id}/team", own).then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body(led.formatted("auditor-" + home, "Trần Quốc Huy", home, "Văn phòng Sở"))
                .put("/api/v1/audits/{id}/team", own).then().statusCode(200)
                .body("leadAuditor", equalTo("auditor-" + home)).body("team", hasSize(1));
        // the named lead, of another agency, carries it out; the deputy director does not act in it
        given().auth().oauth2(auditor(home, p)).post("/api/v1/audits/{id}/start", own).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(auditor(dost, p)).contentType(ContentType.JSON).body("{\"answer\":\"CONFORMING\"}")
                .put("/api/v1/audits/{id}/checklist/1/answer", own).then().statusCode(403);
        given().auth().oauth2(admin).get("/api/v1/inspection-campaigns/{id}", campaign).then().statusCode(200)
                .body("agencies.find { it.agencyId == '" + dost + "' }.leadAuditor", equalTo("auditor-" + home));
        // the department's people stay on the team of every other inspection
        given().auth().oauth2(admin).queryParam("campaignId", campaign).queryParam("agencyId", ward).get("/api/v1/audits").then()
                .statusCode(200).body("items[0].leadAuditor", equalTo(deputy));
    }

    @Test
    void campaignsIncludeTheLawsLevelsAndThoseTheProvinceChose() {
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

        // by default the law's levels: no commune, no public service unit, and since 1 July 2025 no district
        String c2026 = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.formatted(2026, 2026, 2026, 2026, team, agencies(ppc, "ON_SITE", dept, "RECORDS", sub, "RECORDS")))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", c2026).then().statusCode(200);
        // a campaign of 2024 still had to include the district
        String c2024 = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body.formatted(2024, 2024, 2024, 2024, team, agencies(ppc, "ON_SITE", dept, "RECORDS", sub, "RECORDS")))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", c2024).then().statusCode(422)
                .body("type", containsString("agencies-missing")).body("missingAgencyIds", equalTo(List.of(district)));

        // the province chooses to include its communes: the province-admin of that province only, with If-Match
        String etag = given().auth().oauth2(admin).get("/api/v1/inspection-levels/49").then().statusCode(200)
                .body("includedLevels", hasSize(0)).body("mandatoryLevels", equalTo(List.of("DEPARTMENT", "DISTRICT", "MINISTRY_UNIT",
                        "PROVINCIAL_PEOPLES_COMMITTEE", "SUB_DEPARTMENT")))
                .body("encouragedLevels", equalTo(List.of("COMMUNE", "PUBLIC_SERVICE_UNIT", "SPECIAL_ZONE", "WARD")))
                .body("districtLevelEnded", equalTo("2025-07-01")).extract().header("ETag");
        String communes = "{\"includedLevels\":[\"COMMUNE\"]}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(communes).put("/api/v1/inspection-levels/49").then().statusCode(428);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body("{\"includedLevels\":[\"DEPARTMENT\"]}")
                .put("/api/v1/inspection-levels/49").then().spec(problem(400));
        given().auth().oauth2(admin("48")).contentType(ContentType.JSON).header("If-Match", etag).body(communes)
                .put("/api/v1/inspection-levels/49").then().spec(problem(403));
        given().auth().oauth2(admin("48")).get("/api/v1/inspection-levels/49").then().statusCode(403);
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).header("If-Match", etag).body(communes)
                .put("/api/v1/inspection-levels/49").then().statusCode(403);
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/inspection-levels/49").then().statusCode(200);
        given().auth().oauth2(Fixtures.head(dept, p)).contentType(ContentType.JSON).header("If-Match", etag).body(communes)
                .put("/api/v1/inspection-levels/49").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body(communes)
                .put("/api/v1/inspection-levels/49").then().statusCode(200).body("includedLevels", equalTo(List.of("COMMUNE")))
                .body("version", equalTo(1)).body("requiredLevels", Matchers.hasItem("COMMUNE"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body("{\"includedLevels\":[]}")
                .put("/api/v1/inspection-levels/49").then().statusCode(412);

        String campaignEtag = given().auth().oauth2(admin).get("/api/v1/inspection-campaigns/{id}", c2024).then().extract().header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", campaignEtag)
                .body("{\"agencies\":" + agencies(ppc, "ON_SITE", dept, "RECORDS", sub, "RECORDS", district, "ON_SITE") + "}")
                .put("/api/v1/inspection-campaigns/{id}/agencies", c2024).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(approval)
                .post("/api/v1/inspection-campaigns/{id}/approval", c2024).then().statusCode(422)
                .body("missingAgencyIds", equalTo(List.of(commune)));
    }

    @Test
    void onlyTheProvinceRunsItsCampaigns() {
        String other = Fixtures.agency("42", "Sở Công Thương tỉnh Thanh Hóa");
        String team = "[{\"subject\":\"s\",\"fullName\":\"Lê Văn Tâm\",\"agencyId\":\"" + other + "\",\"role\":\"LEAD\"}]";
        String body = """
                {"provinceCode":"41","year":2026,"title":"Kế hoạch kiểm tra","periodStart":"2026-11-08","periodEnd":"2026-12-03",
                 "team":%s,"agencies":%s}""";
        given().auth().oauth2(admin("42")).contentType(ContentType.JSON).body(body.formatted(team, "[]"))
                .post("/api/v1/inspection-campaigns").then().spec(problem(403));
        given().auth().oauth2(Fixtures.head(other, "42")).contentType(ContentType.JSON).body(body.formatted(team, "[]"))
                .post("/api/v1/inspection-campaigns").then().statusCode(403);
        given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body(body.formatted(team, agencies(other, "ON_SITE")))
                .post("/api/v1/inspection-campaigns").then().statusCode(422).body("type", containsString("agency-outside-province"));
        given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body(body.formatted(team, agencies(other, "BY_PHONE")))
                .post("/api/v1/inspection-campaigns").then().spec(problem(400));
        String id = given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body(body.formatted(team, "[]"))
                .post("/api/v1/inspection-campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin("42")).get("/api/v1/inspection-campaigns/{id}", id).then().statusCode(403);
        // a campaign is the province's: the national level reads it and changes nothing; an agency's people do not read it
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/inspection-campaigns/{id}", id).then().statusCode(200)
                .body("provinceCode", equalTo("41"));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("provinceCode", "41").get("/api/v1/inspection-campaigns").then()
                .statusCode(200).body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(admin("42")).queryParam("provinceCode", "41").get("/api/v1/inspection-campaigns").then().statusCode(403);
        given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body(body.formatted(team, "[]"))
                .post("/api/v1/inspection-campaigns").then().spec(problem(403));
        given().auth().oauth2(TestTokens.ministryAdmin(other)).contentType(ContentType.JSON).body(body.formatted(team, "[]"))
                .post("/api/v1/inspection-campaigns").then().statusCode(403);
        given().auth().oauth2(Fixtures.head(other, "42")).get("/api/v1/inspection-campaigns/{id}", id).then().statusCode(403);
        given().auth().oauth2(admin("41")).contentType(ContentType.JSON).body("{\"decisionNumber\":\"1/QĐ-UBND\",\"decisionDate\":\"2026-10-01\"}")
                .post("/api/v1/inspection-campaigns/{id}/approval", id).then().statusCode(422).body("type", containsString("no-agencies"));
        given().get("/api/v1/inspection-campaigns/{id}", id).then().statusCode(401);
    }
}
