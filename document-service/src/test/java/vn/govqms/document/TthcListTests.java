package vn.govqms.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/**
 * The five working days: a province's decision changing TTHCs gives each agency handling them the work of updating its
 * handled-TTHC list within 5 working days of the decision date, on the deployment's calendar (Tết included); the work
 * becomes overdue when the date passes and is cleared when the agency's list is updated.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class TthcListTests {

    static final String ADMIN = TestTokens.provinceAdmin("24");
    static final ObjectMapper JSON = new ObjectMapper();

    static String decisionNumber() {
        return ThreadLocalRandom.current().nextInt(1000, 99_999) + "/QĐ-UBND";
    }

    static Response decide(String token, String province, String number, String date, List<String> procedures, List<String> agencies) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"provinceCode":"%s","number":"%s","decisionDate":"%s","procedureIds":%s,"agencyIds":%s}"""
                .formatted(province, number, date, quoted(procedures), quoted(agencies))).post("/api/v1/tthc-list-decisions");
    }

    static String quoted(List<String> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static void handle(String agency, List<String> procedures) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"procedureIds\":" + quoted(procedures) + ",\"since\":\"2026-03-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(200);
    }

    static Map<String, Map<String, Object>> updatesOf(String decision) {
        List<Map<String, Object>> items = given().auth().oauth2(ADMIN).queryParam("decisionId", decision).get("/api/v1/tthc-list-updates")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().collect(Collectors.toMap(i -> (String) i.get("agencyId"), i -> i));
    }

    static JsonNode event(String type, String agency, String decision) {
        List<ConsumerRecord<String, String>> found = TestKafka.await("document.events", r -> agency.equals(r.key())
                && type.equals(TestKafka.header(r, "ce_type")) && r.value().contains(decision), Duration.ofSeconds(20));
        assertFalse(found.isEmpty(), type + " for " + agency);
        try {
            return JSON.readTree(found.get(0).value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A Bắc Ninh decision signed the Friday before Tết Bính Ngọ, made once for this class: it changes a TTHC one department
     * handles (and a national one another province's agency handles) and names a second department; a third handles an
     * unchanged TTHC. The check has marked both overdue, then the first department updated its list. What each step showed
     * is kept.
     */
    record Decision(String id, String number, String handles, String named, JsonPath decided, Map<String, Map<String, Object>> updates,
                    Map<String, Map<String, Object>> overdue, Map<String, Map<String, Object>> cleared) {
    }

    private static Decision tet;

    static synchronized Decision tet() {
        if (tet != null) {
            return tet;
        }
        String handles = ReviewTaskTests.agency("24", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
        String named = ReviewTaskTests.agency("24", "Sở Công Thương tỉnh Bắc Ninh");
        String other = ReviewTaskTests.agency("24", "Sở Y tế tỉnh Bắc Ninh");
        String elsewhere = ReviewTaskTests.agency("37", "Sở Khoa học và Công nghệ tỉnh Ninh Bình");
        String changed = QmsTests.tthc("Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ");
        String unchanged = QmsTests.tthc("Cấp phép vận chuyển hàng nguy hiểm");
        handle(handles, List.of(changed));
        handle(other, List.of(unchanged));
        String national = given().auth().oauth2(TestTokens.nationalAdmin()).contentType(ContentType.JSON).body("""
                {"code":"2.%06d","name":"Thẩm định công nghệ dự án đầu tư","field":"Hoạt động khoa học và công nghệ","level":"PROVINCIAL",
                 "processingDays":15}""".formatted(ThreadLocalRandom.current().nextInt(999_999)))
                .post("/api/v1/administrative-procedures").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON)
                .body("{\"procedureIds\":[\"" + national + "\"],\"since\":\"2026-03-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", elsewhere).then().statusCode(200);

        // signed the Friday before Tết Bính Ngọ (14/2-22/2/2026 off)
        String number = decisionNumber();
        JsonPath decided = decide(ADMIN, "24", number, "2026-02-13", List.of(changed, national), List.of(named)).then().statusCode(201)
                .extract().jsonPath();
        String id = decided.getString("id");
        Map<String, Map<String, Object>> updates = updatesOf(id);
        // the date passed long ago: the check marks both overdue
        await().atMost(Duration.ofSeconds(30)).until(() -> updatesOf(id).values().stream().allMatch(u -> "OVERDUE".equals(u.get("status"))));
        Map<String, Map<String, Object>> overdue = updatesOf(id);
        handle(handles, List.of(changed, unchanged));
        tet = new Decision(id, number, handles, named, decided, updates, overdue, updatesOf(id));
        return tet;
    }

    @Test
    void aDecisionIsDueFiveWorkingDaysLaterSkippingTet() {
        // five working days end on Friday 27/2
        Decision w = tet();
        assertEquals("2026-02-27", w.decided().getString("dueDate"));
        assertEquals("2026-02-27", w.updates().get(w.handles()).get("dueDate"));
        assertEquals("2026-02-27", event("vn.govqms.document.tthc-list-update.required.v1", w.handles(), w.id()).get("dueDate").asText());
    }

    @Test
    void theAgencyHandlingAChangedTthcAndTheOneNamedMustUpdateTheirListsNotTheOthers() {
        Decision w = tet();
        assertEquals(2, w.decided().getInt("agenciesToUpdate"), "the agency handling a changed TTHC and the one named; not the others");
        assertEquals(Set.of(w.handles(), w.named()), w.updates().keySet());
        assertEquals(w.number(), w.updates().get(w.handles()).get("decisionNumber"));
        assertEquals(w.number(), event("vn.govqms.document.tthc-list-update.required.v1", w.handles(), w.id()).get("decisionNumber").asText());
    }

    @Test
    void anUpdateNotDoneByItsDateIsMarkedOverdueOnce() {
        Decision w = tet();
        assertEquals("Quá hạn cập nhật", w.overdue().get(w.named()).get("statusLabel"));
        assertTrue(event("vn.govqms.document.tthc-list-update.overdue.v1", w.named(), w.id()).get("daysOverdue").asInt() > 200);
    }

    @Test
    void anUpdatedListClearsItsAgencysWorkLateAndLeavesTheOthersOverdue() {
        Decision w = tet();
        Map<String, Map<String, Object>> after = w.cleared();
        assertEquals("CLEARED", after.get(w.handles()).get("status"));
        assertEquals(true, after.get(w.handles()).get("clearedLate"));
        assertEquals(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), after.get(w.handles()).get("clearedOn"));
        assertEquals("OVERDUE", after.get(w.named()).get("status"));
        assertTrue(event("vn.govqms.document.tthc-list-update.cleared.v1", w.handles(), w.id()).get("late").asBoolean());
        assertEquals(List.of(w.named()), given().auth().oauth2(ADMIN).queryParam("decisionId", w.id()).queryParam("status", "OVERDUE")
                .get("/api/v1/tthc-list-updates").then().statusCode(200).extract().jsonPath().getList("items.agencyId"));
    }

    @Test
    void aDecisionIsItsProvincesRecord() {
        String id = tet().id();
        given().auth().oauth2(ADMIN).get("/api/v1/tthc-list-decisions/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.provinceAdmin("37")).get("/api/v1/tthc-list-decisions/{id}", id).then().spec(problem(403));
        given().auth().oauth2(ADMIN).get("/api/v1/tthc-list-decisions/{id}", UUID.randomUUID()).then().spec(problem(404));
    }

    @Test
    void updatedWithinTheFiveDaysIsClearedOnTime() {
        String agency = ReviewTaskTests.agency("24", "Sở Tư pháp tỉnh Bắc Ninh");
        String tthc = QmsTests.tthc("Chứng thực chữ ký trong giấy tờ, văn bản");
        handle(agency, List.of(tthc));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String id = decide(ADMIN, "24", decisionNumber(), today.toString(), List.of(tthc), List.of()).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> update = updatesOf(id).get(agency);
        assertEquals("OPEN", update.get("status"));
        // five working days span a weekend whatever the day: at least six days later (a Saturday's decision is due on Friday)
        assertFalse(LocalDate.parse((String) update.get("dueDate")).isBefore(today.plusDays(6)), "five working days and at least one weekend");
        handle(agency, List.of());
        update = updatesOf(id).get(agency);
        assertEquals("CLEARED", update.get("status"));
        assertEquals(false, update.get("clearedLate"));
        assertFalse(event("vn.govqms.document.tthc-list-update.cleared.v1", agency, id).get("late").asBoolean());
    }

    @Test
    void onlyTheProvinceRecordsItsDecisionsAndEachAgencySeesItsOwnWork() {
        String agency = ReviewTaskTests.agency("24", "Sở Nội vụ tỉnh Bắc Ninh");
        String neighbour = ReviewTaskTests.agency("24", "Sở Tài chính tỉnh Bắc Ninh");
        String foreignAgency = ReviewTaskTests.agency("37", "Sở Nội vụ tỉnh Ninh Bình");
        String tthc = QmsTests.tthc("Thủ tục thi tuyển công chức");
        String foreignTthc = given().auth().oauth2(TestTokens.provinceAdmin("37")).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Thủ tục xét tuyển viên chức","field":"Công chức, viên chức","level":"PROVINCIAL","processingDays":10,
                 "provinceCode":"37"}""".formatted(String.format("5.%06d.000.00.00.H37", ThreadLocalRandom.current().nextInt(999_999))))
                .post("/api/v1/administrative-procedures").then().statusCode(201).extract().path("id");
        List<String> both = List.of(agency, neighbour);

        decide(TestTokens.provinceAdmin("37"), "24", decisionNumber(), "2026-03-02", List.of(tthc), both).then().spec(problem(403));
        decide(TestTokens.agencyRole("agency-head", agency, "24"), "24", decisionNumber(), "2026-03-02", List.of(tthc), both)
                .then().spec(problem(403));
        decide(ADMIN, "24", decisionNumber(), "2026-03-02", List.of(foreignTthc), both).then().spec(problem(422));
        decide(ADMIN, "24", decisionNumber(), "2026-03-02", List.of(tthc), List.of(foreignAgency)).then().spec(problem(422));
        decide(ADMIN, "24", decisionNumber(), "2026-03-02", List.of(UUID.randomUUID().toString()), both).then().statusCode(422);
        decide(ADMIN, "24", decisionNumber(), "2026-03-02", List.of(), both).then().spec(problem(400));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"provinceCode\":\"24\",\"number\":\"1/QĐ-UBND\",\"procedureIds\":[\""
                + tthc + "\"]}").post("/api/v1/tthc-list-decisions").then().spec(problem(400));
        String number = decisionNumber();
        // Monday 2/3/2026 + 5 working days: Monday 9/3
        String id = decide(ADMIN, "24", number, "2026-03-02", List.of(tthc), both).then().statusCode(201)
                .body("dueDate", Matchers.equalTo("2026-03-09")).extract().path("id");
        decide(ADMIN, "24", number, "2026-03-02", List.of(tthc), both).then().spec(problem(409));

        // an agency's officers see their own work only
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        List<String> seen = given().auth().oauth2(officer).queryParam("decisionId", id).get("/api/v1/tthc-list-updates").then().statusCode(200)
                .extract().jsonPath().getList("items.agencyId");
        assertEquals(List.of(agency), seen);
        given().auth().oauth2(officer).queryParam("agencyId", neighbour).get("/api/v1/tthc-list-updates").then().spec(problem(403));
        assertEquals(0, given().auth().oauth2(TestTokens.provinceAdmin("37")).queryParam("decisionId", id).get("/api/v1/tthc-list-updates")
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        given().auth().oauth2(TestTokens.integration("24")).get("/api/v1/tthc-list-updates").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("status", "LATE").get("/api/v1/tthc-list-updates").then().spec(problem(400));
        given().auth().oauth2(ADMIN).queryParam("size", 100_000).get("/api/v1/tthc-list-updates").then().spec(problem(400));
    }
}
