package vn.govqms.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * deploy/OPERATIONS.md states in one table everything an operator configures for production: every variable the
 * manifests and Compose set is named there, with a default and what happens without it, so that a setting cannot be
 * added to a deployment without the page that explains it.
 */
@SuppressWarnings("unchecked")
class OperationsPageTests {

    private static final String HEADING = "### Every setting, in one table";
    /**
     * Nothing for an operator to choose: the pod's namespace (quarkus-kubernetes, from the pod's metadata) and the Flyway
     * wait's kubectl home on the pod's /tmp (hardening/wait-for-flyway.yaml).
     */
    private static final Set<String> NOT_SETTINGS = Set.of("KUBERNETES_NAMESPACE", "HOME");

    /** The rows of the one table under {@link #HEADING}, each split into its cells. */
    static List<List<String>> settingsTable() {
        String page = Repo.read("deploy/OPERATIONS.md");
        int at = page.indexOf("\n" + HEADING + "\n");
        assertTrue(at >= 0, "deploy/OPERATIONS.md has the section " + HEADING);
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : page.substring(at + HEADING.length() + 2).split("\n")) {
            if (line.startsWith("#")) {
                break;
            }
            if (line.startsWith("|")) {
                inTable = true;
                if (!line.startsWith("|---")) {
                    List<String> cells = new ArrayList<>();
                    for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")) {
                        cells.add(cell.trim());
                    }
                    rows.add(cells);
                }
            } else if (inTable) {
                break;
            }
        }
        assertFalse(rows.isEmpty(), "the table under " + HEADING);
        assertEquals(List.of("what", "variable", "default", "when missing or wrong"), rows.get(0));
        return rows.subList(1, rows.size());
    }

    /** The variables the table names (in backticks), anywhere in a row. */
    static Set<String> namedOnThePage() {
        Set<String> names = new TreeSet<>();
        for (List<String> row : settingsTable()) {
            Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]*[A-Z0-9])(=[^`]*)?`").matcher(String.join(" | ", row));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The environment deploy/k8s gives the services' pods and Jobs: their containers' env and the ConfigMaps they read. */
    static Set<String> kubernetesVariables() {
        Set<String> vars = new TreeSet<>();
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
        workloads.addAll(ofKind("Job"));
        for (Map<String, Object> w : workloads) {
            List<Map<String, Object>> containers = new ArrayList<>((List<Map<String, Object>>) at(w, "spec", "template", "spec", "containers"));
            containers.addAll((List<Map<String, Object>>) ((Map<String, Object>) at(w, "spec", "template", "spec"))
                    .getOrDefault("initContainers", List.of()));
            for (Map<String, Object> c : containers) {
                for (Map<String, Object> e : (List<Map<String, Object>>) c.getOrDefault("env", List.of())) {
                    vars.add((String) e.get("name"));
                }
                for (Map<String, Object> from : (List<Map<String, Object>>) c.getOrDefault("envFrom", List.of())) {
                    Object map = at(from, "configMapRef", "name");
                    if (map != null) {
                        vars.addAll(((Map<String, Object>) at(named("ConfigMap", (String) map), "data")).keySet());
                    }
                }
            }
        }
        vars.removeAll(NOT_SETTINGS);
        return vars;
    }

    @Test
    void everyVariableTheManifestsSetIsOnTheOperationsPage() {
        Set<String> set = kubernetesVariables();
        assertTrue(set.containsAll(Set.of("MP_JWT_VERIFY_ISSUER", "GOVQMS_CORS_ORIGINS", "QUARKUS_DATASOURCE_PASSWORD",
                "GOVQMS_WEBHOOKS_SECRET_KEYS", "KAFKA_SASL_JAAS_CONFIG", "OTEL_EXPORTER_OTLP_ENDPOINT")), "read from the manifests: " + set);
        Set<String> missing = new TreeSet<>(set);
        missing.removeAll(namedOnThePage());
        assertTrue(missing.isEmpty(), "deploy/k8s sets variables deploy/OPERATIONS.md's table does not name: " + missing);
        // GOVQMS_* and QUARKUS_* above all: the product's own settings and Quarkus's
        assertTrue(set.stream().filter(v -> v.startsWith("GOVQMS_") || v.startsWith("QUARKUS_")).count() >= 10, "" + set);
    }

    @Test
    void everyVariableComposeAsksForIsOnTheOperationsPage() {
        Set<String> missing = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(Repo.read("deploy/compose/compose.yaml"));
        while (m.find()) {
            missing.add(m.group(1));
        }
        assertFalse(missing.isEmpty());
        missing.removeAll(namedOnThePage());
        assertTrue(missing.isEmpty(), "compose stops without variables deploy/OPERATIONS.md's table does not name: " + missing);
    }

    @Test
    void everyRowSaysItsDefaultAndWhatHappensWithoutIt() {
        for (List<String> row : settingsTable()) {
            assertEquals(4, row.size(), "four cells: " + row);
            row.forEach(cell -> assertFalse(cell.isBlank(), "an empty cell in " + row));
        }
        // the rules the services enforce at start are stated as such
        String table = settingsTable().toString();
        for (String refusing : List.of("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "GOVQMS_WEBHOOKS_SECRET_KEYS",
                "GOVQMS_CORS_ORIGINS")) {
            assertTrue(settingsTable().stream().anyMatch(r -> r.get(1).contains("`" + refusing + "`") && r.get(3).contains("refuses to start")),
                    refusing + ": the page says the service refuses to start: " + table);
        }
    }
}
