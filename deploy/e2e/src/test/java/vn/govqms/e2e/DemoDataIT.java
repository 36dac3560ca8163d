package vn.govqms.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;
import vn.govqms.local.demo.DemoLoader;
import vn.govqms.local.demo.WebhookReceiver;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo loader against the packaged services: the seeds' world is there afterwards, as the services
 * tell it through their APIs (both former provinces of the new Bắc Ninh and their merger, the ministry as
 * its own tenant), and a second load creates nothing and changes no count.
 */
class DemoDataIT {

    private static final String MINISTRY_CODE = "000.00.00.G12";

    @Test
    void theSeedsWorldLoadsAndASecondLoadChangesNothing() {
        LocalStack stack = E2eStack.get();
        // loaded once for the suite (the dashboard's browser test reads it too), by whichever test came first
        E2eStack.Demo demo = E2eStack.demo();
        DemoLoader.Config config = demo.config();
        WebhookReceiver receiver = demo.receiver();
        DemoLoader.Result first = demo.first();
        assertTrue(first.created() > 0);

        bacGiangMergedIntoBacNinh(stack);
        formerBacNinhMergedToo(stack);
        scoresAndProgressOfBacGiang(stack);
        ninhBinhInspection(stack);
        dossiersOfTheMergedProvince(stack);
        documentedSystems(stack);
        ministryIsItsOwnTenant(stack);
        eachProvinceHoldsItsOwnNumbers(stack);
        dienBienRollout(stack);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received() > 0);

