package vn.govqms.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract test of a publishing service: the schemas it serves at {@code /events/index.json}
 * match what it really sends. Every event on its topic is read back from the broker and validated,
 * CloudEvents headers included, until each published type has been seen.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    /** The schemas the service under test publishes, by event type (from its {@code index.json} {@code events}). */
    public static Map<String, JsonSchema> published() {
        JsonNode index = read(given().get("/events/index.json").then().statusCode(200).extract().asString());
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (JsonNode e : index.get("events")) {
            schemas.put(e.get("type").asText(), schema(e.get("schema").asText()));
        }
        return schemas;
    }

    /** A schema the service serves, e.g. one of the events it consumes. */
    public static JsonSchema schema(String path) {
        return FACTORY.getSchema(given().get(path).then().statusCode(200).extract().asString());
    }

    /**
     * Checks the published schemas ({@code expectedTypes} of them), runs {@code produceEveryType}, then
     * validates every record on {@code topic} until each type was seen.
     */
    public static void assertEverySentEventMatches(String topic, String service, int expectedTypes, Runnable produceEveryType) {
        Map<String, JsonSchema> schemas = published();
        assertEquals(expectedTypes, schemas.size(), "published event types");
        produceEveryType.run();
        Set<String> seen = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                String type = TestKafka.header(r, "ce_type");
                JsonSchema schema = schemas.get(type);
                assertTrue(schema != null, "no published schema for " + type);
                Set<ValidationMessage> errors = schema.validate(read(r.value()));
                assertTrue(errors.isEmpty(), type + " " + r.value() + " breaks its schema: " + errors);
                assertEquals("1.0", TestKafka.header(r, "ce_specversion"));
                assertEquals("/govqms/" + service, TestKafka.header(r, "ce_source"));
                assertEquals("application/json", TestKafka.header(r, "content-type"));
                assertTrue(TestKafka.header(r, "ce_id") != null && TestKafka.header(r, "ce_time") != null);
                seen.add(type);
            }
            return seen.containsAll(schemas.keySet());
        });
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
