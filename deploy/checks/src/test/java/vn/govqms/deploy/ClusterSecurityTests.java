package vn.govqms.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.govqms.deploy.KubernetesManifestTests.RESOURCES;
import static vn.govqms.deploy.KubernetesManifestTests.at;
import static vn.govqms.deploy.KubernetesManifestTests.named;
import static vn.govqms.deploy.KubernetesManifestTests.ofKind;

/**
 * Who may talk to whom in deploy/k8s, read from the rendered manifests: Kafka takes only TLS connections with a
 * SCRAM login and authorizes each user by its ACLs (exactly the topics and groups each service's configuration
 * names; a province's one-stop-shop system writes dossier events only); every pod runs without root, privileges or
 * a writable root filesystem; the network denies what no policy allows, only the ingress controller and Prometheus
 * reach the services, the services reach only PostgreSQL, Kafka, the identity provider and DNS, and each database
 * only its own service; the public ingress routes /api and nothing else.
 */
@SuppressWarnings("unchecked")
class ClusterSecurityTests {

    private static final Set<String> ALL_PORTS_OF_THE_IDP_AND_API = Set.of("443", "6443");
    /** Private, loopback, link-local, shared and special-purpose ranges a webhook must never reach. */
    private static final Set<String> NOT_PUBLIC_V4 = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
            "169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8");
    /** Loopback, unique-local, link-local, and the forms that carry an IPv4 address (mapped, NAT64, Teredo, 6to4). */
    private static final Set<String> NOT_PUBLIC_V6 = Set.of("::1/128", "fc00::/7", "fe80::/10", "::ffff:0:0/96", "64:ff9b::/96",
            "2001::/32", "2002::/16");

    static Map<String, Object> kafka() {
        return ofKind("Kafka").get(0);
    }

    static Map<String, Object> internalListener() {
        return ((List<Map<String, Object>>) at(kafka(), "spec", "kafka", "listeners")).stream()
                .filter(l -> "internal".equals(l.get("type"))).findFirst().orElseThrow(() -> new AssertionError("no internal listener"));
    }

    // ---- Kafka

    @Test
    void kafkaTakesOnlyTlsConnectionsWithALoginAndAuthorizesEachUser() {
        for (Map<String, Object> l : (List<Map<String, Object>>) at(kafka(), "spec", "kafka", "listeners")) {
            assertEquals(true, l.get("tls"), "listener " + l.get("name") + " without TLS");
            assertTrue(Set.of("scram-sha-512", "tls").contains(at(l, "authentication", "type")), "listener " + l.get("name") + " without a login");
            assertFalse(((List<?>) l.getOrDefault("networkPolicyPeers", List.of())).isEmpty(), "listener " + l.get("name") + " open to every pod");
        }
        assertEquals("simple", at(kafka(), "spec", "kafka", "authorization", "type"), "ACLs are enforced");
        assertNotNull(at(kafka(), "spec", "entityOperator", "userOperator"), "KafkaUser resources are managed");
        Map<String, Object> platform = (Map<String, Object>) at(named("ConfigMap", "govqms-platform"), "data");
        assertEquals("SASL_SSL", platform.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("scram-sha-512", at(internalListener(), "authentication", "type"));
        assertEquals("SCRAM-SHA-512", platform.get("KAFKA_SASL_MECHANISM"));
        assertEquals("PEM", platform.get("KAFKA_SSL_TRUSTSTORE_TYPE"), "the cluster CA comes as PEM from its secret");

        List<Map<String, Object>> peers = (List<Map<String, Object>>) internalListener().get("networkPolicyPeers");
        for (String svc : Repo.SERVICES) {
            assertTrue(peers.stream().anyMatch(p -> samePodPeer(p, servicePod(svc))), svc + " reaches the internal listener");
            assertFalse(peers.stream().anyMatch(p -> samePodPeer(p, jobPod(svc + "-flyway-init"))), "a Flyway Job reaches Kafka");
            assertFalse(peers.stream().anyMatch(p -> samePodPeer(p, databasePod(svc + "-db"))), "a database pod reaches Kafka");
        }
    }

    @Test
    void theKeyThatSealsWebhookSecretsComesFromASecretAndHasNoDefault() {
        List<Map<String, Object>> containers = (List<Map<String, Object>>) at(named("Deployment", "notification-service"),
                "spec", "template", "spec", "containers");
        Map<String, Object> env = ((List<Map<String, Object>>) containers.get(0).get("env")).stream()
                .filter(e -> "GOVQMS_WEBHOOKS_SECRET_KEYS".equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("notification-service has no GOVQMS_WEBHOOKS_SECRET_KEYS"));
        assertEquals("notification-service-webhooks", at(env, "valueFrom", "secretKeyRef", "name"));
        assertEquals("secret-keys", at(env, "valueFrom", "secretKeyRef", "key"));
        assertTrue(Repo.read("deploy/compose/compose.yaml").contains("${GOVQMS_WEBHOOKS_SECRET_KEYS:?"),
                "compose stops when the sealing key is not set");
    }

    @Test
    void noPageOnAnotherOriginCallsTheApiUntilTheOperatorNamesIt() {
        Map<String, Object> platform = (Map<String, Object>) at(named("ConfigMap", "govqms-platform"), "data");
        assertTrue(platform.containsKey("GOVQMS_CORS_ORIGINS"), "the operator finds the key in the platform ConfigMap");
        assertEquals("", platform.get("GOVQMS_CORS_ORIGINS"), "no origin allowed until named");
        for (String svc : Repo.SERVICES) {
            assertEquals("${govqms.cors.origins:}", Repo.config(svc).getProperty("quarkus.http.cors.origins"), svc + ": none by default");
            assertEquals("${GOVQMS_CORS_ORIGINS:-}", ComposeFileTests.environment(svc).get("GOVQMS_CORS_ORIGINS"), svc + " in compose");
        }
        assertTrue(Repo.read("deploy/compose/.env.example").contains("\nGOVQMS_CORS_ORIGINS=\n"), ".env.example names it, empty");
    }

    @Test
    void everyServiceLogsInAsItsOwnKafkaUserAllowedExactlyTheTopicsAndGroupsItUses() {
        for (String svc : Repo.SERVICES) {
            Map<String, Object> user = named("KafkaUser", svc);
            assertEquals(at(kafka(), "metadata", "name"), at(user, "metadata", "labels", "strimzi.io/cluster"));
            assertEquals("scram-sha-512", at(user, "spec", "authentication", "type"), svc);
            Set<String> expected = new TreeSet<>();
            Repo.consumedTopics(svc).forEach(t -> expected.addAll(List.of("topic " + t + " Read", "topic " + t + " Describe")));
            Repo.consumerGroups(svc).forEach(g -> expected.add("group " + g + " Read"));
            Repo.writtenTopics(svc).forEach(t -> expected.addAll(List.of("topic " + t + " Write", "topic " + t + " Describe")));
            // a channel subscribed by pattern reads every topic with the pattern's prefix, and writes none of them: its dead
            // letters go to a topic it names
            Repo.topicPatterns(svc).forEach(t -> expected.addAll(List.of("topic-prefix " + Repo.prefixOf(t) + " Read",
                    "topic-prefix " + Repo.prefixOf(t) + " Describe")));
            Repo.deadLetterTopics(svc).forEach((channel, dlq) -> assertNotNull(dlq, svc + "'s channel " + channel
                    + " subscribes by pattern: it must name its dead-letter topic (govqms.dead-letters.topics." + channel + ")"));
            assertEquals(expected, acls(user), svc + "'s ACLs");
            assertFalse(acls(user).stream().anyMatch(a -> a.startsWith("topic-prefix ") && !a.endsWith(" Read") && !a.endsWith(" Describe")),
                    svc + " may write or alter topics by prefix");
        }
        // scoring-service's dossier dead letters: one topic of its own, created, and written by no other user
        assertEquals("scoring.dossier-events.dlq", Repo.deadLetterTopics("scoring-service").get("dossier-events"));
        assertTrue(acls(named("KafkaUser", "scoring-service")).contains("topic scoring.dossier-events.dlq Write"));
        assertFalse(acls(named("KafkaUser", "scoring-service")).contains("topic-prefix onestop.dossier-events. Write"));
        assertTrue(ofKind("KafkaTopic").stream().anyMatch(t -> "scoring.dossier-events.dlq".equals(at(t, "spec", "topicName"))),
                "scoring.dossier-events.dlq is created");
        for (String svc : Repo.SERVICES) {
            Repo.writtenTopics(svc).forEach(t -> assertTrue(ofKind("KafkaTopic").stream().anyMatch(k -> t.equals(at(k, "spec", "topicName"))),
                    t + ", which " + svc + " writes, is created"));
        }
        // sanity: what the configuration says, so that a parsing slip cannot make both sides empty
        assertTrue(Repo.writtenTopics("document-service").contains("document.events"));
        assertEquals(Set.of("onestop\\.dossier-events\\.[0-9]{2}"), Repo.topicPatterns("scoring-service"));
        assertEquals("onestop.dossier-events.", Repo.prefixOf("onestop\\.dossier-events\\.[0-9]{2}"));
        assertEquals(Set.of("notification-service", "notification-service.audit-events", "notification-service.scoring-events"),
                Repo.consumerGroups("notification-service"));
    }

    @Test
    void aProvincesOneStopShopSystemMayWriteDossierEventsAndNothingElse() {
        List<Map<String, Object>> systems = ofKind("KafkaUser").stream()
                .filter(u -> !Repo.SERVICES.contains((String) at(u, "metadata", "name"))).toList();
        assertFalse(systems.isEmpty(), "no one-stop-shop system's user");
        for (Map<String, Object> u : systems) {
            String name = (String) at(u, "metadata", "name");
            assertTrue(name.matches("onestop-\\d{2}"), "a user that is neither a service nor a province's system: " + name);
            assertEquals(name.substring("onestop-".length()), at(u, "metadata", "labels", "govqms.vn/province-code"), name);
            assertEquals("scram-sha-512", at(u, "spec", "authentication", "type"), name);
            String code = name.substring("onestop-".length());
            String topic = "onestop.dossier-events." + code;
            // its own topic only, literal: the topic is what binds a record to the province that sent it
            assertEquals(Set.of("topic " + topic + " Write", "topic " + topic + " Describe"), acls(u), name);
            assertTrue(Repo.topicPatterns("scoring-service").stream().anyMatch(p -> topic.matches(p)), "scoring-service reads " + topic);
            assertFalse(Repo.topicPatterns("scoring-service").stream().anyMatch(p -> "scoring.dossier-events.dlq".matches(p)),
                    "scoring-service does not read its own dead letters");
            Set<String> topics = new TreeSet<>();
            ofKind("KafkaTopic").forEach(t -> topics.add((String) at(t, "spec", "topicName")));
            assertTrue(topics.contains(topic), topic + " is created");
            assertFalse(topics.contains(topic + ".dlq"), "no dead-letter topic beside " + topic + ": they go to scoring.dossier-events.dlq");
        }
        File generator = Repo.file("deploy/k8s/onestop-user").toFile();
        assertTrue(generator.canExecute(), "deploy/k8s/onestop-user writes the other provinces' users");
    }

    /**
     * A user's ACLs as "type name Operation" (a prefixed one as "type-prefix name Operation", for the callers to expect
     * by name), none a wildcard, on any host.
     */
    static Set<String> acls(Map<String, Object> user) {
        assertEquals("simple", at(user, "spec", "authorization", "type"));
        Set<String> acls = new TreeSet<>();
        for (Map<String, Object> acl : (List<Map<String, Object>>) at(user, "spec", "authorization", "acls")) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            assertTrue(Set.of("literal", "prefix").contains(resource.get("patternType")), "no wildcards: " + resource);
            assertNotEquals("*", resource.get("name"));
            assertTrue(acl.get("host") == null || "*".equals(acl.get("host")));
            String type = resource.get("type") + ("prefix".equals(resource.get("patternType")) ? "-prefix" : "");
            for (String op : (List<String>) acl.get("operations")) {
                acls.add(type + " " + resource.get("name") + " " + op);
            }
        }
        return acls;
    }

    // ---- pods

    @Test
    void everyPodRunsAsNonRootWithoutPrivilegesOnAReadOnlyRootFilesystem() {
        List<Map<String, Object>> workloads = new ArrayList<>();
        for (String svc : Repo.SERVICES) {
            workloads.add(named("Deployment", svc));
            workloads.add(named("Job", svc + "-flyway-init"));
        }
        for (Map<String, Object> w : workloads) {
            String what = w.get("kind") + " " + at(w, "metadata", "name");
            Map<String, Object> pod = (Map<String, Object>) at(w, "spec", "template", "spec");
            assertEquals(true, at(pod, "securityContext", "runAsNonRoot"), what);
            assertNotEquals(0, at(pod, "securityContext", "runAsUser"), what);
            assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type"), what);
            Set<String> emptyDirs = new TreeSet<>();
            for (Map<String, Object> v : (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())) {
                if (v.containsKey("emptyDir")) {
                    emptyDirs.add((String) v.get("name"));
                }
            }
            List<Map<String, Object>> containers = new ArrayList<>((List<Map<String, Object>>) pod.get("containers"));
            containers.addAll((List<Map<String, Object>>) pod.getOrDefault("initContainers", List.of()));
            for (Map<String, Object> c : containers) {
                String where = what + " container " + c.get("name");
                assertEquals(false, at(c, "securityContext", "allowPrivilegeEscalation"), where);
                assertEquals(true, at(c, "securityContext", "readOnlyRootFilesystem"), where);
                assertNotEquals(true, at(c, "securityContext", "privileged"), where);
                assertEquals(List.of("ALL"), at(c, "securityContext", "capabilities", "drop"), where);
                assertNull(at(c, "securityContext", "capabilities", "add"), where);
                assertTrue(((List<Map<String, Object>>) c.getOrDefault("volumeMounts", List.of())).stream()
                        .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(m.get("name"))), where + ": /tmp is an emptyDir");
            }
        }
    }

    // ---- network

    @Test
    void whatNoPolicyAllowsIsDenied() {
        assertTrue(ofKind("NetworkPolicy").stream().anyMatch(p -> Map.of().equals(at(p, "spec", "podSelector"))
                && Set.copyOf((List<String>) at(p, "spec", "policyTypes")).equals(Set.of("Ingress", "Egress"))
                && at(p, "spec", "ingress") == null && at(p, "spec", "egress") == null), "a default-deny policy for every pod");
    }

    @Test
    void onlyTheIngressControllerAndPrometheusReachTheServices() {
        for (String svc : Repo.SERVICES) {
            for (Map<String, Object> rule : rules(servicePod(svc), "ingress")) {
                List<Map<String, Object>> from = (List<Map<String, Object>>) rule.get("from");
                assertTrue(from != null && !from.isEmpty(), svc + ": an ingress rule open to everyone");
                for (Map<String, Object> peer : from) {
                    String ns = (String) at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
                    assertTrue(Set.of("ingress-nginx", "monitoring").contains(ns) && peer.get("podSelector") != null,
                            svc + " reached from " + peer);
                }
                assertEquals(Set.of("http"), ports(rule), svc + ": only the HTTP port");
            }
        }
    }

    @Test
    void theServicesReachOnlyPostgresKafkaTheIdentityProviderTheTraceCollectorAndDns() {
        String kafkaPort = String.valueOf(internalListener().get("port"));
        for (String svc : Repo.SERVICES) {
            boolean postgres = false, broker = false, idp = false, collector = false;
            for (Map<String, Object> rule : rules(servicePod(svc), "egress")) {
                List<Map<String, Object>> to = (List<Map<String, Object>>) rule.get("to");
                assertTrue(to != null && !to.isEmpty(), svc + ": an egress rule open to everything");
                Set<String> ports = ports(rule);
                assertFalse(ports.isEmpty(), svc + ": an egress rule to every port");
                for (Map<String, Object> peer : to) {
                    if (isDns(peer)) {
                        assertEquals(Set.of("53"), ports, svc + " DNS");
                    } else if (samePodPeer(peer, databasePod(svc + "-db"))) {
                        assertEquals(Set.of("5432"), ports, svc + " PostgreSQL");
                        postgres = true;
                    } else if (samePodPeer(peer, kafkaPod())) {
                        assertEquals(Set.of(kafkaPort), ports, svc + " Kafka's TLS listener");
                        broker = true;
                    } else if (isCollector(peer)) {
                        assertEquals(Set.of(ObservabilityTests.collectorPort()), ports, svc + " to the OpenTelemetry collector");
                        collector = true;
                    } else if (peer.get("ipBlock") != null && ((String) at(peer, "ipBlock", "cidr")).matches(".*/(32|128)")) {
                        // one address: the identity provider, the Kubernetes API, notification-service's SMTP relay
                        Set<String> allowed = new TreeSet<>(ALL_PORTS_OF_THE_IDP_AND_API);
                        if (svc.equals("notification-service")) {
                            allowed.add("587");
                        }
                        assertTrue(allowed.containsAll(ports), svc + " to " + peer + " on " + ports);
                        idp |= ports.contains("443");
                    } else if (svc.equals("notification-service") && peer.get("ipBlock") != null) {
                        assertEquals(Set.of("443"), ports, "webhooks over HTTPS only");
                        Set<String> except = Set.copyOf((List<String>) at(peer, "ipBlock", "except"));
                        String cidr = (String) at(peer, "ipBlock", "cidr");
                        assertTrue(except.containsAll(cidr.contains(":") ? NOT_PUBLIC_V6 : NOT_PUBLIC_V4), "webhooks reach " + cidr + " but " + except);
                    } else {
                        fail(svc + " may reach " + peer);
                    }
                }
            }
            assertTrue(postgres && broker && idp && collector, svc + " reaches PostgreSQL " + postgres + ", Kafka " + broker
                    + ", the IdP " + idp + ", the OpenTelemetry collector " + collector);
        }
    }

    @Test
    void eachDatabaseAcceptsOnlyItsOwnServiceAndFlywayJob() {
        for (String svc : Repo.SERVICES) {
            Map<String, String> db = databasePod(svc + "-db");
            for (String other : Repo.SERVICES) {
                boolean own = other.equals(svc);
                for (Map<String, String> client : List.of(servicePod(other), jobPod(other + "-flyway-init"))) {
                    boolean admitted = rules(db, "ingress").stream().anyMatch(r -> ports(r).contains("5432")
                            && ((List<Map<String, Object>>) r.get("from")).stream().anyMatch(p -> samePodPeer(p, client)));
                    boolean leaves = rules(client, "egress").stream().anyMatch(r -> ports(r).contains("5432")
                            && ((List<Map<String, Object>>) r.get("to")).stream().anyMatch(p -> samePodPeer(p, db)));
                    assertEquals(own, admitted && leaves, client + " reaches " + svc + "-db");
                }
            }
            for (Map<String, Object> rule : rules(db, "ingress")) {
                for (Map<String, Object> peer : (List<Map<String, Object>>) rule.get("from")) {
                    assertNull(peer.get("ipBlock"), svc + "-db from " + peer);
                    Object ns = at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
                    assertTrue(peer.get("namespaceSelector") == null || Set.of("cnpg-system", "monitoring").contains(ns), svc + "-db from " + peer);
                }
            }
        }
    }

    @Test
    void thePublicIngressRoutesTheApiAndNothingElse() {
        Set<String> routed = new TreeSet<>();
        for (Map<String, Object> ingress : ofKind("Ingress")) {
            Set<String> tlsHosts = new TreeSet<>();
            ((List<Map<String, Object>>) at(ingress, "spec", "tls")).forEach(t -> tlsHosts.addAll((List<String>) t.get("hosts")));
            assertNull(at(ingress, "spec", "defaultBackend"), "no default backend");
            for (Map<String, Object> rule : (List<Map<String, Object>>) at(ingress, "spec", "rules")) {
                assertTrue(tlsHosts.contains(rule.get("host")), rule.get("host") + " without TLS");
                for (Map<String, Object> path : (List<Map<String, Object>>) at(rule, "http", "paths")) {
                    String p = (String) path.get("path");
                    assertTrue(p.equals("/api") || p.startsWith("/api/"), "the ingress routes " + p);
                    assertTrue(Set.of("Prefix", "Exact").contains(path.get("pathType")), p + ": " + path.get("pathType"));
                    String svc = (String) at(path, "backend", "service", "name");
                    assertTrue(Repo.SERVICES.contains(svc), "routes to " + svc);
                    assertEquals("http", at(path, "backend", "service", "port", "name"));
                    routed.add(svc);
                }
            }
        }
        assertEquals(Set.copyOf(Repo.SERVICES), routed);
        for (Map<String, Object> s : ofKind("Service")) {
            assertTrue(Set.of("ClusterIP").contains(Objects.requireNonNullElse(at(s, "spec", "type"), "ClusterIP")),
                    at(s, "metadata", "name") + " is exposed outside the ingress");
        }
    }

    /** Where kubectl is installed, its rendering of deploy/k8s is the one these checks read. */
    @Test
    void theRenderingCheckedIsKubectls() throws IOException, InterruptedException {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Process p = new ProcessBuilder("kubectl", "kustomize", Repo.file("deploy/k8s").toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        List<Map<String, Object>> kubectl = new ArrayList<>();
        new Yaml().loadAll(out).forEach(d -> kubectl.add((Map<String, Object>) d));
        Comparator<Map<String, Object>> byId = Comparator.comparing(r -> r.get("kind") + "/" + at(r, "metadata", "name"));
        List<Map<String, Object>> ours = new ArrayList<>(RESOURCES);
        ours.sort(byId);
        kubectl.sort(byId);
        assertEquals(kubectl.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(kubectl.get(i), ours.get(i), "differs from kubectl: " + byId.toString());
        }
    }

    // ---- helpers: pods as the cluster labels them, and NetworkPolicy semantics

    static Map<String, String> servicePod(String svc) {
        Map<String, String> labels = new HashMap<>();
        ((Map<String, Object>) at(named("Deployment", svc), "spec", "template", "metadata", "labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
        return labels;
    }

    /** Kubernetes labels a Job's pods with the Job's name. */
    static Map<String, String> jobPod(String job) {
        named("Job", job);
        return Map.of("job-name", job, "batch.kubernetes.io/job-name", job);
    }

    /** The labels CloudNativePG gives a cluster's instances. */
    static Map<String, String> databasePod(String cluster) {
        named("Cluster", cluster);
        return Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance");
    }

    /** The labels Strimzi gives the broker pods of a node pool. */
    static Map<String, String> kafkaPod() {
        String cluster = (String) at(kafka(), "metadata", "name");
        return Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka",
                "strimzi.io/pool-name", (String) at(ofKind("KafkaNodePool").get(0), "metadata", "name"), "strimzi.io/broker-role", "true");
    }

    /** The ingress or egress rules of every policy that selects a pod of the namespace with these labels. */
    static List<Map<String, Object>> rules(Map<String, String> pod, String direction) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> policy : ofKind("NetworkPolicy")) {
            List<String> types = (List<String>) at(policy, "spec", "policyTypes");
            if (matches((Map<String, Object>) at(policy, "spec", "podSelector"), pod)
                    && types.contains(direction.equals("ingress") ? "Ingress" : "Egress")) {
                rules.addAll((List<Map<String, Object>>) ((Map<String, Object>) policy.get("spec")).getOrDefault(direction, List.of()));
            }
        }
        return rules;
    }

    /** A peer that names pods of this namespace (no namespaceSelector, no ipBlock) and selects these labels. */
    static boolean samePodPeer(Map<String, Object> peer, Map<String, String> pod) {
        return peer.get("namespaceSelector") == null && peer.get("ipBlock") == null && peer.get("podSelector") != null
                && matches((Map<String, Object>) peer.get("podSelector"), pod);
    }

    /** The OpenTelemetry collector's pods in the namespace monitoring (as the OpenTelemetry operator and Helm chart label them). */
    static boolean isCollector(Map<String, Object> peer) {
        return "monitoring".equals(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
                && "opentelemetry-collector".equals(at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name"));
    }

        private static boolean isDns(Map<String, Object> peer) {
        return "kube-system".equals(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
                && "kube-dns".equals(at(peer, "podSelector", "matchLabels", "k8s-app"));
    }

    static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, Object> e : ((Map<String, Object>) selector.getOrDefault("matchLabels", Map.of())).entrySet()) {
            if (!String.valueOf(e.getValue()).equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> e : (List<Map<String, Object>>) selector.getOrDefault("matchExpressions", List.of())) {
            String value = labels.get((String) e.get("key"));
            List<String> values = (List<String>) e.getOrDefault("values", List.of());
            boolean ok = switch ((String) e.get("operator")) {
                case "In" -> values.contains(value);
                case "NotIn" -> value != null && !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("operator " + e.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> ports(Map<String, Object> rule) {
        Set<String> ports = new TreeSet<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) rule.getOrDefault("ports", List.of())) {
            ports.add(String.valueOf(p.get("port")));
        }
        return ports;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(new File(dir, command).toPath())) {
                return true;
            }
        }
        return false;
    }

    private static void assertNull(Object o, String message) {
        assertTrue(o == null, message + ": " + o);
    }
}