        Map<String, Long> before = counts(stack);
        DemoLoader.Result second = DemoLoader.load(config);
        System.out.printf("e2e: the second demo load took %.1f s%n", second.seconds());
        assertEquals(0, second.created(), () -> "the second load created " + describe(second.tally()));
        assertEquals(before, counts(stack));
    }

    /**
     * The 48 agencies of Bắc Giang ended on 30 June 2025, each continued from 1 July 2025 by one of the 24
     * agencies of the merged province (Bắc Ninh, code 24): its departments, and the wards and communes
     * that took over from the districts.
     */
    private static void bacGiangMergedIntoBacNinh(LocalStack stack) {
        String admin = admin(stack, "24");
        List<Map<String, Object>> agencies = doc(stack, admin).get("/api/v1/agencies?provinceCode=24&size=200").then().statusCode(200)
                .extract().path("items");
        List<Map<String, Object>> ended = agencies.stream().filter(a -> "2025-06-30".equals(a.get("validTo"))).toList();
        Map<Object, Map<String, Object>> merged = new HashMap<>();
        agencies.stream().filter(a -> "2025-07-01".equals(a.get("validFrom")) && a.get("validTo") == null).forEach(a -> merged.put(a.get("id"), a));
        assertEquals(48, ended.size());
        assertTrue(ended.stream().allMatch(a -> ((String) a.get("name")).contains("Bắc Giang") || ((String) a.get("name")).startsWith("UBND huyện")));
        assertEquals(24, merged.size());
        assertEquals(14, merged.values().stream().filter(a -> ((String) a.get("name")).endsWith("tỉnh Bắc Ninh")).count());
        Set<Object> successors = new HashSet<>();
        for (Map<String, Object> a : ended) {
            JsonPath lineage = doc(stack, admin).get("/api/v1/agencies/{id}/lineage", a.get("id")).then().statusCode(200).extract().jsonPath();
            assertEquals(1, lineage.getList("successors").size(), () -> a.get("name") + " has no single successor");
            assertTrue(merged.containsKey(lineage.getString("successors[0].agencyId")), lineage::prettyPrint);
            assertEquals("2025-07-01", lineage.getString("successors[0].effectiveDate"));
            successors.add(lineage.getString("successors[0].agencyId"));
        }
        assertEquals(24, successors.size());
    }

    /**
     * The former Bắc Ninh (27): its three departments ended on 30 June 2025, continued by agencies of the merged
     * province (24), whose Sở KH&CN continues departments of both former provinces; the province register shows
     * 27 continued by 24 from 1 July 2025, and province 27's steering committee now only reads.
     */
    private static void formerBacNinhMergedToo(LocalStack stack) {
        String national = national(stack);
        String formerAdmin = admin(stack, "27");
        List<Map<String, Object>> former = doc(stack, formerAdmin).get("/api/v1/agencies?provinceCode=27&size=50").then().statusCode(200)
                .extract().path("items");
        assertEquals(3, former.size());
        String scienceOfBacNinh = null;
        for (Map<String, Object> a : former) {
            assertEquals("2025-06-30", a.get("validTo"), () -> a.get("name") + " ended the day before the merger");
            JsonPath lineage = doc(stack, national).get("/api/v1/agencies/{id}/lineage", a.get("id")).then().statusCode(200).extract().jsonPath();
            assertEquals(1, lineage.getList("successors").size(), lineage::prettyPrint);
            assertEquals("2025-07-01", lineage.getString("successors[0].effectiveDate"));
            String successor = lineage.getString("successors[0].agencyId");
            doc(stack, national).get("/api/v1/agencies/{id}", successor).then().statusCode(200).body("provinceCode", equalTo("24"))
                    .body("validFrom", equalTo("2025-07-01"));
            if (((String) a.get("name")).startsWith("Sở Khoa học")) {
                scienceOfBacNinh = successor;
            }
        }
        // Sở KH&CN tỉnh Bắc Ninh (24) continues Sở KH&CN, Sở TT&TT and Chi cục TĐC of Bắc Giang and Sở KH&CN, Sở TT&TT of Bắc Ninh
        List<String> predecessors = doc(stack, national).get("/api/v1/agencies/{id}/lineage", scienceOfBacNinh).then().statusCode(200)
                .extract().jsonPath().getList("predecessors.agencyId");
        Set<String> provinces = new HashSet<>();
        for (String id : predecessors) {
            provinces.add(doc(stack, national).get("/api/v1/agencies/{id}", id).then().statusCode(200).extract().path("provinceCode"));
        }
        assertEquals(5, predecessors.size(), () -> "predecessors " + predecessors);
        assertEquals(Set.of("24", "27"), provinces);

        doc(stack, national).get("/api/v1/provinces/27").then().statusCode(200).body("validTo", equalTo("2025-06-30"))
                .body("successor.code", equalTo("24")).body("successor.effectiveDate", equalTo("2025-07-01"));
        doc(stack, national).get("/api/v1/provinces/24").then().statusCode(200).body("name", equalTo("Bắc Ninh"))
                .body("predecessors.code", hasItem("27"));
        doc(stack, national).queryParam("asOf", "2025-06-30").queryParam("size", 100).get("/api/v1/provinces").then().statusCode(200)
                .body("items.find { it.code == '27' }.successorCode", equalTo("24"))
                .body("items.find { it.code == '24' }.name", equalTo("Bắc Giang"));
        doc(stack, national).queryParam("asOf", "2025-07-01").queryParam("size", 100).get("/api/v1/provinces").then().statusCode(200)
                .body("items.code", hasItem("24")).body("items.code", not(hasItem("27")));
        doc(stack, formerAdmin).contentType("application/json").body("""
                {"code":"000.00.77.H27","name":"Sở Nội vụ tỉnh Bắc Ninh","level":"DEPARTMENT","provinceCode":"27"}""")
                .post("/api/v1/agencies").then().statusCode(403);
    }

    /**
     * 2014: 43 scored, 6 very good, 14 good, 19 fair, 4 average, shares from the counts; 45 of 48 announced in 2015, 40 of
     * them built by the end of April:
     * history stays as it was under Bắc Giang's code after both mergers.
     */
    private static void scoresAndProgressOfBacGiang(LocalStack stack) {
        String admin = admin(stack, "24");
        JsonPath d = scoring(stack, admin).get("/api/v1/rankings/distribution?year=2014").then().statusCode(200)
                .body("total", equalTo(43)).extract().jsonPath();
        Map<String, List<Number>> expected = Map.of("VERY_GOOD", List.of(6, 13.95), "GOOD", List.of(14, 32.56), "FAIR", List.of(19, 44.19),
                "AVERAGE", List.of(4, 9.30));
        expected.forEach((band, figures) -> {
            assertEquals(figures.get(0).intValue(), d.getInt("bands.find { it.band == '" + band + "' }.count"), band);
            assertEquals(figures.get(1).doubleValue(), d.getDouble("bands.find { it.band == '" + band + "' }.share"), 0.001, band);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> scoring(stack, admin).get("/api/v1/rankings/progress?year=2015").then()
                .statusCode(200).body("figures.find { it.code == 'QMS_ANNOUNCED' }.count", equalTo(45))
                .body("figures.find { it.code == 'QMS_ANNOUNCED' }.of", equalTo(48)));
        // as of the end of April 2015: 40 of 48 had finished building (the article), from the dated status history
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> scoring(stack, admin).get("/api/v1/rankings/progress?asOf=2015-04-30").then()
                .statusCode(200).body("figures.find { it.code == 'QMS_BUILT' }.count", equalTo(40))
                .body("figures.find { it.code == 'QMS_BUILT' }.of", equalTo(48)));
    }

    /**
     * The 2021 campaign as it happened: the team of the Department of Science and Technology, led by its deputy director;
     * 40 agencies, 22 on site and 18 through records, all inspected; the department's own inspection (through its records)
     * led by a member of the steering committee from the Office of the People's Committee.
     */
    private static void ninhBinhInspection(LocalStack stack) {
        String admin = admin(stack, "37");
        String id = audit(stack, admin).get("/api/v1/inspection-campaigns?year=2021").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].decisionNumber", equalTo("1113/QĐ-UBND")).extract().path("items[0].id");
        String science = agencyId(stack, "37", "000.00.15.H37");
        String office = agencyId(stack, "37", "000.00.01.H37");
        JsonPath campaign = audit(stack, admin).get("/api/v1/inspection-campaigns/{id}", id).then().statusCode(200)
                .body("progress.total", equalTo(40)).body("progress.onSite", equalTo(22)).body("progress.records", equalTo(18))
                .body("progress.inspected", equalTo(40)).extract().jsonPath();
        assertEquals(science, campaign.getString("team.find { it.role == 'LEAD' }.agencyId"));
        assertEquals("Hoàng Trọng Lễ", campaign.getString("team.find { it.role == 'LEAD' }.fullName"));
        assertTrue(campaign.getList("team.agencyId", String.class).stream().allMatch(science::equals), campaign::prettyPrint);
        String own = campaign.getString("agencies.find { it.agencyId == '" + science + "' }.auditId");
        audit(stack, admin).get("/api/v1/audits/{id}", own).then().statusCode(200)
                .body("mode", equalTo("RECORDS")).body("status", equalTo("CLOSED")).body("leadAuditor", notNullValue())
                .body("team.find { it.role == 'LEAD' }.agencyId", equalTo(office)).body("minutesDate", equalTo("2021-12-03"));
    }

    /** A year of dossiers after the merger: KPIs per agency, some late; an objective on them at risk. */
    private static void dossiersOfTheMergedProvince(LocalStack stack) {
        String admin = admin(stack, "24");
        JsonPath kpis = scoring(stack, admin).get("/api/v1/kpis?from=2025-07-01&to=2026-06-30&size=50").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(7, kpis.getList("items").size());
        assertEquals(2830, kpis.getList("items.received", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertTrue(kpis.getList("items.resolvedLate", Integer.class).stream().allMatch(n -> n > 0), kpis::prettyPrint);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> scoring(stack, admin).get("/api/v1/quality-objectives?year=2026")
                .then().statusCode(200).body("items.status", hasItem("AT_RISK")));
    }

    /** Thái Nguyên's board: manual, policy, objectives and 14 procedures issued; the ministry: 5 + 25, 13 in review. */
    private static void documentedSystems(LocalStack stack) {
        String board = agencyId(stack, "19", "000.00.18.H19");
        doc(stack, stack.keys().token("viewer", "viewer", board, "19", Duration.ofMinutes(5)))
                .get("/api/v1/documents?agencyId={id}&status=ISSUED&size=50", board).then().statusCode(200).body("total", equalTo(17));
        String ministry = agencyId(stack, "00", MINISTRY_CODE);
        String viewer = stack.keys().token("viewer", "viewer", ministry, null, Duration.ofMinutes(5));
        doc(stack, viewer).get("/api/v1/documents?agencyId={id}&size=50", ministry).then().statusCode(200).body("total", equalTo(30));
        doc(stack, viewer).get("/api/v1/documents?agencyId={id}&status=IN_REVIEW&size=50", ministry).then().statusCode(200)
                .body("total", equalTo(13));
    }

    /**
     * Bộ Thông tin và Truyền thông, registered by the national level, is the root of its own tree: its steering
     * committee (ministry-admin) sees its 11 units and itself, the national level reads them too, and no
     * province's steering committee reaches them.
     */
    private static void ministryIsItsOwnTenant(LocalStack stack) {
        String ministry = agencyId(stack, "00", MINISTRY_CODE);
        String ministryAdmin = ministryAdmin(stack, ministry);
        doc(stack, ministryAdmin).get("/api/v1/agencies?level=MINISTRY_UNIT&size=50").then().statusCode(200).body("total", equalTo(11));
        doc(stack, ministryAdmin).get("/api/v1/agencies?size=50").then().statusCode(200).body("total", equalTo(12));
        doc(stack, national(stack)).get("/api/v1/agencies?provinceCode=00&level=MINISTRY_UNIT&size=50").then().statusCode(200)
                .body("total", equalTo(11));
        doc(stack, admin(stack, "24")).get("/api/v1/agencies/{id}", ministry).then().statusCode(403);
        audit(stack, ministryAdmin).get("/api/v1/management-reviews?agencyId={id}&year=2017", ministry).then().statusCode(200)
                .body("total", equalTo(1));
    }

    /** Legal document numbers are their issuer's: Ninh Bình's 1113/QĐ-UBND (2021) and the merged Bắc Ninh's (2025) both stand. */
    private static void eachProvinceHoldsItsOwnNumbers(LocalStack stack) {
        List<Map<String, Object>> found = doc(stack, national(stack)).queryParam("q", "1113/QĐ-UBND").queryParam("size", 50)
                .get("/api/v1/legal-documents").then().statusCode(200).extract().path("items");
        assertEquals(Set.of("24", "37"), found.stream().filter(d -> "1113/QĐ-UBND".equals(d.get("number")))
                .map(d -> (String) d.get("provinceCode")).collect(Collectors.toSet()));
    }

    /** huyện Điện Biên's 15 communes, each with its 2018 plan approved and carried out. */
    private static void dienBienRollout(LocalStack stack) {
        audit(stack, admin(stack, "11")).get("/api/v1/activity-plans/progress?year=2018&size=50").then().statusCode(200)
                .body("approvedPlans", equalTo(15)).body("overdue", equalTo(0)).body("done", equalTo(15 * 8));
    }

    /** What a second load must leave as it is. */
    private static Map<String, Long> counts(LocalStack stack) {
        Map<String, Long> c = new TreeMap<>();
        for (String p : List.of("24", "27", "37", "11", "19")) {
            String admin = admin(stack, p);
            c.put("agencies " + p, total(doc(stack, admin).get("/api/v1/agencies?provinceCode=" + p + "&size=1")));
            c.put("contacts " + p, total(notifications(stack, admin).get("/api/v1/contacts?size=1")));
        }
        String ministry = agencyId(stack, "00", MINISTRY_CODE);
        c.put("agencies 00", total(doc(stack, national(stack)).get("/api/v1/agencies?provinceCode=00&size=1")));
        c.put("contacts 00", total(notifications(stack, ministryAdmin(stack, ministry)).get("/api/v1/contacts?size=1")));
        c.put("provinces", total(doc(stack, national(stack)).get("/api/v1/provinces?size=1")));
        c.put("legal 1113", total(doc(stack, national(stack)).get("/api/v1/legal-documents?q=1113/QĐ-UBND&size=1")));
        String bn = admin(stack, "24");
        c.put("assessments 2014", total(scoring(stack, bn).get("/api/v1/assessments?year=2014&size=1")));
        c.put("criteria sets 24", total(scoring(stack, bn).get("/api/v1/criteria-sets?provinceCode=24&size=1")));
        c.put("objectives 2026", total(scoring(stack, bn).get("/api/v1/quality-objectives?year=2026&size=1")));
        c.put("dossiers received", (long) scoring(stack, bn).get("/api/v1/kpis?from=2025-07-01&to=2026-06-30&size=50").then().statusCode(200)
                .extract().jsonPath().getList("items.received", Integer.class).stream().mapToInt(Integer::intValue).sum());
        c.put("webhooks 24", total(notifications(stack, stack.keys().token("motcua-24", "integration", null, "24", Duration.ofMinutes(5)))
                .get("/api/v1/webhooks?size=1")));
        c.put("campaigns 37", total(audit(stack, admin(stack, "37")).get("/api/v1/inspection-campaigns?size=1")));
        JsonPath plans = audit(stack, admin(stack, "11")).get("/api/v1/activity-plans/progress?year=2018&size=1").then().statusCode(200)
                .extract().jsonPath();
        c.put("plans 2018", plans.getLong("approvedPlans"));
        c.put("plan items 2018", plans.getLong("items"));
        String board = agencyId(stack, "19", "000.00.18.H19");
        c.put("documents 19", total(doc(stack, stack.keys().token("viewer", "viewer", board, "19", Duration.ofMinutes(5)))
                .get("/api/v1/documents?agencyId=" + board + "&size=1")));
        c.put("legal 19/2014", total(doc(stack, bn).get("/api/v1/legal-documents?q=19/2014/QĐ-TTg&size=1")));
        return c;
    }

    private static long total(Response r) {
        return r.then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static String agencyId(LocalStack stack, String province, String code) {
        String reader = "00".equals(province) ? national(stack) : admin(stack, province);
        List<Map<String, Object>> items = doc(stack, reader).get("/api/v1/agencies?provinceCode={p}&size=200", province)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(a -> code.equals(a.get("code"))).map(a -> (String) a.get("id")).findFirst().orElseThrow();
    }

    private static String describe(Map<String, int[]> tally) {
        Map<String, Integer> created = new TreeMap<>();
        tally.forEach((k, v) -> {
            if (v[0] > 0) {
                created.put(k, v[0]);
            }
        });
        return created.toString();
    }

    private static String url(LocalStack stack, String service) {
        return stack.service(service).baseUrl();
    }

    private static String admin(LocalStack stack, String province) {
        return stack.keys().token("demo-check@" + province, "province-admin", null, province, Duration.ofMinutes(30));
    }

    private static String national(LocalStack stack) {
        return stack.keys().token("demo-check@national", "national-admin", null, null, Duration.ofMinutes(30));
    }

    private static String ministryAdmin(LocalStack stack, String ministry) {
        return stack.keys().token("demo-check@" + ministry, "ministry-admin", ministry, null, Duration.ofMinutes(30));
    }

    private static RequestSpecification doc(LocalStack stack, String token) {
        return given().baseUri(url(stack, "document-service")).auth().oauth2(token);
    }

    private static RequestSpecification audit(LocalStack stack, String token) {
        return given().baseUri(url(stack, "audit-service")).auth().oauth2(token);
    }

    private static RequestSpecification scoring(LocalStack stack, String token) {
        return given().baseUri(url(stack, "scoring-service")).auth().oauth2(token);
    }

    private static RequestSpecification notifications(LocalStack stack, String token) {
        return given().baseUri(url(stack, "notification-service")).auth().oauth2(token);
    }
}
