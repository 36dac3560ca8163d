package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/** Dossier events through REST batches and Kafka, idempotent, and the KPIs computed from them. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class DossierTests {

    static String item(String code, String agencyField, String agency, String tthc, String status, String occurred, String extra) {
        return """
                {"dossierCode":"%s","%s":"%s","tthcCode":"%s","channel":"ONLINE","status":"%s","occurredAt":"%s",
                 "dueAt":"2022-09-30T17:00:00+07:00"%s}""".formatted(code, agencyField, agency, tthc, status, occurred, extra);
    }

    /**
     * A justice department whose province scores 2.2 by the on-time dossier rate, made once for this class: its one-stop-shop
     * system has sent a batch of ten items (six good: three dossiers received and resolved early, on time and late with an
     * apology slip; four bad) twice. The two answers are kept.
     */
    record Batch(String province, String agency, String code, String elsewhere, String stranger, String a, String b, Response first,
                 Response again) {
        String head() {
            return TestTokens.agencyRole("agency-head", agency, province);
        }
    }

    private static Batch batch;

    static synchronized Batch batch() {
        if (batch != null) {
            return batch;
        }
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Tư pháp");
        String code = Fixtures.code(agency);
        String elsewhere = Fixtures.province();
        String stranger = Fixtures.agency(elsewhere, "Sở Tư pháp tỉnh khác");
        String a = "1.001612.000.00.00.H" + p;
        String b = "2.000889.000.00.00.H" + p;
        String received = "2022-09-21T08:00:00+07:00";
        List<String> items = List.of(
                item(code + "-220921-0001", "agencyCode", code, a, "RECEIVED", received, ""),
                item(code + "-220921-0001", "agencyCode", code, a, "RESOLVED", "2022-09-28T08:00:00+07:00", ""),
                item(code + "-220921-0002", "agencyId", agency, a, "RECEIVED", received, ""),
                item(code + "-220921-0002", "agencyId", agency, a, "RESOLVED", "2022-09-30T08:00:00+07:00", ""),
                item(code + "-220921-0003", "agencyCode", code, b, "RECEIVED", received, ""),
                item(code + "-220921-0003", "agencyCode", code, b, "RESOLVED", "2022-10-03T08:00:00+07:00",
                        ",\"apologyNewDueAt\":\"2022-10-05T17:00:00+07:00\""),
                item(code + "-220921-0004", "agencyCode", code, a, "DONE", received, ""),
                item(code + "-220921-0005", "agencyCode", "999.99.99.H99", a, "RECEIVED", received, ""),
                item(code + "-220921-0006", "agencyId", stranger, a, "RECEIVED", received, ""),
                "{\"dossierCode\":12,\"agencyCode\":\"" + code + "\",\"tthcCode\":\"" + a + "\",\"channel\":\"POST\",\"status\":\"RECEIVED\",\"occurredAt\":\"hôm qua\"}");
        String json = "{\"items\":[" + String.join(",", items) + "]}";
        // 2.2 scores the on-time dossier rate in this province
        String set = CriteriaSets.createSet(p, CriteriaSets.standardSet(p, 2020).replace(
                "\"indicator\":\"CORRECTIVE_ACTIONS_OVERDUE\",\"rule\":\"DEDUCTION_PER_ITEM\",\"pointsPerItem\":10",
                "\"indicator\":\"DOSSIER_ON_TIME_RATE\",\"rule\":\"PROPORTIONAL\",\"target\":100"));
        given().auth().oauth2(admin(p)).post("/api/v1/criteria-sets/{id}/activation", set).then().statusCode(200);
        String integration = TestTokens.integration(p);
        Response first = given().auth().oauth2(integration).contentType(ContentType.JSON).body(json).post("/api/v1/dossier-events");
        Response again = given().auth().oauth2(integration).contentType(ContentType.JSON).body(json).post("/api/v1/dossier-events");
        batch = new Batch(p, agency, code, elsewhere, stranger, a, b, first, again);
        return batch;
    }

    @Test
    void aBatchKeepsItsGoodItemsAndReportsEachBadOneByIndexAndField() {
        Batch w = batch();
        w.first().then().statusCode(200)
                .body("received", equalTo(10)).body("accepted", equalTo(6)).body("duplicates", equalTo(0)).body("rejected", equalTo(4))
                .body("errors.index", equalTo(List.of(6, 7, 8, 9, 9)))
                .body("errors[0].field", equalTo("status")).body("errors[1].field", equalTo("agencyCode"))
                .body("errors[2].message", equalTo("agency " + Fixtures.code(w.stranger()) + " (province " + w.elsewhere()
                        + ") is outside what your token reports on"))
                .body("errors.field", hasItem("occurredAt"));
    }

    @Test
    void theSameBatchAgainAddsNothing() {
        batch().again().then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(6));
    }

    @Test
    void anAgencysKpisCountItsDossiersEarlyOnTimeAndLateAndItsApologySlips() {
        Batch w = batch();
        given().auth().oauth2(w.head()).queryParam("agencyId", w.agency()).queryParam("from", "2022-01-01").queryParam("to", "2022-12-31")
                .get("/api/v1/kpis").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].agencyCode", equalTo(w.code())).body("items[0].received", equalTo(3)).body("items[0].resolved", equalTo(3))
                .body("items[0].resolvedEarly", equalTo(1)).body("items[0].resolvedOnTime", equalTo(1)).body("items[0].resolvedLate", equalTo(1))
                .body("items[0].onTimeRate", equalTo(66.67f)).body("items[0].averageProcessingDays", equalTo(9.33f))
                .body("items[0].apologySlips", equalTo(1));
    }

    @Test
    void kpisGroupedByProcedureCountWhatWasResolvedInThePeriod() {
        Batch w = batch();
        given().auth().oauth2(admin(w.province())).queryParam("from", "2022-09-01").queryParam("to", "2022-09-30").queryParam("groupBy", "TTHC")
                .get("/api/v1/kpis").then().statusCode(200).body("total", equalTo(2))
                .body("items.find { it.tthcCode == '" + w.a() + "' }.resolved", equalTo(2))
                .body("items.find { it.tthcCode == '" + w.b() + "' }.resolved", equalTo(0))
                .body("items.find { it.tthcCode == '" + w.b() + "' }.received", equalTo(1));
    }

    @Test
    void theOnTimeRateIsAnIndicatorOfTheAgency() {
        Batch w = batch();
        given().auth().oauth2(w.head()).queryParam("year", 2022).get("/api/v1/agencies/{id}/indicators", w.agency()).then().statusCode(200)
                .body("indicators.find { it.code == 'DOSSIER_ON_TIME_RATE' }.value", equalTo(66.67f));
    }

    @Test
    void aBatchMarksTheAgencysLiveScoreWhichIsRecomputedShortlyAfter() {
        Batch w = batch();
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(Fixtures.db(), "select count(*) from live_score where agency_id = '"
                + w.agency() + "' and year = 2022 and cause = 'vn.govqms.onestop.dossier-status.v1'") == 1);
        // 1.1 0 + 1.2 0 + 2.1 20 + 2.2 30 × 66.67 %
        given().auth().oauth2(w.head()).queryParam("year", 2022).get("/api/v1/agencies/{id}/score", w.agency()).then().statusCode(200)
                .body("score", equalTo(40.0f)).body("criteria.find { it.code == '2.2' }.points", equalTo(20.0f));
    }

    @Test
    void aBatchRecomputesOnlyWhereTheOnTimeRateCounts() {
        String p = Fixtures.province();
        CriteriaSets.activeSet(p, 2020);  // the standard set does not score the on-time rate
        String withObjective = Fixtures.agency(p, "Sở Giao thông vận tải");
        String without = Fixtures.agency(p, "Sở Xây dựng");
        int year = LiveScoreTests.YEAR;
        String objective = given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","year":%d,"title":"Tỷ lệ hồ sơ giải quyết đúng hạn từ 90%% trở lên","kpi":"DOSSIER_ON_TIME_RATE",
                 "comparison":"AT_LEAST","target":90}""".formatted(withObjective, year)).post("/api/v1/quality-objectives")
                .then().statusCode(201).body("status", equalTo("ON_TRACK")).extract().path("id");
        List<String> items = new ArrayList<>();
        for (String agency : List.of(withObjective, without)) {
            for (String[] d : new String[][] {{"0001", "08"}, {"0002", "20"}}) {
                String dossier = agency.substring(0, 8) + "-" + d[0];
                items.add(item(dossier, "agencyId", agency, "1.000002", "RECEIVED", year + "-01-05T08:00:00+07:00", "")
                        .replace("2022-09-30T17:00:00+07:00", year + "-01-10T17:00:00+07:00"));
                items.add(item(dossier, "agencyId", agency, "1.000002", "RESOLVED", year + "-01-" + d[1] + "T08:00:00+07:00", "")
                        .replace("2022-09-30T17:00:00+07:00", year + "-01-10T17:00:00+07:00"));
            }
        }
        given().auth().oauth2(TestTokens.integration(p)).contentType(ContentType.JSON).body("{\"items\":[" + String.join(",", items) + "]}")
                .post("/api/v1/dossier-events").then().statusCode(200).body("accepted", equalTo(8));
        // half on time: the objective bound to the rate is at risk
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin(p)).get("/api/v1/quality-objectives/{id}", objective)
                .then().statusCode(200).body("status", equalTo("AT_RISK")).body("actual", equalTo(50.0f)));
        // the other agency's score does not use the rate: it was not marked for a recomputation
        assertEquals(0, TestDb.count(Fixtures.db(), "select count(*) from live_score where agency_id = '" + without + "'"));
        assertEquals(0, TestDb.count(Fixtures.db(), "select count(*) from live_score_pending where agency_id = '" + without + "'"));
    }

    /** A dossier event as province {@code province}'s one-stop-shop system publishes it, on its own topic; returns its id. */
    static String publish(String province, String key, String json) {
        return publish(province, "/onestop/" + province, key, json);
    }

    /** A dossier event on province {@code province}'s topic that claims {@code source}; returns its id. */
    static String publish(String province, String source, String key, String json) {
        String id = UUID.randomUUID().toString();
        TestKafka.publish(topic(province), key, Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type",
                "vn.govqms.onestop.dossier-status.v1", "ce_source", source, "content-type", "application/json"), json);
        return id;
    }

    static String topic(String province) {
        return "onestop.dossier-events." + province;
    }

    /** Where every province's poison dossier events go: one topic, which scoring-service's Kafka user may write. */
    static final String DEAD_LETTERS = "scoring.dossier-events.dlq";

    /**
     * The first dead dossier event that matches, which must name province {@code province}'s topic as its source (the
     * topic exists from the first one on).
     */
    static ConsumerRecord<String, String> deadLetter(String province, Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            found.addAll(TestKafka.await(DEAD_LETTERS, match, Duration.ofSeconds(2)));
            return !found.isEmpty();
        });
        assertEquals(topic(province), TestKafka.header(found.get(0), "dead-letter-topic"), "the source topic");
        assertEquals("scoring-service", TestKafka.header(found.get(0), "dead-letter-consumer"));
        return found.get(0);
    }

    @Test
    void dossierEventsArriveThroughKafkaToo() throws Exception {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "UBND xã Thanh Minh");
        String code = Fixtures.code(agency);
        publish(p, code, item(code + "-230105-0001", "agencyCode", code, "1.000001", "RECEIVED", "2023-01-05T08:00:00+07:00", "")
                .replace("2022-09-30", "2023-01-10"));
        publish(p, code, item(code + "-230105-0001", "agencyCode", code, "1.000001", "RESOLVED", "2023-01-06T08:00:00+07:00", "")
                .replace("2022-09-30", "2023-01-10"));
        String bad = publish(p, code, item(code + "-230105-0002", "agencyCode", code, "1.000001", "LOST", "2023-01-05T08:00:00+07:00", ""));
        TestKafka.publish(topic(p), code, Map.of("ce_specversion", "1.0", "ce_id", "x-" + UUID.randomUUID(),
                "ce_type", "vn.govqms.onestop.dossier-status.v1", "ce_source", "/onestop/" + p), "không phải JSON");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin(p)).queryParam("from", "2023-01-01")
                .get("/api/v1/kpis").then().statusCode(200).body("items[0].received", equalTo(1)).body("items[0].resolved", equalTo(1))
                .body("items[0].onTimeRate", equalTo(100.0f)));
        assertTrue(TestKafka.header(deadLetter(p, r -> bad.equals(TestKafka.header(r, "ce_id"))), "dead-letter-reason").startsWith("status:"));
        deadLetter(p, r -> "không phải JSON".equals(r.value()));
        // nothing beside the province's topic: its system's Kafka user is the only writer near it
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            assertFalse(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic(p) + ".dlq"), "no dead letters beside " + topic(p));
        }
    }

    @Test
    void aSystemReportsOnlyOnItsOwnProvincesAgenciesThroughKafka() {
        String p = Fixtures.province();
        String other = Fixtures.province();
        String mine = Fixtures.code(Fixtures.agency(p, "UBND xã Tân Tiến"));
        String theirs = Fixtures.code(Fixtures.agency(other, "UBND xã Hòa Bình"));
        // on province p's topic (only p's system writes it): a dossier of another province's agency, one whose ce_source
        // claims that other province, and one whose ce_source names none
        String foreign = publish(p, theirs, item(theirs + "-0001", "agencyCode", theirs, "1.000001", "RECEIVED", "2023-02-01T08:00:00+07:00", ""));
        String lying = publish(p, "/onestop/" + other, theirs,
                item(theirs + "-0003", "agencyCode", theirs, "1.000001", "RECEIVED", "2023-02-01T08:00:00+07:00", ""));
        String anonymous = publish(p, "/test", theirs,
                item(theirs + "-0002", "agencyCode", theirs, "1.000001", "RECEIVED", "2023-02-01T08:00:00+07:00", ""));
        // and one of its own, after them on the same key: once stored, the ones before it have been dealt with
        publish(p, theirs, item(mine + "-0001", "agencyCode", mine, "1.000001", "RECEIVED", "2023-02-01T08:00:00+07:00", ""));
        assertEquals("agencyCode: agency " + theirs + " (province " + other + ") is outside what the one-stop-shop system of province " + p
                + " (topic " + topic(p) + ") reports on",
                TestKafka.header(deadLetter(p, r -> foreign.equals(TestKafka.header(r, "ce_id"))), "dead-letter-reason"));
        assertEquals("ce_source /onestop/" + other + " disagrees with topic " + topic(p) + ": /onestop/" + p + " expected",
                TestKafka.header(deadLetter(p, r -> lying.equals(TestKafka.header(r, "ce_id"))), "dead-letter-reason"));
        assertEquals("ce_source /test disagrees with topic " + topic(p) + ": /onestop/" + p + " expected",
                TestKafka.header(deadLetter(p, r -> anonymous.equals(TestKafka.header(r, "ce_id"))), "dead-letter-reason"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(Fixtures.db(), "select count(*) from dossier where code = '" + mine + "-0001'") == 1);
        // the other province's agency has no dossier, no event and no KPI
        assertEquals(0, TestDb.count(Fixtures.db(), "select count(*) from dossier_event where dossier_code like '" + theirs + "-%'"));
        assertEquals(0, TestDb.count(Fixtures.db(), "select count(*) from dossier where code like '" + theirs + "-%'"));
        given().auth().oauth2(admin(other)).queryParam("from", "2023-01-01").get("/api/v1/kpis").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void onlyIntegrationsSendAndKpisStayInScope() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Nội vụ");
        String other = Fixtures.agency(p, "Sở Công Thương");
        String one = "{\"items\":[" + item("X-1", "agencyId", agency, "1.0", "RECEIVED", "2024-01-01T08:00:00+07:00", "") + "]}";
        given().contentType(ContentType.JSON).body(one).post("/api/v1/dossier-events").then().spec(problem(401));
        given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(one).post("/api/v1/dossier-events").then().spec(problem(403));
        given().auth().oauth2(TestTokens.integration(p)).contentType(ContentType.JSON).body("{\"items\":[").post("/api/v1/dossier-events")
                .then().spec(problem(400));
        given().auth().oauth2(TestTokens.integration(p)).contentType(ContentType.JSON).body("{\"items\":[]}").post("/api/v1/dossier-events")
                .then().spec(problem(400));
        StringBuilder many = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 5001; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        given().auth().oauth2(TestTokens.integration(p)).contentType(ContentType.JSON).body(many.append("]}").toString())
                .post("/api/v1/dossier-events").then().spec(problem(400)).body("errors[0].field", equalTo("items"));
        given().auth().oauth2(TestTokens.integration(p)).get("/api/v1/kpis").then().statusCode(403);
        // an integration client without a province sends nothing: 403 naming the claim
        given().auth().oauth2(TestTokens.withClaims("integration", null, null)).contentType(ContentType.JSON).body(one)
                .post("/api/v1/dossier-events").then().spec(problem(403, "missing-claim")).body("claim", equalTo("province_code"));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, p)).queryParam("agencyId", agency).get("/api/v1/kpis")
                .then().spec(problem(403));
        given().auth().oauth2(admin(p)).queryParam("from", "2024-02-01").queryParam("to", "2024-01-01").get("/api/v1/kpis")
                .then().spec(problem(400));
        given().auth().oauth2(admin(p)).queryParam("groupBy", "YEAR").get("/api/v1/kpis").then().spec(problem(400));
    }
}
