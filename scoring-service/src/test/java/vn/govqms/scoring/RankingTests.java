package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/** Rankings, band distribution, bottom N, year-over-year and progress of a province (the seed's Bắc Giang figures). */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class RankingTests {

    static void official(String agency, String province, int year, String set, double score, String band, String label) {
        TestDb.update(Fixtures.db(), """
                insert into assessment (id, agency_id, province_code, year, kind, criteria_set_id, status, items, total_points, band, band_label,
                    lock_version, created_by, created_at, updated_at, finalised_at)
                values (gen_random_uuid(), '%s', '%s', %d, 'OFFICIAL', '%s', 'FINALISED', '[]', %s, '%s', '%s', 3, 'test', now(), now(), now())"""
                .formatted(agency, province, year, set, score, band, label));
    }

    /**
     * Bắc Giang's 2014 result, made once for this class: 48 agencies, 43 officially scored (6 very good, 14 good, 19 fair,
     * 4 average), the first two also in 2013, 45 with their QMS announced.
     */
    record BacGiang2014(String province, String set, String viewer) {
    }

    private static BacGiang2014 bacGiang2014;

    static synchronized BacGiang2014 bacGiang2014() {
        if (bacGiang2014 != null) {
            return bacGiang2014;
        }
        String p = Fixtures.province();
        String set = CriteriaSets.activeSet(p, 2014);
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            agencies.add(Fixtures.agency(p, String.format("Cơ quan %02d", i)));
        }
        for (int i = 0; i < 43; i++) {
            String a = agencies.get(i);
            if (i < 6) {
                official(a, p, 2014, set, 95, "VERY_GOOD", "Rất tốt");
            } else if (i < 20) {
                official(a, p, 2014, set, 85 - i * 0.1, "GOOD", "Tốt");
            } else if (i < 39) {
                official(a, p, 2014, set, 75, "FAIR", "Khá");
            } else {
                official(a, p, 2014, set, 60 - i * 0.1, "AVERAGE", "Trung bình");
            }
        }
        official(agencies.get(0), p, 2013, set, 90, "VERY_GOOD", "Rất tốt");
        official(agencies.get(1), p, 2013, set, 99, "VERY_GOOD", "Rất tốt");
        for (int i = 0; i < 45; i++) {
            TestDb.update(Fixtures.db(), "insert into qms_state (agency_id, announced_on, updated_at) values ('" + agencies.get(i) + "', '2014-05-01', now())");
        }
        bacGiang2014 = new BacGiang2014(p, set, TestTokens.agencyRole("viewer", agencies.get(0), p));
        return bacGiang2014;
    }

    @Test
    void theDistributionGivesEachBandsShareFromItsCount() {
        given().auth().oauth2(admin(bacGiang2014().province())).queryParam("year", 2014).get("/api/v1/rankings/distribution").then().statusCode(200)
                .body("total", equalTo(43))
                .body("bands.band", equalTo(List.of("VERY_GOOD", "GOOD", "FAIR", "AVERAGE", "WEAK")))
                .body("bands.count", equalTo(List.of(6, 14, 19, 4, 0)))
                .body("bands.share", equalTo(List.of(13.95f, 32.56f, 44.19f, 9.30f, 0.0f)))
                .body("bands[2].label", equalTo("Khá"));
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        String token = bacGiang2014().viewer();
        given().auth().oauth2(token).queryParam("year", 2014).queryParam("size", 8).get("/api/v1/rankings").then().statusCode(200)
                .body("total", equalTo(43)).body("items.rank", equalTo(List.of(1, 1, 1, 1, 1, 1, 7, 8)))
                .body("items[0].score", equalTo(95.0f)).body("items[6].score", equalTo(84.4f)).body("items[0].bandLabel", equalTo("Rất tốt"));
        given().auth().oauth2(token).queryParam("year", 2014).queryParam("page", 2).queryParam("size", 8).get("/api/v1/rankings").then()
                .statusCode(200).body("items.rank", equalTo(List.of(17, 18, 19, 20, 21, 21, 21, 21)));
    }

    @Test
    void theBottomListsTheLowestFirst() {
        given().auth().oauth2(bacGiang2014().viewer()).queryParam("year", 2014).queryParam("n", 3).get("/api/v1/rankings/bottom").then().statusCode(200)
                .body("items.rank", equalTo(List.of(43, 42, 41))).body("items[0].score", equalTo(55.8f))
                .body("items[0].agencyName", equalTo("Cơ quan 42"));
    }

    @Test
    void yearOverYearUnderOneSetComparesTotals() {
        BacGiang2014 w = bacGiang2014();
        given().auth().oauth2(w.viewer()).queryParam("year", 2014).queryParam("size", 2).get("/api/v1/rankings/year-over-year").then()
                .statusCode(200).body("total", equalTo(43)).body("criteriaSetChanged", equalTo(false)).body("comparedOn", equalTo("TOTAL"))
                .body("criteriaSets.id", equalTo(List.of(w.set()))).body("previousCriteriaSets.id", equalTo(List.of(w.set())))
                .body("items[0].agencyName", equalTo("Cơ quan 00")).body("items[0].bandChange", equalTo("SAME"))
                .body("items[0].change", equalTo(5.0f)).body("items[1].change", equalTo(-4.0f)).body("items[1].previousScore", equalTo(99.0f));
    }

    @Test
    void progressCountsTheAnnouncedAndTheOfficiallyAssessedAgencies() {
        given().auth().oauth2(admin(bacGiang2014().province())).queryParam("year", 2014).get("/api/v1/rankings/progress").then().statusCode(200)
                .body("agencies", equalTo(48))
                .body("figures.find { it.code == 'QMS_ANNOUNCED' }.count", equalTo(45))
                .body("figures.find { it.code == 'QMS_ANNOUNCED' }.share", equalTo(93.75f))
                .body("figures.find { it.code == 'OFFICIALLY_ASSESSED' }.count", equalTo(43));
    }

    /**
     * A province whose 2024 set scored out of 120 and whose 2025 set out of 100, made once for this class: its justice
     * department 108 then 85 (then 80 in 2026), its health department 60 then 72, its home affairs department 95 in 2025 only.
     */
    record TwoSets(String province, String old, String current) {
    }

    private static TwoSets twoSets;

    static synchronized TwoSets twoSets() {
        if (twoSets != null) {
            return twoSets;
        }
        String p = Fixtures.province();
        String justice = Fixtures.agency(p, "Sở Tư pháp");
        String health = Fixtures.agency(p, "Sở Y tế");
        String home = Fixtures.agency(p, "Sở Nội vụ");
        // Stored directly: the API activates only sets that make 100, but a set's maximum is what the comparison reads, whatever it is
        String old = UUID.randomUUID().toString();
        TestDb.update(Fixtures.db(), """
                insert into criteria_set (id, province_code, name, applies_from_year, version_no, status, definition, total_max_points,
                    lock_version, created_by, created_at, updated_at, activated_at, retired_at)
                values ('%s', '%s', 'Bộ tiêu chí năm 2024 (thang điểm 120)', 2024, 1, 'RETIRED', '%s', 120, 2, 'test', now(), now(), now(), now())"""
                .formatted(old, p, """
                        {"groups":[{"code":"1","name":"Xây dựng và áp dụng HTQLCL","criteria":[
                          {"code":"1.1","text":"Hệ thống tài liệu theo mô hình khung","maxPoints":60,"method":"MANUAL"},
                          {"code":"1.2","text":"Duy trì, cải tiến HTQLCL","maxPoints":60,"method":"MANUAL"}]}],
                         "bands":[{"code":"VERY_GOOD","label":"Rất tốt","minScore":108,"minInclusive":false},
                          {"code":"GOOD","label":"Tốt","minScore":96,"minInclusive":false},
                          {"code":"FAIR","label":"Khá","minScore":84,"minInclusive":false},
                          {"code":"AVERAGE","label":"Trung bình","minScore":60,"minInclusive":false},
                          {"code":"WEAK","label":"Yếu"}]}"""));
        String current = CriteriaSets.activeSet(p, 2025);
        official(justice, p, 2024, old, 108, "GOOD", "Tốt");
        official(health, p, 2024, old, 60, "WEAK", "Yếu");
        official(justice, p, 2025, current, 85, "GOOD", "Tốt");
        official(health, p, 2025, current, 72, "FAIR", "Khá");
        official(home, p, 2025, current, 95, "VERY_GOOD", "Rất tốt");
        official(justice, p, 2026, current, 80, "FAIR", "Khá");
        twoSets = new TwoSets(p, old, current);
        return twoSets;
    }

    @Test
    void aYearAfterTheSetChangedIsComparedOnBandsAndTotalsNormalisedTo100() {
        TwoSets w = twoSets();
        given().auth().oauth2(admin(w.province())).queryParam("year", 2025).get("/api/v1/rankings/year-over-year").then().statusCode(200)
                .body("criteriaSetChanged", equalTo(true)).body("comparedOn", equalTo("BAND_AND_NORMALISED_TOTAL"))
                .body("criteriaSets.id", equalTo(List.of(w.current()))).body("criteriaSets[0].totalMaxPoints", equalTo(100.0f))
                .body("previousCriteriaSets.id", equalTo(List.of(w.old()))).body("previousCriteriaSets[0].totalMaxPoints", equalTo(120.0f))
                .body("previousCriteriaSets[0].name", equalTo("Bộ tiêu chí năm 2024 (thang điểm 120)"))
                .body("total", equalTo(3)).body("items.agencyName", equalTo(List.of("Sở Nội vụ", "Sở Tư pháp", "Sở Y tế")));
    }

    @Test
    void aScoreOf108Of120Is90Of100SoEightyFiveIsFiveLessInTheSameBand() {
        TwoSets w = twoSets();
        given().auth().oauth2(admin(w.province())).queryParam("year", 2025).get("/api/v1/rankings/year-over-year").then().statusCode(200)
                .body("items[1].score", equalTo(85.0f)).body("items[1].previousScore", equalTo(108.0f))
                .body("items[1].normalisedScore", equalTo(85.0f)).body("items[1].previousNormalisedScore", equalTo(90.0f))
                .body("items[1].change", equalTo(-5.0f)).body("items[1].bandChange", equalTo("SAME"))
                .body("items[1].criteriaSetId", equalTo(w.current())).body("items[1].previousCriteriaSetId", equalTo(w.old()));
    }

    @Test
    void aScoreOf60Of120Is50Of100SoSeventyTwoIsUp22FromWeakToFair() {
        given().auth().oauth2(admin(twoSets().province())).queryParam("year", 2025).get("/api/v1/rankings/year-over-year").then().statusCode(200)
                .body("items[2].previousNormalisedScore", equalTo(50.0f)).body("items[2].change", equalTo(22.0f))
                .body("items[2].previousBandLabel", equalTo("Yếu")).body("items[2].bandLabel", equalTo("Khá"))
                .body("items[2].bandChange", equalTo("UP"));
    }

    @Test
    void anAgencyWithNothingTheYearBeforeHasNoChange() {
        given().auth().oauth2(admin(twoSets().province())).queryParam("year", 2025).get("/api/v1/rankings/year-over-year").then().statusCode(200)
                .body("items[0].change", nullValue()).body("items[0].bandChange", nullValue()).body("items[0].normalisedScore", equalTo(95.0f));
    }

    @Test
    void theYearAfterUnderTheSameSetComparesTotalsAsTheyAre() {
        given().auth().oauth2(admin(twoSets().province())).queryParam("year", 2026).get("/api/v1/rankings/year-over-year").then().statusCode(200)
                .body("criteriaSetChanged", equalTo(false)).body("comparedOn", equalTo("TOTAL"))
                .body("items[0].change", equalTo(-5.0f)).body("items[0].bandChange", equalTo("DOWN"));
    }

    @Test
    void theLiveRankingFollowsTheLiveScores() {
        String p = Fixtures.province();
        String set = CriteriaSets.activeSet(p, 2020);
        String a = Fixtures.agency(p, "UBND phường Mường Thanh");
        String b = Fixtures.agency(p, "UBND xã Thanh Minh");
        String c = Fixtures.agency(p, "UBND xã Nà Tấu");
        for (String[] row : new String[][] {{a, "80", "GOOD"}, {b, "80", "GOOD"}, {c, "70", "FAIR"}}) {
            TestDb.update(Fixtures.db(), "insert into live_score (agency_id, year, province_code, criteria_set_id, score, band, band_label, criteria, updated_at) "
                    + "values ('" + row[0] + "', 2026, '" + p + "', '" + set + "', " + row[1] + ", '" + row[2] + "', 'x', '[]', now())");
        }
        given().auth().oauth2(admin(p)).queryParam("year", 2026).queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200)
                .body("source", equalTo("LIVE")).body("items.rank", equalTo(List.of(1, 1, 3)))
                .body("items[2].agencyName", equalTo("UBND xã Nà Tấu")).body("items[2].score", equalTo(70.0f));
        given().auth().oauth2(admin(p)).queryParam("year", 2026).queryParam("source", "LIVE").queryParam("n", 2).get("/api/v1/rankings/bottom")
                .then().statusCode(200).body("items.rank", equalTo(List.of(3, 1))).body("items[0].agencyName", equalTo("UBND xã Nà Tấu"));
    }

    @Test
    void anUnchangedRankingCostsNoDatabaseRoundTrip() {
        String p = Fixtures.province();
        String set = CriteriaSets.activeSet(p, 2020);
        String a = Fixtures.agency(p, "UBND xã Mường Phăng");
        String b = Fixtures.agency(p, "UBND xã Nà Sáy");
        for (String[] row : new String[][] {{a, "82", "GOOD"}, {b, "71", "FAIR"}}) {
            TestDb.update(Fixtures.db(), "insert into live_score (agency_id, year, province_code, criteria_set_id, score, band, band_label, criteria, updated_at) "
                    + "values ('" + row[0] + "', " + LiveScoreTests.YEAR + ", '" + p + "', '" + set + "', " + row[1] + ", '" + row[2] + "', 'x', '[]', now())");
        }
        String tag = given().auth().oauth2(admin(p)).queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200)
                .extract().header("ETag");
        // with every table a ranking reads locked, a request that touched one would wait past the client's timeout: once the
        // instance has heard of the inserts above (their notices), the version and the snapshot are in memory
        RestAssuredConfig quick = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 3_000));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> TestDb.whileLocked(Fixtures.db(),
                "ranking_version, live_score, agency_directory, criteria_set", () -> {
                    given().config(quick).auth().oauth2(admin(p)).queryParam("source", "LIVE").header("If-None-Match", tag).get("/api/v1/rankings")
                            .then().statusCode(304).header("ETag", equalTo(tag));
                    given().config(quick).auth().oauth2(admin(p)).queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200)
                            .header("ETag", equalTo(tag)).body("items.agencyName", equalTo(List.of("UBND xã Mường Phăng", "UBND xã Nà Sáy")));
                }));
        // another province's steering committee holding the ETag is refused, not told it is current
        given().auth().oauth2(admin(Fixtures.province())).queryParam("provinceCode", p).queryParam("source", "LIVE")
                .header("If-None-Match", tag).get("/api/v1/rankings").then().statusCode(403);
    }

    @Test
    void aChangedScoreIsInTheNextReadOfTheRanking() {
        String p = Fixtures.province();
        String set = CriteriaSets.activeSet(p, 2020);
        String a = Fixtures.agency(p, "UBND xã Pá Khoang");
        String b = Fixtures.agency(p, "UBND xã Nà Nhạn");
        for (String[] row : new String[][] {{a, "80", "GOOD"}, {b, "70", "FAIR"}}) {
            TestDb.update(Fixtures.db(), "insert into live_score (agency_id, year, province_code, criteria_set_id, score, band, band_label, criteria, updated_at) "
                    + "values ('" + row[0] + "', " + LiveScoreTests.YEAR + ", '" + p + "', '" + set + "', " + row[1] + ", '" + row[2] + "', 'x', '[]', now())");
        }
        String first = given().auth().oauth2(admin(p)).queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("items.agencyName", equalTo(List.of("UBND xã Pá Khoang", "UBND xã Nà Nhạn"))).extract().header("ETag");
        // nothing changed: the caller's copy is still good
        given().auth().oauth2(admin(p)).queryParam("source", "LIVE").header("If-None-Match", first).get("/api/v1/rankings").then()
                .statusCode(304).header("ETag", equalTo(first));

        // changed straight in the database, as another replica or a script would: the read after its notice has it
        TestDb.update(Fixtures.db(), "update live_score set score = 60, band = 'AVERAGE', band_label = 'Trung bình' where agency_id = '" + a + "'");
        String second = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> given().auth().oauth2(admin(p))
                .queryParam("source", "LIVE").header("If-None-Match", first).get("/api/v1/rankings").then().extract().response(), r -> r.statusCode() == 200)
                .then().body("items.agencyName", equalTo(List.of("UBND xã Nà Nhạn", "UBND xã Pá Khoang")))
                .body("items.score", equalTo(List.of(70.0f, 60.0f))).extract().header("ETag");
        assertNotEquals(first, second);
        given().auth().oauth2(admin(p)).queryParam("source", "LIVE").queryParam("n", 1).get("/api/v1/rankings/bottom").then().statusCode(200)
                .body("items[0].agencyName", equalTo("UBND xã Pá Khoang")).body("items[0].rank", equalTo(2));
        given().auth().oauth2(admin(p)).queryParam("source", "LIVE").get("/api/v1/rankings/distribution").then().statusCode(200)
                .body("bands.find { it.band == 'AVERAGE' }.count", equalTo(1)).body("bands.find { it.band == 'GOOD' }.count", equalTo(0));

        // a recomputation that leaves the score as it was keeps the copy good
        TestDb.update(Fixtures.db(), "update live_score set criteria = '[{}]', updated_at = now() where agency_id = '" + a + "'");
        given().auth().oauth2(admin(p)).queryParam("source", "LIVE").header("If-None-Match", second).get("/api/v1/rankings").then()
                .statusCode(304);

        // an agency renamed in the directory
        TestDb.update(Fixtures.db(), "update agency_directory set name = 'UBND phường Nà Nhạn' where id = '" + b + "'");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> given().auth().oauth2(admin(p))
                .queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200).body("items[0].agencyName", equalTo("UBND phường Nà Nhạn")));

        // an overdue review from document-service: the live score is recomputed (50 - 5) and the ranking follows
        String task = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", b, LiveScoreTests.doc("procedure-review.overdue"), "review-tasks/" + task, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-01","dueDate":"%d-01-15","daysOverdue":3}"""
                .formatted(task, b, UUID.randomUUID(), LiveScoreTests.YEAR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin(p)).queryParam("source", "LIVE")
                .get("/api/v1/rankings").then().statusCode(200)
                .body("items.agencyName", equalTo(List.of("UBND xã Pá Khoang", "UBND phường Nà Nhạn")))
                .body("items.score", equalTo(List.of(60.0f, 45.0f))).body("items[1].band", equalTo("WEAK")));

        // an official score finalised: the official ranking read before (empty) has it on the next read
        given().auth().oauth2(admin(p)).get("/api/v1/rankings").then().statusCode(200).body("total", equalTo(0));
        official(a, p, LiveScoreTests.YEAR, set, 91.5, "VERY_GOOD", "Rất tốt");
        given().auth().oauth2(admin(p)).get("/api/v1/rankings").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].score", equalTo(91.5f)).body("items[0].rank", equalTo(1));
    }

    @Test
    void rankingsAreReadWithinTheTokensProvince() {
        String p = Fixtures.province();
        given().get("/api/v1/rankings").then().spec(problem(401));
        given().auth().oauth2(admin(p)).queryParam("provinceCode", "99").get("/api/v1/rankings").then().spec(problem(403));
        given().auth().oauth2(TestTokens.integration(p)).get("/api/v1/rankings").then().spec(problem(403));
        given().auth().oauth2(admin(p)).queryParam("source", "ALL").get("/api/v1/rankings").then().spec(problem(400));
        given().auth().oauth2(admin(p)).queryParam("n", "0").get("/api/v1/rankings/bottom").then().spec(problem(400));
        given().auth().oauth2(admin(p)).queryParam("year", "1990").get("/api/v1/rankings/progress").then().spec(problem(400));
        given().auth().oauth2(admin(p)).get("/api/v1/rankings/distribution").then().statusCode(200).body("total", equalTo(0))
                .body("bands[0].share", equalTo(0.0f));
        // the national level names the province it reads
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/rankings").then().spec(problem(400))
                .body("errors[0].field", equalTo("provinceCode"));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("provinceCode", p).get("/api/v1/rankings/distribution").then()
                .statusCode(200).body("provinceCode", equalTo(p));
        // an agency's people read their agency's province, whatever else they ask for
        String agency = Fixtures.agency(p, "Sở Ngoại vụ");
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, p)).get("/api/v1/rankings/progress").then().statusCode(200)
                .body("provinceCode", equalTo(p)).body("agencies", equalTo(1));
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, p)).queryParam("provinceCode", Fixtures.province())
                .get("/api/v1/rankings").then().spec(problem(403));
    }

    @Test
    void aMinistrysRankingHoldsItsOwnUnitsOnly() {
        String p = Fixtures.province();
        String set = CriteriaSets.createSet(p, CriteriaSets.standardSet(p, 2020));
        String ministryA = Fixtures.ministry("Bộ Công Thương");
        String exports = Fixtures.unitOf(ministryA, "Cục Xuất nhập khẩu");
        String legal = Fixtures.unitOf(ministryA, "Vụ Pháp chế");
        String ministryB = Fixtures.ministry("Bộ Nội vụ");
        String archives = Fixtures.unitOf(ministryB, "Cục Văn thư và Lưu trữ nhà nước");
        for (String[] row : new String[][] {{exports, "80", "GOOD"}, {legal, "90", "VERY_GOOD"}, {archives, "85", "GOOD"}}) {
            TestDb.update(Fixtures.db(), "insert into live_score (agency_id, year, province_code, criteria_set_id, score, band, band_label, criteria, updated_at) "
                    + "values ('" + row[0] + "', " + LiveScoreTests.YEAR + ", '00', '" + set + "', " + row[1] + ", '" + row[2] + "', 'x', '[]', now())");
        }
        String adminA = TestTokens.ministryAdmin(ministryA);
        given().auth().oauth2(adminA).queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200)
                .body("provinceCode", equalTo("00")).body("total", equalTo(2)).body("items.agencyId", equalTo(List.of(legal, exports)));
        given().auth().oauth2(TestTokens.ministryAdmin(ministryB)).queryParam("source", "LIVE").get("/api/v1/rankings").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].agencyId", equalTo(archives));
        given().auth().oauth2(TestTokens.agencyRole("viewer", exports, "00")).queryParam("source", "LIVE").get("/api/v1/rankings/distribution")
                .then().statusCode(200).body("total", equalTo(2)).body("bands.find { it.band == 'GOOD' }.count", equalTo(1));
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("ministryId", ministryA).queryParam("source", "LIVE")
                .get("/api/v1/rankings/year-over-year").then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(adminA).get("/api/v1/rankings/progress").then().statusCode(200).body("agencies", equalTo(3));

        // nobody reads another tenant's ranking
        given().auth().oauth2(adminA).queryParam("ministryId", ministryB).get("/api/v1/rankings").then().spec(problem(403));
        given().auth().oauth2(adminA).queryParam("provinceCode", p).get("/api/v1/rankings").then().spec(problem(403));
        given().auth().oauth2(admin(p)).queryParam("ministryId", ministryA).get("/api/v1/rankings").then().spec(problem(403));
        given().auth().oauth2(admin(p)).queryParam("provinceCode", "00").get("/api/v1/rankings").then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("viewer", archives, "00")).queryParam("ministryId", ministryA).get("/api/v1/rankings")
                .then().spec(problem(403));
    }
}
