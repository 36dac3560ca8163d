package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.EventSchemas;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Fixtures.admin;

/**
 * The published event schemas (served at /events/) match what this service really sends: every type is
 * produced here, read back from scoring.events and validated, headers included; the ingress schema of
 * dossier events accepts the items the tests send.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class EventSchemaTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventSentMatchesItsPublishedSchema() {
        EventSchemas.assertEverySentEventMatches("scoring.events", "scoring-service", 5, this::produceEveryType);
    }

    @Test
    void theDossierIngressSchemaAcceptsWhatIsSent() throws Exception {
        JsonNode index = JSON.readTree(given().get("/events/index.json").then().statusCode(200).extract().asString());
        JsonSchema schema = EventSchemas.schema(index.get("consumes").get(0).get("schema").asText());
        JsonNode item = JSON.readTree(DossierTests.item("000.00.53.H48-220921-0099", "agencyCode", "000.00.53.H48", "1.001612", "RESOLVED",
                "2022-09-28T15:30:00+07:00", ",\"apologyNewDueAt\":\"2022-10-05T17:00:00+07:00\""));
        assertTrue(schema.validate(item).isEmpty());
        // an unknown channel and no agency at all are refused
        assertFalse(schema.validate(JSON.readTree("{\"dossierCode\":\"x\",\"tthcCode\":\"1\",\"channel\":\"FAX\",\"status\":\"RECEIVED\","
                + "\"occurredAt\":\"2022-09-28T15:30:00+07:00\"}")).isEmpty());
    }

    /** Assessments submitted and published, a first live score, objectives at risk and missed. */
    private void produceEveryType() {
        int year = LocalDate.now(VIETNAM).getYear();
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Khoa học và Công nghệ");
        CriteriaSets.activeSet(p, 2020);
        String head = TestTokens.agencyRole("agency-head", agency, p);
        String self = AssessmentTests.start(head, agency, "SELF");
        AssessmentTests.score(head, self, 0, "30");
        given().auth().oauth2(head).post("/api/v1/assessments/{id}/submit", self).then().statusCode(200);
        given().auth().oauth2(head).post("/api/v1/assessments/{id}/finalise", self).then().statusCode(200);
        given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200);
        for (int y : new int[] {year, year - 1}) {
            given().auth().oauth2(head).contentType(ContentType.JSON).body("""
                    {"agencyId":"%s","year":%d,"title":"Đánh giá nội bộ ít nhất 1 lần","kpi":"INTERNAL_AUDITS_HELD","comparison":"AT_LEAST","target":1}"""
                    .formatted(agency, y)).post("/api/v1/quality-objectives").then().statusCode(201);
        }
    }
}
