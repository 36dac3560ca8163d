package vn.govqms.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run measured, with the machine it ran on: written as JSON and as a Markdown table. */
final class Results {

    /**
     * One figure under its stable {@code key} ({@link Keys}); {@code baseline} the database alone doing the same work in the
     * same run under {@code baselineKey} (null: none), {@code ratio} the figure over the baseline under the baseline's
     * {@code ratioKey}, {@code goal} in words and whether it was met (null: no goal).
     */
    record Figure(String key, String section, String name, double value, String unit, String baselineKey, Double baseline,
                  String baselineWhat, String ratioKey, Double ratio, String goal, Boolean met, String note) {

        static Figure of(String key, String section, String name, double value, String unit) {
            Keys.get(key);
            return new Figure(key, section, name, value, unit, null, null, null, null, null, null, null, null);
        }

        /** The same-run baseline; the ratio's name is the one {@link Keys} gives this figure. */
        Figure baseline(String key, double value, String what) {
            return baseline(key, value, what, this.value / value);
        }

        Figure baseline(String key, double value, String what, double ratio) {
            Keys.get(key);
            String ratioKey = Keys.get(this.key).ratio();
            return new Figure(this.key, section, name, this.value, unit, key, value, what, ratioKey, ratio, goal, met, note);
        }

        Figure goal(String goal, boolean met) {
            return new Figure(key, section, name, value, unit, baselineKey, baseline, baselineWhat, ratioKey, ratio, goal, met, note);
        }

        Figure note(String note) {
            return new Figure(key, section, name, value, unit, baselineKey, baseline, baselineWhat, ratioKey, ratio, goal, met, note);
        }
    }

    final Map<String, Object> machine = new LinkedHashMap<>();
    final Map<String, Object> data = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Named values that are not a printed figure of their own (a ranking's p50 and throughput, said in its figure's note). */
    private final Map<String, Double> extras = new LinkedHashMap<>();

    void add(Figure f) {
        figures.add(f);
        System.out.println("bench: " + line(f));
    }

    void value(String key, double value) {
        Keys.get(key);
        extras.put(key, value);
    }

    void note(String s) {
        notes.add(s);
        System.out.println("bench: note: " + s);
    }

    /** Writes results-DATE.json and .md into {@code dir}; returns the Markdown file. */
    Path write(Path dir, String date) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("machine", machine);
            all.put("data", data);
            all.put("values", values());
            all.put("figures", figures);
            all.put("notes", notes);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results-" + date + ".json").toFile(), all);
            Path md = dir.resolve("results-" + date + ".md");
            Files.writeString(md, markdown(), StandardCharsets.UTF_8);
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every figure, baseline and ratio by its stable name, in the order measured. */
    Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Figure f : figures) {
            v.put(f.key(), f.value());
            if (f.baselineKey() != null) {
                v.putIfAbsent(f.baselineKey(), f.baseline());
            }
            if (f.ratioKey() != null) {
                v.put(f.ratioKey(), f.ratio());
            }
        }
        v.putAll(extras);
        return v;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("Machine: ");
        machine.forEach((k, v) -> b.append(k).append(" ").append(v).append("; "));
        b.append("\n\nData: ");
        data.forEach((k, v) -> b.append(k).append(" ").append(v).append("; "));
        b.append("\n\n| | Figure | Measured | Baseline (same run) | Ratio | Goal | Met | Key |\n|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            b.append("| ").append(f.section()).append(" | ").append(f.name()).append(f.note() == null ? "" : " (" + f.note() + ")")
                    .append(" | ").append(num(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(f.baseline() == null ? "" : num(f.baseline()) + " " + f.unit() + ", " + f.baselineWhat())
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.goal() == null ? "" : f.goal())
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**")
                    .append(" | `").append(f.key()).append("` |\n");
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static String line(Figure f) {
        return f.section() + " " + f.name() + ": " + num(f.value()) + " " + f.unit()
                + (f.baseline() == null ? "" : " (baseline " + num(f.baseline()) + ", " + f.baselineWhat() + "; ratio "
                + String.format(Locale.ROOT, "%.2f", f.ratio()) + ")")
                + (f.goal() == null ? "" : " goal " + f.goal() + ": " + (f.met() ? "met" : "NOT met"))
                + (f.note() == null ? "" : " [" + f.note() + "]");
    }

    static String num(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
