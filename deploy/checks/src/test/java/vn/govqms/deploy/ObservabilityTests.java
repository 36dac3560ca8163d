package vn.govqms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.deploy.KubernetesManifestTests.at;
import static vn.govqms.deploy.KubernetesManifestTests.named;
import static vn.govqms.deploy.KubernetesManifestTests.ofKind;

/**
 * The operators' view (deploy/k8s/observability): the Grafana dashboards parse, are shipped in the ConfigMap Grafana
 * loads, and with the alert rules they name only metrics the services register, so that no panel stays empty and no
 * alert can never fire because of a misspelt name. The services' own metrics are read from their code (Micrometer
 * registrations, named as Prometheus shows them); the few that Quarkus's Micrometer binders add are listed below,
 * as seen on /q/metrics of a running service.
 */
@SuppressWarnings("unchecked")
class ObservabilityTests {

    /**
     * Registered by Quarkus's Micrometer extension, not by GovQMS code: the HTTP server binder (a timer per method and
     * route template: count, sum, max; no histogram buckets) and the Kafka client binder of the connector's consumers
     * and producers (client_id kafka-consumer-CHANNEL / kafka-producer-CHANNEL).
     */
    static final Set<String> FROM_QUARKUS_BINDERS = Set.of(
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_failed_authentication_total",
            "kafka_producer_failed_authentication_total");

