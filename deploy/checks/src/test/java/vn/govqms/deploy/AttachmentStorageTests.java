package vn.govqms.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.deploy.KubernetesManifestTests.at;
import static vn.govqms.deploy.KubernetesManifestTests.named;

/**
 * Issue 17: document-service keeps attachments in S3-compatible object storage where it is deployed (MinIO in Compose,
 * the data centre's MinIO or Ceph on Kubernetes), with its login from a secret and no default, and may reach that
 * storage over HTTPS only; no other service gets the login.
 */
@SuppressWarnings("unchecked")
class AttachmentStorageTests {

    static final String[] S3_LOGIN = {"GOVQMS_ATTACHMENTS_S3_ACCESS_KEY_ID", "GOVQMS_ATTACHMENTS_S3_SECRET_ACCESS_KEY"};

    static List<Map<String, Object>> env(String deployment) {
        List<Map<String, Object>> containers = (List<Map<String, Object>>) at(named("Deployment", deployment), "spec", "template",
                "spec", "containers");
        return (List<Map<String, Object>>) containers.get(0).get("env");
    }

    static Optional<Map<String, Object>> variable(String deployment, String name) {
        return env(deployment).stream().filter(e -> name.equals(e.get("name"))).findFirst();
    }

    @Test
    void onKubernetesDocumentServiceKeepsAttachmentsInObjectStorageWithALoginFromASecret() {
        assertEquals("s3", variable("document-service", "GOVQMS_ATTACHMENTS_STORAGE").orElseThrow(
                () -> new AssertionError("document-service has no GOVQMS_ATTACHMENTS_STORAGE")).get("value"));
        for (String name : S3_LOGIN) {
            Map<String, Object> v = variable("document-service", name).orElseThrow(() -> new AssertionError("document-service has no " + name));
            assertEquals("document-service-s3", at(v, "valueFrom", "secretKeyRef", "name"), name);
            assertTrue(v.get("value") == null, name + " is written in the manifest");
        }
        Map<String, Object> platform = (Map<String, Object>) named("ConfigMap", "govqms-platform").get("data");
        assertTrue(String.valueOf(platform.get("GOVQMS_ATTACHMENTS_S3_ENDPOINT")).startsWith("https://"), "object storage over HTTPS");
        assertFalse(String.valueOf(platform.getOrDefault("GOVQMS_ATTACHMENTS_S3_BUCKET", "")).isBlank(), "a bucket");
        assertEquals("true", String.valueOf(platform.get("GOVQMS_ATTACHMENTS_S3_FORCE_PATH_STYLE")), "MinIO and Ceph need path style");
        for (String svc : Repo.SERVICES) {
            if (!svc.equals("document-service")) {
                for (String name : S3_LOGIN) {
                    assertTrue(variable(svc, name).isEmpty(), svc + " gets " + name);
                }
            }
        }
    }

    @Test
    void documentServiceReachesTheObjectStorageOverHttpsOnly() {
        Map<String, String> pod = ClusterSecurityTests.servicePod("document-service");
        boolean storage = false;
        for (Map<String, Object> policy : KubernetesManifestTests.ofKind("NetworkPolicy")) {
            if (!"document-service-object-storage".equals(at(policy, "metadata", "name"))) {
                continue;
            }
            assertTrue(ClusterSecurityTests.matches((Map<String, Object>) at(policy, "spec", "podSelector"), pod));
            for (Map<String, Object> rule : (List<Map<String, Object>>) at(policy, "spec", "egress")) {
                for (Map<String, Object> peer : (List<Map<String, Object>>) rule.get("to")) {
                    assertTrue(String.valueOf(at(peer, "ipBlock", "cidr")).matches(".*/(32|128)"), "one address: " + peer);
                }
                List<Map<String, Object>> ports = (List<Map<String, Object>>) rule.get("ports");
                assertEquals(List.of(443), ports.stream().map(p -> p.get("port")).toList());
                storage = true;
            }
        }
        assertTrue(storage, "no egress to the object storage");
    }

    @Test
    void composeRunsMinioAndDocumentServiceLogsInWithCredentialsEnvMustSet() {
        Map<String, Object> minio = ComposeFileTests.service("minio");
        assertTrue(String.valueOf(minio.get("image")).matches("minio/minio:RELEASE\\..+"), "a pinned MinIO release");
        assertTrue(minio.get("healthcheck") != null, "MinIO has a health check");
        Map<String, Map<String, String>> deps = (Map<String, Map<String, String>>) ComposeFileTests.service("document-service").get("depends_on");
        assertEquals("service_healthy", deps.get("minio").get("condition"));
        Map<String, Object> env = ComposeFileTests.environment("document-service");
        assertEquals("s3", env.get("GOVQMS_ATTACHMENTS_STORAGE"));
        assertEquals("http://minio:9000", env.get("GOVQMS_ATTACHMENTS_S3_ENDPOINT"));
        assertFalse(String.valueOf(env.get("GOVQMS_ATTACHMENTS_S3_BUCKET")).isBlank());
        String compose = Repo.read("deploy/compose/compose.yaml");
        for (String v : List.of("GOVQMS_MINIO_ROOT_USER", "GOVQMS_MINIO_ROOT_PASSWORD")) {
            assertTrue(compose.contains("${" + v + ":?"), v + " has a default or is not required");
            assertTrue(Repo.read("deploy/compose/.env.example").contains(v + "="), ".env.example lists " + v);
        }
        for (String svc : Repo.SERVICES) {
            if (!svc.equals("document-service")) {
                for (String name : S3_LOGIN) {
                    assertFalse(ComposeFileTests.environment(svc).containsKey(name), svc + " gets " + name);
                }
            }
        }
    }
}
