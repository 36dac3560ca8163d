package vn.govqms.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s cannot be applied here (no cluster): this renders the kustomization as kubectl would (its resources
 * with its patches applied, {@link Kustomize}) and checks kinds, probes, resources, autoscaling and the references
 * between resources (secrets of the CloudNativePG clusters and of the Kafka users, the platform ConfigMap, Strimzi
 * topics of the services' channels). {@link ClusterSecurityTests} checks who may talk to whom.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestTests {

    static final List<Map<String, Object>> RESOURCES = Kustomize.render("deploy/k8s");

    static List<Map<String, Object>> ofKind(String kind) {
        return RESOURCES.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    static Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(at(r, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static Object at(Object node, String... path) {
        Object n = node;
        for (String p : path) {
            if (!(n instanceof Map)) {
                return null;
            }
            n = ((Map<String, Object>) n).get(p);
        }
        return n;
    }

    @Test
    void everythingLivesInTheNamespaceAndEveryKindIsThere() {
        for (Map<String, Object> r : RESOURCES) {
            if (!"Namespace".equals(r.get("kind"))) {
                assertEquals("govqms", at(r, "metadata", "namespace"), r.get("kind") + " " + at(r, "metadata", "name"));
            }
        }
        for (String kind : List.of("Namespace", "ConfigMap", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster",
                "Deployment", "Service", "HorizontalPodAutoscaler", "Job", "NetworkPolicy", "Ingress", "PrometheusRule")) {
            assertFalse(ofKind(kind).isEmpty(), "no " + kind);
        }
    }

    @Test
    void kafkaRunsInKraftModeAndHasEveryTopicTheServicesUse() {
        Map<String, Object> kafka = ofKind("Kafka").get(0);
        String cluster = (String) at(kafka, "metadata", "name");
        assertEquals("enabled", at(kafka, "metadata", "annotations", "strimzi.io/kraft"));
        assertEquals("enabled", at(kafka, "metadata", "annotations", "strimzi.io/node-pools"));
        assertNotNull(at(kafka, "spec", "entityOperator", "topicOperator"), "topics are managed as KafkaTopic resources");
        for (Map<String, Object> pool : ofKind("KafkaNodePool")) {
            assertEquals(cluster, at(pool, "metadata", "labels", "strimzi.io/cluster"));
            assertTrue(((List<String>) at(pool, "spec", "roles")).containsAll(List.of("controller", "broker")));
        }
        Set<String> topics = new TreeSet<>();
        for (Map<String, Object> t : ofKind("KafkaTopic")) {
            assertEquals(cluster, at(t, "metadata", "labels", "strimzi.io/cluster"), "topic of another cluster");
            assertTrue((Integer) at(t, "spec", "partitions") >= 3, "partitions keyed by agency");
            topics.add((String) at(t, "spec", "topicName"));
        }
        // the provinces' onestop.dossier-events.<code> come with their systems' users (ClusterSecurityTests)
        Set<String> needed = new TreeSet<>(List.of("document.events", "audit.events", "scoring.events"));
        Repo.SERVICES.forEach(s -> needed.addAll(Repo.topics(s)));
        new ArrayList<>(needed).stream().filter(t -> !t.endsWith(".dlq")).forEach(t -> needed.add(t + ".dlq"));
        assertTrue(topics.containsAll(needed), "missing topics: " + difference(needed, topics));
        String bootstrap = (String) at(named("ConfigMap", "govqms-platform"), "data", "KAFKA_BOOTSTRAP_SERVERS");
        assertTrue(bootstrap.startsWith(cluster + "-kafka-bootstrap."), "bootstrap names the Strimzi service: " + bootstrap);
        assertEquals(ClusterSecurityTests.internalListener().get("port"), Integer.valueOf(bootstrap.replaceAll(".*:", "")),
                "bootstrap names the port of the internal TLS listener");
    }

    @Test
    void everyServiceIsProbedSizedScaledAndGetsItsSettings() {
        Map<String, Object> platform = (Map<String, Object>) at(named("ConfigMap", "govqms-platform"), "data");
        Set<String> clusters = new HashSet<>();
        ofKind("Cluster").forEach(c -> clusters.add((String) at(c, "metadata", "name")));
        for (String svc : Repo.SERVICES) {
            Map<String, Object> deployment = named("Deployment", svc);
            Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers")).get(0);
            int port = (Integer) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort");
            assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"), svc);
            assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"), svc);
            assertEquals(port, at(container, "readinessProbe", "httpGet", "port"), svc + " probes the port it listens on");
            for (String which : List.of("requests", "limits")) {
                assertNotNull(at(container, "resources", which, "cpu"), svc + " cpu " + which);
                assertNotNull(at(container, "resources", which, "memory"), svc + " memory " + which);
            }
            Map<String, Object> hpa = named("HorizontalPodAutoscaler", svc);
            assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
            assertEquals(svc, at(hpa, "spec", "scaleTargetRef", "name"));
            Map<String, Object> service = named("Service", svc);
            Map<String, Object> podLabels = (Map<String, Object>) at(deployment, "spec", "template", "metadata", "labels");
            ((Map<String, Object>) at(service, "spec", "selector")).forEach((k, v) ->
                    assertEquals(v, podLabels.get(k), svc + " Service selects its pods by " + k));
            assertEquals(at(deployment, "spec", "selector", "matchLabels"), at(service, "spec", "selector"));

            Set<String> provided = new TreeSet<>(platform.keySet());
            for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
                provided.add((String) env.get("name"));
                Object secret = at(env, "valueFrom", "secretKeyRef", "name");
                if (secret != null) {
                    String s = (String) secret;
                    Object key = at(env, "valueFrom", "secretKeyRef", "key");
                    if (env.get("name").equals("KAFKA_SASL_JAAS_CONFIG")) {
                        // the secret Strimzi's user operator writes for the service's KafkaUser
                        assertEquals(svc, s, svc + " logs in to Kafka as itself");
                        named("KafkaUser", s);
                        assertEquals("sasl.jaas.config", key);
                    } else if (env.get("name").equals("KAFKA_SSL_TRUSTSTORE_CERTIFICATES")) {
                        assertEquals(at(ofKind("Kafka").get(0), "metadata", "name") + "-cluster-ca-cert", s, svc + " trusts the cluster CA");
                        assertEquals("ca.crt", key);
                    } else if (env.get("name").equals("GOVQMS_WEBHOOKS_SECRET_KEYS")) {
                        // the operator's own secret (deploy/OPERATIONS.md): the key sealing webhook secrets
                        assertEquals("notification-service-webhooks", s);
                    } else if (String.valueOf(env.get("name")).startsWith("GOVQMS_ATTACHMENTS_S3_")) {
                        // the operator's own secret (deploy/OPERATIONS.md): the object storage's login (AttachmentStorageTests)
                        assertEquals("document-service-s3", s);
                    } else {
                        assertTrue(s.endsWith("-app") && clusters.contains(s.substring(0, s.length() - 4)),
                                svc + " reads secret " + s + " that no CloudNativePG cluster writes");
                        assertTrue(Set.of("username", "password", "uri", "jdbc-uri").contains(key));
                    }
                }
            }
            for (Map<String, Object> from : (List<Map<String, Object>>) container.get("envFrom")) {
                named("ConfigMap", (String) at(from, "configMapRef", "name"));
            }
            Set<String> missing = new TreeSet<>(Repo.requiredEnvironment(svc));
            missing.remove("QUARKUS_HTTP_PORT"); // the port of the image, probed above
            missing.removeAll(provided);
            assertTrue(missing.isEmpty(), svc + " lacks " + missing);
            // schema migrations run once per rollout in a Job the pods wait for
            named("Job", svc + "-flyway-init");
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