    private static final Pattern REGISTRATION = Pattern.compile(
            "(Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\"([a-z0-9.]+)\"|registry\\.(counter|gauge|timer|summary)\\(\"([a-z0-9.]+)\"");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "bool",
            "offset", "group_left", "group_right");

    /** What the services' and the kit's code register, as Prometheus names it. */
    static Set<String> registeredMetrics() {
        Set<String> names = new TreeSet<>();
        List<String> modules = new ArrayList<>(Repo.SERVICES);
        modules.add("service-kit");
        for (String module : modules) {
            try (Stream<Path> files = Files.walk(Repo.file(module + "/src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = REGISTRATION.matcher(Files.readString(f));
                    while (m.find()) {
                        String kind = (m.group(1) != null ? m.group(1) : m.group(3)).toLowerCase();
                        String name = (m.group(2) != null ? m.group(2) : m.group(4)).replace('.', '_');
                        switch (kind) {
                            case "counter" -> names.add(name + "_total");
                            case "gauge" -> names.add(name);
                            case "timer" -> List.of("_seconds_count", "_seconds_sum", "_seconds_max").forEach(s -> names.add(name + s));
                            default -> List.of("_count", "_sum", "_max").forEach(s -> names.add(name + s));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The metric names in a PromQL expression: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricsIn(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new TreeMap<>();
        Map<String, Object> shipped = (Map<String, Object>) at(named("ConfigMap", "govqms-dashboards"), "data");
        assertEquals("1", String.valueOf(at(named("ConfigMap", "govqms-dashboards"), "metadata", "labels", "grafana_dashboard")),
                "Grafana's sidecar loads ConfigMaps labelled grafana_dashboard");
        try (Stream<Path> files = Files.list(Repo.file("deploy/k8s/observability/dashboards"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String name = f.getFileName().toString();
                assertEquals(Files.readString(f), shipped.get(name), name + " is shipped in the ConfigMap govqms-dashboards");
                dashboards.put(name, new ObjectMapper().readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(shipped.keySet(), dashboards.keySet());
        return dashboards;
    }

    /** Every PromQL expression of a dashboard: its panels' targets and its template variables' queries. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has no query");
            panel.path("targets").forEach(t -> exprs.add(t.get("expr").asText()));
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            String q = variable.path("query").isObject() ? variable.at("/query/query").asText() : variable.path("query").asText();
            Matcher m = Pattern.compile("label_values\\(([^,]+),").matcher(q);
            if (m.find()) {
                exprs.add(m.group(1));
            }
        }
        return exprs;
    }

    static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> r : ofKind("PrometheusRule")) {
            for (Map<String, Object> group : (List<Map<String, Object>>) at(r, "spec", "groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
        }
        return rules;
    }

    @Test
    void theDashboardsParseAndAreShippedToGrafana() {
        Map<String, JsonNode> dashboards = dashboards();
        assertFalse(dashboards.isEmpty());
        Set<String> uids = new TreeSet<>();
        for (Map.Entry<String, JsonNode> d : dashboards.entrySet()) {
            assertTrue(uids.add(d.getValue().path("uid").asText()), d.getKey() + " has a uid of its own");
            assertFalse(d.getValue().path("title").asText().isBlank(), d.getKey() + " title");
            assertFalse(d.getValue().path("panels").isEmpty(), d.getKey() + " has panels");
        }
    }

    @Test
    void everyMetricTheDashboardsAndAlertsNameIsOneTheServicesRegister() {
        Set<String> registered = new TreeSet<>(registeredMetrics());
        assertTrue(registered.containsAll(Set.of("govqms_outbox_pending", "govqms_outbox_published_total",
                "govqms_events_dead_lettered_total", "govqms_events_consumed_total")), "read from the code: " + registered);
        registered.addAll(FROM_QUARKUS_BINDERS);
        Map<String, Set<String>> unknown = new TreeMap<>();
        dashboards().forEach((name, d) -> expressions(d).forEach(e -> metricsIn(e).stream().filter(m -> !registered.contains(m))
                .forEach(m -> unknown.computeIfAbsent(name, k -> new TreeSet<>()).add(m))));
        alertRules().forEach(r -> metricsIn((String) r.get("expr")).stream().filter(m -> !registered.contains(m))
                .forEach(m -> unknown.computeIfAbsent("alert " + r.get("alert"), k -> new TreeSet<>()).add(m)));
        assertTrue(unknown.isEmpty(), "metrics no service registers: " + unknown);
        // the reader must not be fooled: a misspelt name is found
        assertEquals(Set.of("govqms_outbox_pendnig"), metricsIn("max by (service) (govqms_outbox_pendnig{namespace=\"govqms\"}) > 0"));
        // Quarkus's binders are on: nothing switches them off
        for (String svc : Repo.SERVICES) {
            Repo.config(svc).stringPropertyNames().forEach(k -> assertFalse(k.startsWith("quarkus.micrometer.") && k.contains("enabled")
                    && Repo.config(svc).getProperty(k).equals("false"), svc + " disables " + k));
        }
    }

    @Test
    void theDashboardsShowOutboxConsumersDeadLettersLatencyPerOperationAndTheDeliveryQueues() {
        Set<String> shown = new TreeSet<>();
        dashboards().values().forEach(d -> expressions(d).forEach(e -> shown.addAll(metricsIn(e))));
        assertTrue(shown.containsAll(Set.of("govqms_outbox_pending", "govqms_outbox_published_total",
                "kafka_consumer_fetch_manager_records_lag_max", "govqms_events_dead_lettered_total",
                "http_server_requests_seconds_sum", "http_server_requests_seconds_count", "govqms_email_pending",
                "govqms_webhooks_pending", "govqms_email_oldest_due_seconds", "govqms_webhooks_oldest_due_seconds")), "shown: " + shown);
        boolean perOperation = dashboards().values().stream().flatMap(d -> expressions(d).stream())
                .anyMatch(e -> e.contains("http_server_requests_seconds_sum") && e.matches("(?s).*by \\([^)]*\\bmethod\\b[^)]*\\buri\\b.*"));
        assertTrue(perOperation, "HTTP latency per operation (method and route)");
    }

    /** The port of the collector the platform ConfigMap sends traces to. */
    static String collectorPort() {
        String endpoint = (String) at(named("ConfigMap", "govqms-platform"), "data", "OTEL_EXPORTER_OTLP_ENDPOINT");
        assertNotNull(endpoint, "the platform ConfigMap names the trace collector (OTEL_EXPORTER_OTLP_ENDPOINT)");
        return String.valueOf(URI.create(endpoint).getPort());
    }

    @Test
    void everyServiceExportsTracesToTheCollectorUnderItsOwnNameAtTheMeasuredRatio() {
        Map<String, Object> platform = (Map<String, Object>) at(named("ConfigMap", "govqms-platform"), "data");
        String endpoint = (String) platform.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        assertTrue(endpoint != null && endpoint.matches("https?://[^/]+:\\d+"), "OTLP over gRPC to host:port: " + endpoint);
        assertEquals("4317", collectorPort(), "OTLP over gRPC");
        // the ratio docs/DEPLOYMENT.md's measurement covers; 1.0 cost the fan-out's relay a measurable share
        assertEquals("0.1", platform.get("OTEL_TRACES_SAMPLER_ARG"));
        Properties kit = Repo.config("document-service");
        assertEquals("${OTEL_EXPORTER_OTLP_ENDPOINT:http://localhost:4317}", kit.getProperty("quarkus.otel.exporter.otlp.endpoint"));
        assertTrue(kit.getProperty("quarkus.otel.traces.sampler.arg").startsWith("${OTEL_TRACES_SAMPLER_ARG:"));
        assertTrue(kit.getProperty("quarkus.otel.service.name").startsWith("${OTEL_SERVICE_NAME:"));
        for (String svc : Repo.SERVICES) {
            assertEquals("parentbased_traceidratio", Repo.config(svc).getProperty("quarkus.otel.traces.sampler"), svc);
            Map<String, Object> container = ((List<Map<String, Object>>) at(named("Deployment", svc), "spec", "template", "spec",
                    "containers")).get(0);
            assertEquals(svc, ((List<Map<String, Object>>) container.get("env")).stream()
                    .filter(e -> "OTEL_SERVICE_NAME".equals(e.get("name"))).map(e -> e.get("value")).findFirst().orElse(null),
                    svc + " names itself in its traces");
            assertTrue(((List<Map<String, Object>>) container.get("envFrom")).stream()
                    .anyMatch(e -> "govqms-platform".equals(at(e, "configMapRef", "name"))), svc + " reads the platform ConfigMap");
        }
    }

    @Test
    void alertsFireOnAGrowingOutboxConsumerLagAndDeadLetters() {
        Map<String, Set<String>> watched = new TreeMap<>();
        for (Map<String, Object> rule : alertRules()) {
            String name = (String) rule.get("alert");
            assertTrue(name != null && name.startsWith("Govqms"), "an alert rule: " + rule);
            assertTrue(Set.of("warning", "critical").contains(at(rule, "labels", "severity")), name + " severity");
            assertFalse(String.valueOf(at(rule, "annotations", "summary")).isBlank(), name + " summary");
            assertTrue(rule.get("for") == null || rule.get("for").toString().matches("\\d+[smh]"), name + " for");
            watched.put(name, metricsIn((String) rule.get("expr")));
        }
        assertTrue(watched.values().stream().anyMatch(m -> m.contains("govqms_outbox_pending")), "a growing outbox");
        assertTrue(watched.values().stream().anyMatch(m -> m.contains("kafka_consumer_fetch_manager_records_lag_max")), "consumer lag");
        assertTrue(watched.values().stream().anyMatch(m -> m.contains("govqms_events_dead_lettered_total")), "dead letters");
        assertTrue(watched.values().stream().anyMatch(m -> m.contains("govqms_email_oldest_due_seconds")), "a stuck e-mail queue");
        assertTrue(watched.values().stream().anyMatch(m -> m.contains("govqms_webhooks_oldest_due_seconds")), "a stuck webhook queue");
        Map<String, Object> rule = ofKind("PrometheusRule").get(0);
        assertEquals("govqms", at(rule, "metadata", "namespace"));
    }
}
