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
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.scoring.RankingTests.official;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Above the province: the progress and band distribution of every province side by side, for national-admin only.
 * A province merged into another is counted once, in the province that continues it, from the year of the merger;
 * the years before keep the old provinces as they were (the 2014 Bắc Giang result stays 6/14/19/4 of 43).
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class NationalViewTests {

    static void announced(String agency, String on) {
        TestDb.update(Fixtures.db(), "insert into qms_state (agency_id, announced_on, updated_at) values ('" + agency + "', '" + on + "', now())");
    }

    static String row(String province) {
        return "items.find { it.provinceCode == '" + province + "' }";
    }

    /**
     * Two provinces made once for this class, the second merging into the first on 1 July 2025: the one that ends has 48
     * agencies (43 scored in 2014 as 6/14/19/4, 45 announced) and one more ended before the merger; the one that continues
     * has 2 (scored in 2014, one announced in 2020); in 2025 two of the merged province's agencies and one of its own are
     * assessed under the continuing province's set. The views below only read it.
     */
    record Merger(String continuing, String merged) {
    }

    private static Merger merger;

    static synchronized Merger merger() {
        if (merger != null) {
            return merger;
        }
        String continuing = Fixtures.province();
        String merged = Fixtures.province();
        String mergedSet = CriteriaSets.activeSet(merged, 2014);
        String continuingSet = CriteriaSets.activeSet(continuing, 2014);

        // the province that ends: 48 agencies, 43 scored in 2014 as 6/14/19/4, 45 announced; one more agency ended before the merger
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            old.add(Fixtures.agency(merged, String.format("Cơ quan %02d", i)));
        }
        for (int i = 0; i < 43; i++) {
            String band = i < 6 ? "VERY_GOOD" : i < 20 ? "GOOD" : i < 39 ? "FAIR" : "AVERAGE";
            double score = i < 6 ? 95 : i < 20 ? 85 : i < 39 ? 75 : 60;
            official(old.get(i), merged, 2014, mergedSet, score, band, "x");
        }
        for (int i = 0; i < 45; i++) {
            announced(old.get(i), "2014-05-01");
        }
        Fixtures.ended(merged, "UBND huyện cũ", LocalDate.of(2025, 6, 30));
        // the province that continues: 2 agencies, scored in 2014; one announced in 2020
        String first = Fixtures.agency(continuing, "Sở Tư pháp");
        String second = Fixtures.agency(continuing, "Sở Y tế");
        official(first, continuing, 2014, continuingSet, 85, "GOOD", "Tốt");
        official(second, continuing, 2014, continuingSet, 75, "FAIR", "Khá");
        announced(first, "2020-03-02");
        // 2025, assessed under the continuing province's set: two agencies of the merged province and one of its own
        official(old.get(0), merged, 2025, continuingSet, 92, "VERY_GOOD", "Rất tốt");
        official(old.get(1), merged, 2025, continuingSet, 81, "GOOD", "Tốt");
        official(first, continuing, 2025, continuingSet, 71, "FAIR", "Khá");

        // 1 July 2025: the province merges into the continuing one (document-service's province.merged)
        TestKafka.publishCloudEvent("document.events", continuing, "vn.govqms.document.province.merged.v1", "provinces/" + continuing, """
                {"code":"%s","name":"Tỉnh sau sắp xếp","effectiveDate":"2025-07-01","mergedCodes":["%s"]}""".formatted(continuing, merged));
        String national = TestTokens.nationalAdmin();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(national).queryParam("year", 2025)
                .get("/api/v1/rankings/national/progress").then().statusCode(200).body("items.provinceCode", not(hasItem(merged))));

        merger = new Merger(continuing, merged);
        return merger;
    }

    @Test
    void fromTheMergersYearTheMergedProvincesAgenciesInForceCountInTheContinuingOne() {
        String continuing = merger().continuing();
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("year", 2025).get("/api/v1/rankings/national/progress")
                .then().statusCode(200)
                .body("year", equalTo(2025)).body("size", equalTo(100)).body("total", lessThanOrEqualTo(100))
                .body("items.provinceCode", hasItem(continuing)).body("items.provinceCode", not(hasItem("00")))
                .body(row(continuing) + ".agencies", equalTo(50))
                .body(row(continuing) + ".figures.find { it.code == 'QMS_ANNOUNCED' }.count", equalTo(46))
                .body(row(continuing) + ".figures.find { it.code == 'QMS_ANNOUNCED' }.share", equalTo(92.0f))
                .body(row(continuing) + ".figures.find { it.code == 'OFFICIALLY_ASSESSED' }.count", equalTo(3));
    }

    @Test
    void fromTheMergersYearTheDistributionHasOneRowForBoth() {
        Merger w = merger();
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("year", 2025).get("/api/v1/rankings/national/distribution")
                .then().statusCode(200)
                .body("source", equalTo("OFFICIAL")).body("items.provinceCode", not(hasItem(w.merged())))
                .body(row(w.continuing()) + ".total", equalTo(3))
                .body(row(w.continuing()) + ".bands.band", equalTo(List.of("VERY_GOOD", "GOOD", "FAIR", "AVERAGE", "WEAK")))
                .body(row(w.continuing()) + ".bands.count", equalTo(List.of(1, 1, 1, 0, 0)))
                .body(row(w.continuing()) + ".bands.share", equalTo(List.of(33.33f, 33.33f, 33.33f, 0.0f, 0.0f)));
    }

    @Test
    void beforeTheMergersYearTheOldProvincesAreRowsAsTheyWere() {
        Merger w = merger();
        String national = TestTokens.nationalAdmin();
        String merged = w.merged();
        String continuing = w.continuing();
        given().auth().oauth2(national).queryParam("year", 2014).get("/api/v1/rankings/national/distribution").then().statusCode(200)
                .body(row(merged) + ".total", equalTo(43))
                .body(row(merged) + ".bands.count", equalTo(List.of(6, 14, 19, 4, 0)))
                .body(row(merged) + ".bands.share", equalTo(List.of(13.95f, 32.56f, 44.19f, 9.30f, 0.0f)))
                .body(row(merged) + ".bands[2].label", equalTo("x"))
                .body(row(merged) + ".bands[4].label", equalTo("Yếu"))
                .body(row(continuing) + ".total", equalTo(2))
                .body(row(continuing) + ".bands.count", equalTo(List.of(0, 1, 1, 0, 0)))
                .body(row(continuing) + ".bands.share", equalTo(List.of(0.0f, 50.0f, 50.0f, 0.0f, 0.0f)));
        given().auth().oauth2(national).queryParam("year", 2024).get("/api/v1/rankings/national/progress").then().statusCode(200)
                .body(row(merged) + ".agencies", equalTo(49))
                .body(row(merged) + ".figures.find { it.code == 'QMS_ANNOUNCED' }.count", equalTo(45))
                .body(row(continuing) + ".agencies", equalTo(2))
                .body(row(continuing) + ".figures.find { it.code == 'QMS_ANNOUNCED' }.count", equalTo(1));
    }

    @Test
    void theMergedProvincesOwnViewOfAYearBeforeTheMergerIsTheNationalOne() {
        given().auth().oauth2(admin(merger().merged())).queryParam("year", 2014).get("/api/v1/rankings/distribution").then().statusCode(200)
                .body("total", equalTo(43)).body("bands.count", equalTo(List.of(6, 14, 19, 4, 0)));
    }

    @Test
    void theContinuingCommitteeReadsTheMergedOnesHistoryAndTheMergedOneReadsOnlyItsOwnAndWritesNothing() {
        Merger w = merger();
        given().auth().oauth2(admin(w.continuing())).queryParam("provinceCode", w.merged()).queryParam("year", 2014)
                .get("/api/v1/rankings/distribution").then().statusCode(200).body("total", equalTo(43));
        given().auth().oauth2(admin(w.merged())).queryParam("provinceCode", w.continuing()).queryParam("year", 2014)
                .get("/api/v1/rankings/distribution").then().spec(problem(403));
        given().auth().oauth2(admin(w.merged())).contentType(ContentType.JSON).body(CriteriaSets.standardSet(w.merged(), 2026))
                .post("/api/v1/criteria-sets").then().spec(problem(403));
    }

    @Test
    void theNationalViewsAreTheNationalLevelsOnly() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Khoa học và Công nghệ");
        List<String> others = List.of(admin(p), TestTokens.ministryAdmin(Fixtures.ministry("Bộ Khoa học và Công nghệ")),
                TestTokens.agencyRole("agency-head", agency, p), TestTokens.agencyRole("viewer", agency, p), TestTokens.integration(p));
        for (String path : List.of("/api/v1/rankings/national/progress", "/api/v1/rankings/national/distribution")) {
            given().get(path).then().spec(problem(401));
            for (String token : others) {
                given().auth().oauth2(token).get(path).then().spec(problem(403));
            }
            given().auth().oauth2(TestTokens.nationalAdmin()).get(path).then().statusCode(200)
                    .body("year", equalTo(AuthorityTests.YEAR)).body("items.provinceCode", hasItem(p));
            given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("year", "1990").get(path).then().spec(problem(400));
            given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("size", "101").get(path).then().spec(problem(400));
        }
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("size", 1).get("/api/v1/rankings/national/progress").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("source", "LIVE").get("/api/v1/rankings/national/distribution")
                .then().statusCode(200).body("source", equalTo("LIVE"));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("source", "ALL").get("/api/v1/rankings/national/distribution")
                .then().spec(problem(400));
    }
}
