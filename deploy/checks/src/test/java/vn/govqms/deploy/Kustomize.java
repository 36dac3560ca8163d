package vn.govqms.deploy;

import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for what deploy/k8s uses: its {@code resources} (files),
 * its {@code configMapGenerator} (files, without name hashes), then its {@code patches}, each a JSON patch (RFC 6902: add, replace, remove) applied to the resources its
 * {@code target} selects by kind, name (a regular expression) and label selector ({@code k=v,...}).
 * {@code ClusterSecurityTests.theJavaRenderingIsKubectls} compares the result with kubectl's where kubectl is installed.
 */
@SuppressWarnings("unchecked")
final class Kustomize {

    private Kustomize() {
    }

    static List<Map<String, Object>> render(String dir) {
        Map<String, Object> kustomization = new Yaml().load(Repo.read(dir + "/kustomization.yaml"));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String file : (List<String>) kustomization.get("resources")) {
            for (Object doc : new Yaml().loadAll(Repo.read(dir + "/" + file))) {
                if (doc != null) {
                    resources.add((Map<String, Object>) doc);
                }
            }
        }
        boolean hashSuffix = !Boolean.TRUE.equals(((Map<String, Object>) kustomization.getOrDefault("generatorOptions", Map.of()))
                .get("disableNameSuffixHash"));
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.getOrDefault("configMapGenerator", List.of())) {
            if (hashSuffix) {
                throw new AssertionError("name suffix hashes are not rendered here: set generatorOptions.disableNameSuffixHash");
            }
            resources.add(configMap(dir, generator));
        }
        for (Map<String, Object> patch : (List<Map<String, Object>>) kustomization.getOrDefault("patches", List.of())) {
            List<Map<String, Object>> ops = new Yaml().load(Repo.read(dir + "/" + patch.get("path")));
            Map<String, String> target = (Map<String, String>) patch.get("target");
            int applied = 0;
            for (Map<String, Object> r : resources) {
                if (selects(target, r)) {
                    ops.forEach(op -> apply(r, op));
                    applied++;
                }
            }
            if (applied == 0) {
                throw new AssertionError("the patch " + patch.get("path") + " selects nothing: " + target);
            }
        }
        return resources;
    }

    /** A ConfigMap of files, each under its file name. */
    private static Map<String, Object> configMap(String dir, Map<String, Object> generator) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", generator.get("name"));
        if (generator.containsKey("namespace")) {
            metadata.put("namespace", generator.get("namespace"));
        }
        Map<String, Object> options = (Map<String, Object>) generator.getOrDefault("options", Map.of());
        if (options.containsKey("labels")) {
            metadata.put("labels", copy(options.get("labels")));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String file : (List<String>) generator.get("files")) {
            data.put(file.substring(file.lastIndexOf('/') + 1), Repo.read(dir + "/" + file));
        }
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", metadata);
        configMap.put("data", data);
        return configMap;
    }

    private static boolean selects(Map<String, String> target, Map<String, Object> r) {
        Map<String, Object> metadata = (Map<String, Object>) r.get("metadata");
        if (target.containsKey("kind") && !target.get("kind").equals(r.get("kind"))) {
            return false;
        }
        if (target.containsKey("name") && !((String) metadata.get("name")).matches(target.get("name"))) {
            return false;
        }
        if (target.containsKey("labelSelector")) {
            Map<String, Object> labels = (Map<String, Object>) metadata.getOrDefault("labels", Map.of());
            for (String term : target.get("labelSelector").split(",")) {
                String[] kv = term.split("=", 2);
                if (!kv[1].equals(labels.get(kv[0]))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void apply(Map<String, Object> resource, Map<String, Object> op) {
        List<String> path = new ArrayList<>(Arrays.asList(((String) op.get("path")).substring(1).split("/")));
        String last = path.remove(path.size() - 1);
        Object parent = resource;
        for (String p : path) {
            parent = parent instanceof List<?> l ? l.get(Integer.parseInt(p)) : ((Map<String, Object>) parent).get(p);
            if (parent == null) {
                throw new AssertionError("no " + op.get("path") + " in " + ((Map<String, Object>) resource.get("metadata")).get("name"));
            }
        }
        String kind = (String) op.get("op");
        Object value = copy(op.get("value"));
        if (parent instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            switch (kind) {
                case "add" -> {
                    if (last.equals("-")) {
                        list.add(value);
                    } else {
                        list.add(Integer.parseInt(last), value);
                    }
                }
                case "replace" -> list.set(Integer.parseInt(last), value);
                case "remove" -> list.remove(Integer.parseInt(last));
                default -> throw new AssertionError("unsupported op " + kind);
            }
        } else {
            Map<String, Object> map = (Map<String, Object>) parent;
            switch (kind) {
                case "add" -> map.put(last, value);
                case "replace" -> {
                    if (!map.containsKey(last)) {
                        throw new AssertionError("replace of a missing " + op.get("path"));
                    }
                    map.put(last, value);
                }
                case "remove" -> map.remove(last);
                default -> throw new AssertionError("unsupported op " + kind);
            }
        }
    }

    /** A patch's value is applied to several resources: each gets its own copy. */
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put((String) k, copy(v)));
            return c;
        }
        if (value instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(copy(v)));
            return c;
        }
        return value;
    }
}
