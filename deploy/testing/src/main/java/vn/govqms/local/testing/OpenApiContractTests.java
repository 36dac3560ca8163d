package vn.govqms.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service's OpenAPI document must say, read as a client generator reads it ({@code /q/openapi?format=json}):
 * each operation named, the standard problem responses present and typed as the one Problem schema, an example in the
 * body of every write, the paging parameters described, and every read of one resource conditional (ETag, 304). A service's test class extends this (with
 * {@code @QuarkusTest} and the real-parts resource) and adds its own refusals.
 */
public abstract class OpenApiContractTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> WRITES = Set.of("post", "put", "patch");

    /** One operation of the document, with the parameters of its path and its own. */
    protected record Op(String path, String method, JsonNode spec, List<JsonNode> parameters) {

        String name() {
            return method.toUpperCase() + " " + path + " (" + spec.path("operationId").asText("?") + ")";
        }

        boolean hasParameter(String in, String name) {
            return parameters.stream().anyMatch(p -> p.path("in").asText().equals(in) && p.path("name").asText().equalsIgnoreCase(name));
        }
    }

    private static JsonNode document;

    /** The document as the service serves it (read once per test class's JVM). */
    protected static synchronized JsonNode document() {
        if (document == null) {
            try {
                String text = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
                document = JSON.readTree(text);
                // kept for review beside the test reports
                Files.writeString(Path.of("target", "openapi-served.json"), text);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return document;
    }

    protected static List<Op> operations() {
        List<Op> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    List<JsonNode> parameters = new ArrayList<>();
                    path.getValue().path("parameters").forEach(parameters::add);
                    op.getValue().path("parameters").forEach(parameters::add);
                    out.add(new Op(path.getKey(), op.getKey(), op.getValue(), parameters));
                }
            }
        }
        return out;
    }

    @Test
    void everyOperationHasAnIdAndTheStandardProblemResponses() {
        List<String> wrong = new ArrayList<>();
        List<Op> operations = operations();
        assertTrue(operations.size() > 3, "operations found: " + operations.size());
        for (Op op : operations) {
            if (op.spec().path("operationId").asText().isBlank()) {
                wrong.add(op.name() + ": no operationId");
            }
            List<String> expected = new ArrayList<>();
            if (!op.spec().path("security").isEmpty()) {
                expected.addAll(List.of("401", "403"));
            }
            if (!op.parameters().isEmpty() || op.spec().has("requestBody")) {
                expected.add("400");
            }
            if (op.path().contains("{")) {
                expected.add("404");
            }
            if (op.hasParameter("header", "If-Match")) {
                expected.addAll(List.of("409", "412", "428"));
            }
            if (WRITES.contains(op.method()) || op.method().equals("delete")) {
                expected.add("422");
            }
            JsonNode responses = op.spec().path("responses");
            for (String code : expected) {
                if (!responses.has(code)) {
                    wrong.add(op.name() + ": no " + code);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    String ref = response.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText();
                    if (!ref.equals("#/components/schemas/Problem")) {
                        wrong.add(op.name() + ": " + response.getKey() + " is not a Problem as application/problem+json");
                    }
                }
            }
        }
        assertTrue(document().path("components").path("schemas").path("Problem").path("properties").has("errors"),
                "the Problem schema is in the components");
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " gaps:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void everyWriteWithAJsonBodyHasAnExample() {
        List<String> missing = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode media = op.spec().path("requestBody").path("content").path("application/json");
            if (!WRITES.contains(op.method()) || media.isMissingNode()) {
                continue;
            }
            if (!hasExample(media)) {
                missing.add(op.name());
            }
        }
        assertTrue(missing.isEmpty(), () -> missing.size() + " writes without a request example:\n  " + String.join("\n  ", missing));
    }

    @Test
    void everyPagedListDescribesItsPaging() {
        int lists = 0;
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            for (JsonNode p : op.parameters()) {
                String name = p.path("name").asText();
                if (p.path("in").asText().equals("query") && (name.equals("page") || name.equals("size"))) {
                    lists += name.equals("page") ? 1 : 0;
                    if (p.path("description").asText().isBlank() || (!p.has("example") && !p.path("schema").has("example"))) {
                        wrong.add(op.name() + ": " + name);
                    }
                }
            }
        }
        assertTrue(lists > 0, "no paged list found");
        assertTrue(wrong.isEmpty(), () -> "paging parameters without description or example:\n  " + String.join("\n  ", wrong));
    }

    /**
     * A read of one resource (a GET whose path ends in a parameter and whose 200 is one JSON object, not an array or a
     * page) documents its ETag and the 304 of If-None-Match, so that an app that syncs knows it may ask conditionally.
     */
    @Test
    void everySingleResourceReadDocumentsItsETagAndNotModified() {
        int reads = 0;
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode schema = op.spec().path("responses").path("200").path("content").path("application/json").path("schema");
            if (!op.method().equals("get") || !op.path().endsWith("}") || schema.isMissingNode()
                    || schema.path("type").asText().equals("array") || schema.path("$ref").asText().startsWith("#/components/schemas/Page")) {
                continue;
            }
            reads++;
            if (!op.spec().path("responses").path("200").path("headers").has("ETag")) {
                wrong.add(op.name() + ": no ETag header on 200");
            }
            if (!op.spec().path("responses").has("304")) {
                wrong.add(op.name() + ": no 304");
            }
        }
        assertTrue(reads > 0, "no read of one resource found");
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " reads without conditional answers:\n  " + String.join("\n  ", wrong));
    }

    /** A query parameter that does not convert is a 400 problem whose errors name it. */
    protected static void assertBadQueryParameter(String token, String path, String parameter, String value) {
        JsonNode problem;
        try {
            problem = JSON.readTree(given().auth().oauth2(token).queryParam(parameter, value).get(path)
                    .then().statusCode(400).contentType("application/problem+json").extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("https://govqms.vn/problems/validation", problem.path("type").asText());
        assertEquals(parameter, problem.path("errors").path(0).path("field").asText(), problem.toString());
    }

    private static boolean hasExample(JsonNode media) {
        if (media.has("example") || !media.path("examples").isEmpty()) {
            return true;
        }
        JsonNode schema = media.path("schema");
        for (int i = 0; i < 5 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asText();
            schema = document().path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        // OpenAPI 3.1 writes a schema's example as examples: [..]
        return schema.has("example") || !schema.path("examples").isEmpty();
    }
}
