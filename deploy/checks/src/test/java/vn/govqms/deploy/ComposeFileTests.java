package vn.govqms.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/compose cannot run here (no Docker engine): this reads it as Compose would (anchors and
 * merge keys resolved) and checks that each service gets every setting it needs, waits for what it
 * depends on, is probed on the port it listens on, and finds its database, topics and token issuer; and that the
 * broker takes only SASL logins, each service and each province's one-stop-shop system logging in as its own user with a
 * password .env must set, and that the topics the services and the provinces' systems use are created.
 */
@SuppressWarnings("unchecked")
class ComposeFileTests {

    @SuppressWarnings("unchecked")
    static final Map<String, Object> COMPOSE = (Map<String, Object>) new Yaml().load(Repo.read("deploy/compose/compose.yaml"));

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) {
        Map<String, Object> services = (Map<String, Object>) COMPOSE.get("services");
        Map<String, Object> s = (Map<String, Object>) services.get(name);
        assertNotNull(s, "compose has no service " + name);
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    @Test
    void everyServiceGetsTheSettingsItCannotStartWithout() {
        for (String svc : Repo.SERVICES) {
            Set<String> missing = new TreeSet<>(Repo.requiredEnvironment(svc));
            missing.removeAll(environment(svc).keySet());
            assertTrue(missing.isEmpty(), svc + " lacks " + missing);
            environment(svc).forEach((k, v) -> assertTrue(v != null && !v.toString().isBlank(), svc + ": " + k + " is empty"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceWaitsForItsPartsAndIsProbedWhereItListens() {
        for (String svc : Repo.SERVICES) {
            Map<String, Object> s = service(svc);
            assertTrue(s.get("image").toString().contains("/" + svc + ":"), svc + " image");
            Map<String, Map<String, String>> deps = (Map<String, Map<String, String>>) s.get("depends_on");
            assertEquals("service_healthy", deps.get("postgres").get("condition"), svc);
            assertEquals("service_healthy", deps.get("keycloak").get("condition"), svc);
            assertEquals("service_completed_successfully", deps.get("kafka-topics").get("condition"), svc);
            String port = environment(svc).get("QUARKUS_HTTP_PORT").toString();
            String probe = String.join(" ", (List<String>) ((Map<String, Object>) s.get("healthcheck")).get("test"));
            assertTrue(probe.contains("localhost:" + port + "/q/health/ready"), svc + " probe " + probe);
            List<String> ports = (List<String>) s.get("ports");
            assertTrue(ports.stream().anyMatch(p -> p.endsWith(":" + port)), svc + " publishes " + ports);
        }
        for (String part : List.of("postgres", "kafka", "keycloak")) {
            assertNotNull(service(part).get("healthcheck"), part + " has no health check");
        }
    }

    @Test
    void databasesAndTopicsExistForEveryService() {
        String initDb = Repo.read("deploy/compose/postgres/init-databases.sh");
        for (String svc : Repo.SERVICES) {
            Map<String, Object> env = environment(svc);
            String db = env.get("QUARKUS_DATASOURCE_REACTIVE_URL").toString().replaceAll(".*/", "");
            assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").toString().endsWith("/" + db), svc + " URLs name one database");
            assertEquals(db, env.get("QUARKUS_DATASOURCE_USERNAME"), svc + " owns its database");
            assertTrue(initDb.matches("(?s).*for svc in [^;]*\\b" + db + "\\b.*"), "init-databases.sh does not create " + db);
        }
        Set<String> created = createdTopics();
        for (String svc : Repo.SERVICES) {
            for (String topic : Repo.topics(svc)) {
                assertTrue(created.contains(topic), "topic " + topic + " of " + svc + " is not created: " + created);
            }
            Repo.deadLetterTopics(svc).forEach((channel, dlq) -> assertTrue(dlq != null && created.contains(dlq),
                    svc + "'s dead letters of " + channel + " (" + dlq + ") are not created: " + created));
        }
        // the provinces' systems each publish to a topic of their own, which scoring-service subscribes to by pattern; their
        // dead letters go to scoring.dossier-events.dlq, and the old single topic is gone
        Set<String> provinces = provinceUsers().keySet();
        assertFalse(provinces.isEmpty(), "no province's one-stop-shop system has a login");
        for (String code : provinces) {
            String topic = "onestop.dossier-events." + code;
            assertTrue(created.contains(topic), topic + " is not created: " + created);
            assertTrue(Repo.topicPatterns("scoring-service").stream().anyMatch(topic::matches), "scoring-service reads " + topic);
            assertFalse(created.contains(topic + ".dlq"), "nobody writes " + topic + ".dlq");
        }
        assertTrue(created.contains("scoring.dossier-events.dlq"), "the dossier events' dead letters");
        assertFalse(created.contains("onestop.dossier-events"), "the single dossier topic of before the provinces' topics");
        assertFalse(created.contains("onestop.dossier-events.dlq"), "the single dossier topic of before the provinces' topics");
    }

    /** The topics the kafka-topics job creates. */
    static Set<String> createdTopics() {
        List<String> creations = kafkaJob("kafka-topics.sh");
        Set<String> topics = new TreeSet<>();
        for (String line : creations) {
            Matcher m = Pattern.compile("--topic (\\S+)").matcher(line);
            while (m.find()) {
                topics.add(m.group(1));
            }
        }
        assertTrue(creations.stream().allMatch(l -> l.contains("--command-config") && l.contains("--if-not-exists")
                && l.contains("--partitions 6")), creations.toString());
        return topics;
    }

    /**
     * The calls of the Kafka tool {@code tool} (kafka-topics.sh, kafka-acls.sh) that the kafka-topics job makes, one line
     * each: its script run by sh with Compose's {@code $$} unescaped and the Kafka tools replaced by echo (each line
     * starting with the tool's name), so that its loops and functions are read as the job runs them.
     */
    static List<String> kafkaJob(String tool) {
        String script = ((List<String>) service("kafka-topics").get("command")).get(0).replace("$$", "$")
                .replaceAll("/opt/kafka/bin/(kafka-[a-z]+\\.sh)", "echo $1").replace("/tmp/admin.properties", "/dev/null");
        try {
            Process sh = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
            String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, sh.waitFor(), out);
            return out.lines().filter(l -> l.startsWith(tool + " ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The logins the broker takes for the provinces' one-stop-shop systems: province code to the .env variable. */
    static Map<String, String> provinceUsers() {
        Map<String, String> users = new TreeMap<>();
        brokerUsers().forEach((user, variable) -> {
            if (user.startsWith("onestop-")) {
                users.put(user.substring("onestop-".length()), variable);
            }
        });
        return users;
    }

    /** The broker listener's users (user_NAME in its JAAS line) and the .env variable of each one's password. */
    static Map<String, String> brokerUsers() {
        Map<String, Object> kafka = (Map<String, Object>) service("kafka").get("environment");
        String broker = kafka.get("KAFKA_LISTENER_NAME_BROKER_PLAIN_SASL_JAAS_CONFIG").toString();
        Map<String, String> brokerUsers = new TreeMap<>();
        Matcher u = JAAS_USER.matcher(broker);
        while (u.find()) {
            assertNotNull(u.group(3), "user_" + u.group(1) + " has a default password");
            brokerUsers.put(u.group(1), u.group(2));
        }
        return brokerUsers;
    }

    @Test
    void tokensComeFromTheImportedRealm() {
        String name = KeycloakRealmTests.REALM.get("realm").asText();
        for (String svc : Repo.SERVICES) {
            assertTrue(environment(svc).get("MP_JWT_VERIFY_ISSUER").toString().endsWith("/realms/" + name), svc + " issuer");
            assertTrue(environment(svc).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").toString()
                    .endsWith("/realms/" + name + "/protocol/openid-connect/certs"), svc + " keys");
        }
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) service("keycloak").get("volumes");
        assertTrue(volumes.stream().anyMatch(v -> v.startsWith("./keycloak:/opt/keycloak/data/import")), "the realm is imported: " + volumes);
    }
    private static final Pattern JAAS_LOGIN = Pattern.compile("username=\"([^\"]+)\" password=\"\\$\\{([A-Z0-9_]+)(:[?][^}]*)?}\"");
    private static final Pattern JAAS_USER = Pattern.compile("user_([a-z0-9-]+)=\"\\$\\{([A-Z0-9_]+)(:[?][^}]*)?}\"");

    @Test
    void theBrokerTakesOnlySaslLogins() {
        Map<String, Object> kafka = (Map<String, Object>) service("kafka").get("environment");
        for (String listener : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString().split(",")) {
            assertTrue(listener.split(":")[1].startsWith("SASL_"), "a listener without a login: " + listener);
        }
        assertEquals("PLAIN", kafka.get("KAFKA_SASL_ENABLED_MECHANISMS"));
        assertTrue(kafka.containsKey("KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG"), "the controller listener's logins");
        // the health check and the topic job log in as the broker's administrator
        String probe = String.join(" ", (List<String>) ((Map<String, Object>) service("kafka").get("healthcheck")).get("test"));
        assertTrue(probe.contains("--command-config"), probe);
        assertTrue(service("kafka-topics").get("command").toString().contains("--command-config"));
    }

    @Test
    void everyServiceLogsInToTheBrokerAsItsOwnUserWithAPasswordFromDotEnv() {
        Map<String, String> brokerUsers = brokerUsers();
        Set<String> users = new TreeSet<>();
        for (String svc : Repo.SERVICES) {
            Map<String, Object> env = environment(svc);
            assertEquals("SASL_PLAINTEXT", env.get("KAFKA_SECURITY_PROTOCOL"), svc);
            assertEquals("PLAIN", env.get("KAFKA_SASL_MECHANISM"), svc);
            Matcher m = JAAS_LOGIN.matcher(env.get("KAFKA_SASL_JAAS_CONFIG").toString());
            assertTrue(m.find(), svc + " logs in with a password from .env: " + env.get("KAFKA_SASL_JAAS_CONFIG"));
            assertNotNull(m.group(3), svc + ": ${" + m.group(2) + "} must fail when unset (:?), not default");
            assertTrue(users.add(m.group(1)), svc + " shares the user " + m.group(1));
            assertEquals(m.group(2), brokerUsers.get(m.group(1)), "the broker knows " + m.group(1) + " by the same variable");
        }
    }

    @Test
    void kafkaPasswordsHaveNoDefaultAndDotEnvExampleNamesEveryVariable() {
        String compose = Repo.read("deploy/compose/compose.yaml");
        Set<String> example = new TreeSet<>();
        Map<String, String> values = new TreeMap<>();
        for (String line : Repo.read("deploy/compose/.env.example").split("\n")) {
            if (line.matches("[A-Z0-9_]+=.*")) {
                example.add(line.substring(0, line.indexOf('=')));
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}").matcher(compose);
        Set<String> kafkaVariables = new TreeSet<>();
        while (m.find()) {
            assertTrue(example.contains(m.group(1)), ".env.example does not name " + m.group(1));
            if (m.group(1).startsWith("GOVQMS_KAFKA_")) {
                kafkaVariables.add(m.group(1));
                assertTrue(m.group(2) != null && m.group(2).startsWith(":?"), m.group(0) + ": a Kafka password without a default");
                assertEquals("", values.get(m.group(1)), ".env.example leaves " + m.group(1) + " to be chosen");
            }
        }
        assertEquals(Repo.SERVICES.size() + 1 + provinceUsers().size(), kafkaVariables.size(),
                "one password per service, per province's system and the administrator's: " + kafkaVariables);
        provinceUsers().forEach((code, variable) -> assertEquals("GOVQMS_KAFKA_ONESTOP_" + code + "_PASSWORD", variable, code));
    }
}
