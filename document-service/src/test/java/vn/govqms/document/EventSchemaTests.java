package vn.govqms.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published event schemas (served at /events/) match what this service really sends: every
 * event type is produced here, read back from the broker and validated, headers included.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class EventSchemaTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventSentMatchesItsPublishedSchema() throws Exception {
        JsonNode index = JSON.readTree(given().get("/events/index.json").then().statusCode(200).extract().asString());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (JsonNode e : index.get("events")) {
            String body = given().get(e.get("schema").asText()).then().statusCode(200).extract().asString();
            schemas.put(e.get("type").asText(), factory.getSchema(body));
        }
        assertEquals(17, schemas.size());

        produceEveryType();

        Set<String> seen = new HashSet<>();
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            List<ConsumerRecord<String, String>> all = TestKafka.readAll("document.events");
            for (ConsumerRecord<String, String> r : all) {
                String type = TestKafka.header(r, "ce_type");
                JsonSchema schema = schemas.get(type);
                assertTrue(schema != null, "no published schema for " + type);
                Set<ValidationMessage> errors = schema.validate(JSON.readTree(r.value()));
                assertTrue(errors.isEmpty(), type + " " + r.value() + " breaks its schema: " + errors);
                assertEquals("1.0", TestKafka.header(r, "ce_specversion"));
                assertEquals("/govqms/document-service", TestKafka.header(r, "ce_source"));
                assertEquals("application/json", TestKafka.header(r, "content-type"));
                assertTrue(TestKafka.header(r, "ce_id") != null && TestKafka.header(r, "ce_time") != null);
                seen.add(type);
            }
            return seen.containsAll(schemas.keySet());
        });
    }

    /** One of each: agency, legal and TTHC changes, a document lifecycle, reviews resolved and overdue. */
    private void produceEveryType() {
        String splitSource = ReviewTaskTests.agency("11", "Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên");
        given().auth().oauth2(TestTokens.provinceAdmin("11")).contentType(ContentType.JSON)
                .body(MergerTests.split(splitSource, "[]", ReviewTaskTests.agency("11", "Sở Du lịch tỉnh Điện Biên")))
                .post("/api/v1/agencies/splits").then().statusCode(200);
        String agency = ReviewTaskTests.agency("24", "Sở Y tế tỉnh Bắc Giang");
        String admin = TestTokens.provinceAdmin("24");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Sở Y tế tỉnh Bắc Giang (mới)\"}").put("/api/v1/agencies/{id}", agency).then().statusCode(200);
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2012-01-01", "[]");
        String code = String.format("3.%06d.000.00.00.H24", (int) (Math.random() * 999_999));
        String tthc = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Cấp giấy phép hành nghề","field":"Y tế","level":"PROVINCIAL","processingDays":20,"provinceCode":"24"}"""
                .formatted(code)).post("/api/v1/administrative-procedures").then().statusCode(201).extract().path("id");
        String doc = ReviewTaskTests.procedure(agency, "24", "TTHC_PROCEDURE", law, code, true);
        ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2013-01-01", "[{\"kind\":\"AMENDS\",\"targetId\":\"" + law + "\"}]");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"name":"Cấp giấy phép hành nghề","field":"Y tế","level":"PROVINCIAL","processingDays":15,"effectiveDate":"2033-01-01"}""")
                .put("/api/v1/administrative-procedures/{id}", tthc).then().statusCode(200);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipients\":[{\"kind\":\"UNIT\",\"name\":\"Bộ phận Một cửa\"}]}")
                .post("/api/v1/documents/{id}/versions/1/distribution", doc).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"recipient\":{\"kind\":\"UNIT\",\"name\":\"Bộ phận Một cửa\"}}")
                .post("/api/v1/documents/{id}/versions/1/acknowledgements", doc).then().statusCode(200);
        String task = given().auth().oauth2(admin).queryParam("causeId", tthc).get("/api/v1/review-tasks").then().statusCode(200)
                .extract().path("items[0].id");
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", agency, "24")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"NO_CHANGE\",\"note\":\"Thời hạn mới vẫn đủ cho các bước\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200);
        given().auth().oauth2(TestTokens.agencyRole("agency-head", agency, "24")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Thay bằng quy trình liên thông\"}").post("/api/v1/documents/{id}/versions/1/abolish", doc)
                .then().statusCode(200);
        QmsTests.announce(agency, "24");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"procedureIds\":[\"" + tthc + "\"],\"since\":\"2025-07-01\"}")
                .put("/api/v1/agencies/{id}/administrative-procedures", agency).then().statusCode(200);
        String successor = ReviewTaskTests.agency("24", "Sở Y tế và Dân số tỉnh Bắc Giang");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"sourceAgencyIds\":[\"" + agency + "\"],\"successorId\":\"" + successor + "\",\"effectiveDate\":\"2025-07-01\"}")
                .post("/api/v1/agencies/merges").then().statusCode(200);
    }
}
