package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/** Quality objectives follow their KPI: on track, at risk during the year, missed once it is over; events on entering those. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ObjectiveTests {

    static final int YEAR = LocalDate.now(VIETNAM).getYear();

    @Test
    void anObjectiveGoesAtRiskWhenItsKpiMovesAndIsMissedOnceItsYearIsOver() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Tài nguyên và Môi trường");
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","year":%d,"title":"Không có hành động khắc phục quá hạn","kpi":"CORRECTIVE_ACTIONS_OVERDUE",
                 "comparison":"AT_MOST","target":0}""".formatted(agency, YEAR)).post("/api/v1/quality-objectives")
                .then().statusCode(201).header("ETag", "\"1\"").body("status", equalTo("ON_TRACK")).body("statusLabel", equalTo("Đang đạt"))
                .body("actual", equalTo(0.0f)).body("kpiLabel", equalTo("Hành động khắc phục quá hạn")).extract().path("id");

        String action = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("audit.events", agency, "vn.govqms.audit.corrective-action.overdue.v1", "corrective-actions/" + action, """
                {"actionId":"%s","findingId":"%s","agencyId":"%s","owner":"iso-officer-1","title":"Cập nhật quy trình tiếp nhận hồ sơ",
                 "dueDate":"%d-01-10","daysOverdue":1,"escalationStep":1}""".formatted(action, UUID.randomUUID(), agency, YEAR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(officer).get("/api/v1/quality-objectives/{id}", id)
                .then().statusCode(200).body("status", equalTo("AT_RISK")).body("statusLabel", equalTo("Có nguy cơ không đạt"))
                .body("actual", equalTo(1.0f)));
        assertFalse(TestKafka.await("scoring.events", r -> agency.equals(r.key())
                && "vn.govqms.scoring.objective.at-risk.v1".equals(TestKafka.header(r, "ce_type")) && r.value().contains(id)
                && r.value().contains("\"actual\":1"), Duration.ofSeconds(20)).isEmpty());

        // a looser target puts it back on track
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"title\":\"Tối đa 1 hành động khắc phục quá hạn\",\"comparison\":\"AT_MOST\",\"target\":1}")
                .put("/api/v1/quality-objectives/{id}", id).then().spec(problem(428));
        String etag = given().auth().oauth2(officer).get("/api/v1/quality-objectives/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"title\":\"Tối đa 1 hành động khắc phục quá hạn\",\"comparison\":\"AT_MOST\",\"target\":1}")
                .put("/api/v1/quality-objectives/{id}", id).then().statusCode(200).body("status", equalTo("ON_TRACK"));

        // last year's on-time dossier objective, with nothing measured, is missed
        String missed = given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, p)).contentType(ContentType.JSON).body("""
                {"agencyId":"%s","year":%d,"title":"Tỷ lệ hồ sơ giải quyết đúng hạn từ 98%% trở lên","kpi":"DOSSIER_ON_TIME_RATE",
                 "comparison":"AT_LEAST","target":98}""".formatted(agency, YEAR - 1)).post("/api/v1/quality-objectives")
                .then().statusCode(201).body("status", equalTo("MISSED")).body("actual", nullValue()).extract().path("id");
        assertFalse(TestKafka.await("scoring.events", r -> "vn.govqms.scoring.objective.missed.v1".equals(TestKafka.header(r, "ce_type"))
                && r.value().contains(missed), Duration.ofSeconds(20)).isEmpty());
        given().auth().oauth2(admin(p)).queryParam("agencyId", agency).queryParam("status", "MISSED").get("/api/v1/quality-objectives")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(missed));
    }

    @Test
    void objectivesAreSetByTheAgencyWithinItsScope() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Văn hóa");
        String other = Fixtures.agency(p, "Sở Du lịch");
        String json = """
                {"agencyId":"%s","year":%d,"title":"Đánh giá nội bộ ít nhất 1 lần","kpi":"INTERNAL_AUDITS_HELD","comparison":"AT_LEAST","target":1}"""
                .formatted(agency, YEAR);
        given().contentType(ContentType.JSON).body(json).post("/api/v1/quality-objectives").then().spec(problem(401));
        given().auth().oauth2(TestTokens.agencyRole("viewer", agency, p)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/quality-objectives").then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", other, p)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/quality-objectives").then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, p)).contentType(ContentType.JSON)
                .body(json.replace("INTERNAL_AUDITS_HELD", "HAPPINESS")).post("/api/v1/quality-objectives").then().spec(problem(400));
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, p)).contentType(ContentType.JSON)
                .body(json.replace("\"target\":1", "\"target\":-1")).post("/api/v1/quality-objectives").then().statusCode(400);
        String id = given().auth().oauth2(admin(p)).contentType(ContentType.JSON).body(json).post("/api/v1/quality-objectives")
                .then().statusCode(201).body("status", equalTo("AT_RISK")).extract().path("id");
        given().auth().oauth2(TestTokens.agencyRole("viewer", other, p)).get("/api/v1/quality-objectives/{id}", id).then().statusCode(403);
        given().auth().oauth2(admin(p)).get("/api/v1/quality-objectives/{id}", UUID.randomUUID()).then().spec(problem(404));
    }
}
