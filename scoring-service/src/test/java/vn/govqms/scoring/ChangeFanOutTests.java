package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;

/** A change's fan-out (one review event per procedure) moves an agency's indicators once and logs one line per agency. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ChangeFanOutTests {

    static final Pattern GROUPED = Pattern.compile("^Cần rà soát (\\d+) quy trình \\(.*\\) trước 2030-10-01: Nghị định 61/2018/NĐ-CP được thay thế bởi 118/2025/NĐ-CP$");

    @Test
    void aChangeOfEightProceduresIsOneLineOfTheAgencysLogNotEight() {
        String p = Fixtures.province();
        CriteriaSets.activeSet(p, 2020);
        String agency = Fixtures.agency(p, "Sở Tài chính tỉnh " + p);
        String cause = UUID.randomUUID().toString();
        String type = "vn.govqms.document.procedure-review.required.v1";
        TestKafka.publishCloudEvents("document.events", type, IntStream.range(0, 8).mapToObj(i -> Map.entry(agency, """
                {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-TC-%02d","documentTitle":"Quy trình %d","revision":1,
                 "causeType":"LEGAL_DOCUMENT","causeId":"%s","causeKind":"REPLACED",
                 "causeSummary":"Nghị định 61/2018/NĐ-CP được thay thế bởi 118/2025/NĐ-CP","effectiveDate":"2030-07-01","dueDate":"2030-10-01"}"""
                .formatted(UUID.randomUUID(), agency, UUID.randomUUID(), i, i, cause))).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDb.count(Fixtures.db(), "select count(*) from review_track where agency_id = '"
                + agency + "'") == 8);
        JsonPath log = given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/indicators", agency).then()
                .statusCode(200).extract().jsonPath();
        List<String> lines = log.getList("movedBy.findAll { it.type == '" + type + "' }.summary");
        // the events of a poll are one line per agency and change (a poll that took only some of them: one line for those)
        assertTrue(lines.size() < 8, lines.toString());
        int procedures = 0;
        for (String line : lines) {
            Matcher m = GROUPED.matcher(line);
            procedures += m.matches() ? Integer.parseInt(m.group(1)) : 1;
        }
        assertEquals(8, procedures, lines.toString());
        assertEquals(lines.size(), TestDb.count(Fixtures.db(), "select count(*) from indicator_event where agency_id = '" + agency + "'"));
    }
}
