package vn.govqms.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input generated from each service's OpenAPI document: for every operation, malformed JSON, bodies of the wrong
 * shape, each field with the wrong type, null, huge, an invalid enum or date, NFD Vietnamese, SQL and script fragments,
 * extra fields, wrong content types; every query parameter with wrong, negative, huge and invalid values; every path
 * parameter malformed or unknown. Not one answer may be a 5xx, every error is application/problem+json, and every
 * answer carries X-Content-Type-Options: nosniff.
 */
class BadInputIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> SERVICES = List.of("document-service", "audit-service", "scoring-service", "notification-service");
    static final String NFD = Normalizer.normalize("Quy trình tiếp nhận hồ sơ Sở Tư pháp tỉnh Bắc Giang", Normalizer.Form.NFD);
    static final String SQL = "'; drop table agency; --";
    static final String SCRIPT = "<script>alert('xss')</script>";
    static final String HUGE = "Đ".repeat(100_000);

    record Request(String service, String method, String path, String contentType, String body, String why) {
    }

    record Outcome(Request request, int status, String contentType, boolean noSniff) {
    }

    // HTTP/1.1: the JDK client's default h2c upgrade once misread the OpenAPI answer as HTTP/2 frames (CI, 22 Nov)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thousandsOfMalformedRequestsGetA4xxProblemAndNeverA5xx() throws Exception {
        Api api = Api.get();
        String p = "64";
        String agency = api.agency(p, "Sở Khoa học và Công nghệ tỉnh Gia Lai", "DEPARTMENT");
        String officer = api.token("iso-officer", agency, p);
        String document = api.document(officer).body("""
                {"agencyId":"%s","code":"QT-KHCN-01","title":"Quy trình thẩm định công nghệ","type":"OPERATIONAL_PROCEDURE",
                 "content":{"steps":[{"order":1,"name":"Tiếp nhận","responsibleUnit":"Văn phòng","durationDays":1}]}}""".formatted(agency))
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        Map<String, String> known = Map.of("/api/v1/agencies/{id}", agency, "/api/v1/documents/{id}", document);

        List<Request> requests = new ArrayList<>();
        for (String service : SERVICES) {
            String base = api.stack().service(service).baseUrl();
            generate(service, openapi(http, base), known, requests);
        }

        String token = api.token("province-admin", null, p);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Outcome> outcomes = senders.invokeAll(requests.stream()
                .map(r -> (Callable<Outcome>) () -> send(api, r, token)).toList()).stream().map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        senders.shutdown();
        int sent = outcomes.size();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status(), 1, Integer::sum));
        // issue 17: every answer of every service, refusals included, forbids content sniffing
        List<Outcome> bad = outcomes.stream().filter(o -> o.status() >= 500 || !o.noSniff()
                || (o.status() >= 400 && !o.contentType().startsWith("application/problem+json"))).toList();
        System.out.printf("e2e: bad input sent in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.printf("e2e: %d malformed requests over %d generated, answers %s, %d wrong%n", sent, requests.size(), byStatus, bad.size());
        bad.stream().limit(40).forEach(o -> System.out.printf("  %d %s%s  %s %s %s (%s)%n", o.status(), o.contentType(),
                o.noSniff() ? "" : " without nosniff",
                o.request().service(), o.request().method(), o.request().path(), o.request().why()));
        assertTrue(sent >= 2000, "at least 2,000 requests: " + sent);
        assertTrue(bad.isEmpty(), () -> bad.size() + " answers were a 5xx, not problem+json or without nosniff; the first: " + bad.get(0));
    }

    private Outcome send(Api api, Request r, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.stack().service(r.service()).baseUrl() + r.path()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (r.body() != null) {
            b.header("Content-Type", r.contentType()).method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
        } else {
            b.method(r.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (r.method().equals("PUT") || r.method().equals("DELETE")) {
            b.header("If-Match", "\"0\"");
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(r, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    "nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse("")));
        } catch (Exception e) {
            return new Outcome(r, 599, e.getClass().getSimpleName(), false);
        }
    }

    /** Every malformed variant of every operation of one service. */
    static void generate(String service, JsonNode openapi, Map<String, String> known, List<Request> out) {
        JsonNode schemas = openapi.path("components").path("schemas");
        for (Operation o : operations(openapi)) {
            String template = o.template();
            String method = o.method();
            JsonNode spec = o.spec();
            List<JsonNode> parameters = o.parameters();
            String path = fill(template, parameters, known, null, null);
            Map<String, String> query = new LinkedHashMap<>();

            // path parameters: malformed, hostile, unknown
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asText().equals("path")) {
                    String name = parameter.path("name").asText();
                    for (String value : List.of("not-a-uuid", SQL, UUID.randomUUID().toString())) {
                        out.add(new Request(service, method, fill(template, parameters, known, name, value), "application/json",
                                bodyFor(spec, schemas), "path " + name + "=" + abbreviate(value)));
                    }
                }
            }
            // query parameters: wrong type, negative, huge, invalid enum or date, hostile
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asText().equals("query")) {
                    String name = parameter.path("name").asText();
                    for (String value : List.of("abc", "-1", "99999999999999999999", "x".repeat(3000), SQL)) {
                        query.clear();
                        query.put(name, value);
                        out.add(new Request(service, method, path + queryString(query), "application/json",
                                bodyFor(spec, schemas), "query " + name + "=" + abbreviate(value)));
                    }
                }
            }
            // bodies
            JsonNode media = spec.path("requestBody").path("content");
            if (media.isMissingNode() || media.isEmpty()) {
                continue;
            }
            String type = media.fieldNames().next();
            JsonNode schema = resolve(media.path(type).path("schema"), schemas);
            for (String body : List.of("{\"a\":", "[]", "null", "\"text\"", "{}")) {
                out.add(new Request(service, method, path, "application/json", body, "body " + abbreviate(body)));
            }
            if (!type.equals("application/json")) {
                continue;
            }
            JsonNode example = example(schema, schemas, 0);
            out.add(new Request(service, method, path, "text/plain", example.toString(), "text/plain"));
            if (example instanceof ObjectNode object) {
                ObjectNode extra = object.deepCopy();
                extra.put("unknownField", "giá trị lạ");
                extra.set("__proto__", NODES.objectNode().put("admin", true));
                out.add(new Request(service, method, path, "application/json", extra.toString(), "extra fields"));
                JsonNode properties = schema.path("properties");
                int index = 0;
                for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); index++) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode fieldSchema = resolve(field.getValue(), schemas);
                    for (Map.Entry<String, JsonNode> variant : variants(fieldSchema, schemas, index).entrySet()) {
                        ObjectNode mutated = object.deepCopy();
                        mutated.set(field.getKey(), variant.getValue());
                        out.add(new Request(service, method, path, "application/json", mutated.toString(),
                                field.getKey() + ": " + variant.getKey()));
                    }
                }
            }
        }
    }

    /** An operation of a service's OpenAPI document: its path template, method, description and all its parameters. */
    record Operation(String template, String method, JsonNode spec, List<JsonNode> parameters) {
    }

    /** The service's OpenAPI document, as it serves it. */
    static JsonNode openapi(HttpClient http, String baseUrl) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Every GET, POST, PUT, DELETE and PATCH of the document, with the parameters of its path and its own. */
    static List<Operation> operations(JsonNode openapi) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    List<JsonNode> parameters = new ArrayList<>();
                    entry.getValue().path("parameters").forEach(parameters::add);
                    op.getValue().path("parameters").forEach(parameters::add);
                    out.add(new Operation(entry.getKey(), method, op.getValue(), parameters));
                }
            }
        }
        return out;
    }

    /** The wrong values for one field of a given schema; the costly ones (huge values) only for the first fields. */
    static Map<String, JsonNode> variants(JsonNode schema, JsonNode schemas, int index) {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        String type = schema.path("type").asText("object");
        v.put("null", NODES.nullNode());
        switch (type) {
            case "string" -> {
                v.put("number instead", NODES.numberNode(12));
                List<String> specials = List.of(NFD, SQL, SCRIPT, "");
                v.put("special " + index % specials.size(), NODES.textNode(specials.get(index % specials.size())));
                if (index < 1) {
                    v.put("huge string", NODES.textNode(HUGE));
                }
                if (schema.has("enum")) {
                    v.put("invalid enum", NODES.textNode("KHONG_CO"));
                }
                String format = schema.path("format").asText("");
                if (format.startsWith("date")) {
                    v.put("invalid date", NODES.textNode(index % 2 == 0 ? "2025-02-30" : "hôm qua"));
                }
                if (format.equals("uuid")) {
                    v.put("not a uuid", NODES.textNode("123"));
                    v.put("unknown uuid", NODES.textNode(UUID.randomUUID().toString()));
                }
            }
            case "integer", "number" -> {
                v.put("string instead", NODES.textNode("mười"));
                v.put("negative", NODES.numberNode(-1));
                v.put("huge", NODES.numberNode(new BigInteger("99999999999999999999999")));
            }
            case "boolean" -> v.put("string instead", NODES.textNode("có"));
            case "array" -> {
                v.put("string instead", NODES.textNode("a"));
                v.put("array of nulls", NODES.arrayNode().addNull().addNull());
                if (index < 2) {
                    ArrayNode huge = NODES.arrayNode();
                    JsonNode item = example(resolve(schema.path("items"), schemas), schemas, 1);
                    for (int i = 0; i < 6_000; i++) {
                        huge.add(item);
                    }
                    v.put("huge array", huge);
                }
            }
            default -> v.put("string instead", NODES.textNode("a"));
        }
        return v;
    }

    /** A plausible value for a schema: its example where there is one, else one of the right type. */
    static JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
        schema = resolve(schema, schemas);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (schema.path("type").asText(schema.has("properties") ? "object" : "string")) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(f -> o.set(f.getKey(), example(f.getValue(), schemas, depth + 1)));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(example(schema.path("items"), schemas, depth + 1));
                }
                return a;
            }
            case "integer", "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                String format = schema.path("format").asText("");
                return NODES.textNode(format.equals("uuid") ? UUID.randomUUID().toString()
                        : format.equals("date") ? "2026-01-01" : format.equals("date-time") ? "2026-01-01T08:00:00+07:00" : "Sở Tư pháp");
            }
        }
    }

    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        for (int i = 0; i < 10 && schema != null; i++) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                schema = schema.get("allOf").get(0);
            } else {
                break;
            }
        }
        return schema == null ? NODES.objectNode() : schema;
    }

    static String bodyFor(JsonNode op, JsonNode schemas) {
        JsonNode media = op.path("requestBody").path("content").path("application/json");
        return media.isMissingNode() ? null : example(media.path("schema"), schemas, 0).toString();
    }

    static String fill(String template, List<JsonNode> parameters, Map<String, String> known, String name, String value) {
        String path = template;
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String n = parameter.path("name").asText();
            String v = n.equals(name) ? value : null;
            if (v == null) {
                v = known.entrySet().stream().filter(k -> template.startsWith(k.getKey()) && n.equals("id")).map(Map.Entry::getValue)
                        .findFirst().orElse(n.equals("revision") || n.equals("no") ? "1" : UUID.randomUUID().toString());
            }
            path = path.replace("{" + n + "}", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    static String queryString(Map<String, String> query) {
        StringBuilder b = new StringBuilder();
        query.forEach((k, v) -> b.append(b.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
    }
}
