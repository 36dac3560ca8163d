package vn.govqms.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.deploy.KubernetesManifestTests.at;
import static vn.govqms.deploy.KubernetesManifestTests.named;
import static vn.govqms.deploy.KubernetesManifestTests.ofKind;

/**
 * deploy/compose's broker authorizes each user as deploy/k8s's does: the authorizer on, no user but the administrator
 * allowed what no ACL allows, and the ACLs the kafka-topics job adds the same, per service, as its KafkaUser's (the same
 * topics, groups and operations), and for each province's one-stop-shop system as the KafkaUser of its province.
 */
@SuppressWarnings("unchecked")
class ComposeAclTests {

    private static final Pattern ADD = Pattern.compile(
            "--add --allow-principal User:(\\S+) --(topic|group) (\\S+) --resource-pattern-type (literal|prefixed)((?: --operation \\S+)+)$");

    /** The ACLs the kafka-topics job adds, per user, in the form of {@link ClusterSecurityTests#acls}. */
    static Map<String, Set<String>> composeAcls() {
        Map<String, Set<String>> acls = new TreeMap<>();
        List<String> calls = ComposeFileTests.kafkaJob("kafka-acls.sh");
        for (String call : calls) {
            Matcher m = ADD.matcher(call);
            assertTrue(m.find(), "an ACL this test cannot read (or one with a host, a deny, a wildcard): " + call);
            assertTrue(call.contains("--command-config"), "added by the administrator: " + call);
            assertFalse(m.group(3).contains("*"), "no wildcards: " + call);
            String type = m.group(2) + ("prefixed".equals(m.group(4)) ? "-prefix" : "");
            for (String op : m.group(5).trim().split("\\s*--operation\\s+")) {
                if (!op.isBlank()) {
                    acls.computeIfAbsent(m.group(1), u -> new TreeSet<>()).add(type + " " + m.group(3) + " " + op.trim());
                }
            }
        }
        return acls;
    }

    @Test
    void theBrokerDeniesWhatNoAclAllows() {
        Map<String, Object> kafka = ComposeFileTests.environment("kafka");
        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", kafka.get("KAFKA_AUTHORIZER_CLASS_NAME"));
        assertEquals("User:admin", kafka.get("KAFKA_SUPER_USERS"), "the administrator alone is a super user");
        assertEquals("false", String.valueOf(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")));
        assertTrue(ComposeFileTests.brokerUsers().containsKey("admin"), "the super user is the broker's administrator login");
    }

    @Test
    void eachServiceIsAllowedWhatItsKafkaUserIsAllowedOnKubernetes() {
        Map<String, Set<String>> compose = composeAcls();
        for (String svc : Repo.SERVICES) {
            // compose's login of the service (document, audit, ...): the user its KAFKA_SASL_JAAS_CONFIG names
            String jaas = ComposeFileTests.environment(svc).get("KAFKA_SASL_JAAS_CONFIG").toString();
            Matcher login = Pattern.compile("username=\"([^\"]+)\"").matcher(jaas);
            assertTrue(login.find(), svc);
            Set<String> k8s = ClusterSecurityTests.acls(named("KafkaUser", svc));
            assertFalse(k8s.isEmpty(), svc);
            assertEquals(k8s, compose.getOrDefault(login.group(1), Set.of()), svc + " (compose user " + login.group(1) + ")");
        }
    }

    @Test
    void eachProvincesSystemMayWriteItsOwnDossierTopicAndNothingElse() {
        Map<String, Set<String>> compose = composeAcls();
        Map<String, String> provinces = ComposeFileTests.provinceUsers();
        assertFalse(provinces.isEmpty());
        // deploy/k8s's users of the provinces, with the province's code as a placeholder: every province's the same
        Map<String, Object> template = ofKind("KafkaUser").stream().filter(u -> at(u, "metadata", "name").toString().startsWith("onestop-"))
                .findFirst().orElseThrow(() -> new AssertionError("deploy/k8s has no province's KafkaUser"));
        String templateCode = at(template, "metadata", "labels", "govqms.vn/province-code").toString();
        for (String code : provinces.keySet()) {
            Set<String> expected = new TreeSet<>();
            ClusterSecurityTests.acls(template).forEach(a -> expected.add(a.replace("." + templateCode + " ", "." + code + " ")));
            assertEquals(Set.of("topic onestop.dossier-events." + code + " Describe", "topic onestop.dossier-events." + code + " Write"),
                    expected, "deploy/k8s's province user");
            assertEquals(expected, compose.get("onestop-" + code), "onestop-" + code);
        }
        // no user with ACLs that the broker does not know, and none beside the services' and the provinces'
        Set<String> users = new TreeSet<>(compose.keySet());
        users.removeAll(ComposeFileTests.brokerUsers().keySet());
        assertTrue(users.isEmpty(), "ACLs of users the broker does not know: " + users);
        assertEquals(Repo.SERVICES.size() + provinces.size(), compose.size(), compose.keySet().toString());
    }
}
