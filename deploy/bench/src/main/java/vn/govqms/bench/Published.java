package vn.govqms.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * deploy/bench/results/: the published runs, {@code KIND-DATE.json} and {@code .md}, KIND {@code national} (scale 1.0),
 * {@code scale-0.05} and the like, or {@code soak}; the latest three of each kind are kept (the date in the name sorts).
 */
final class Published {

    static final int KEPT = 3;

    private Published() {
    }

    static String kind(double scale) {
        return scale == 1.0 ? "national" : "scale-" + String.format(Locale.ROOT, "%s", scale);
    }

    /** Copies a run's JSON and Markdown into {@code dir} as KIND-DATE and removes what is older than the latest three of that kind. */
    static Path publish(Path json, Path md, Path dir, String kind, String date) {
        try {
            Files.createDirectories(dir);
            Path to = dir.resolve(kind + "-" + date + ".json");
            Files.copy(json, to, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(md, dir.resolve(kind + "-" + date + ".md"), StandardCopyOption.REPLACE_EXISTING);
            List<Path> all = runs(dir, kind);
            for (Path old : all.subList(0, Math.max(0, all.size() - KEPT))) {
                Files.delete(old);
                Files.deleteIfExists(old.resolveSibling(old.getFileName().toString().replaceAll("\\.json$", ".md")));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON files of one kind, oldest first. */
    static List<Path> runs(Path dir, String kind) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(kind) + "-\\d{4}-.*\\.json"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published run's {@code values} (name → figure). */
    static Map<String, Double> values(Path json) {
        try {
            JsonNode values = Http.JSON.readTree(json.toFile()).path("values");
            Map<String, Double> out = new LinkedHashMap<>();
            values.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published run's machine facts as one line: commit, date, cores, memory, CPU, load average. */
    static String machine(Path json) {
        try {
            JsonNode m = Http.JSON.readTree(json.toFile()).path("machine");
            List<String> parts = new ArrayList<>();
            for (String f : List.of("date", "commit", "cores", "memory", "cpu", "load average at the start", "load average at the end")) {
                if (m.has(f)) {
                    parts.add(f + " " + m.path(f).asText());
                }
            }
            return String.join("; ", parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
