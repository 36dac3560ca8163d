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
     * One figure; {@code baseline} the database alone doing the same work in the same run (null: none), {@code ratio}
     * the figure over the baseline, {@code goal} in words and whether it was met (null: no goal).
     */
    record Figure(String section, String name, double value, String unit, Double baseline, String baselineWhat, Double ratio,
                  String goal, Boolean met, String note) {
    }

    final Map<String, Object> machine = new LinkedHashMap<>();
    final Map<String, Object> data = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void add(Figure f) {
        figures.add(f);
        System.out.println("bench: " + line(f));
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

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("Machine: ");
        machine.forEach((k, v) -> b.append(k).append(" ").append(v).append("; "));
        b.append("\n\nData: ");
        data.forEach((k, v) -> b.append(k).append(" ").append(v).append("; "));
        b.append("\n\n| | Figure | Measured | Baseline (same run) | Ratio | Goal | Met |\n|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            b.append("| ").append(f.section()).append(" | ").append(f.name()).append(f.note() == null ? "" : " (" + f.note() + ")")
                    .append(" | ").append(num(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(f.baseline() == null ? "" : num(f.baseline()) + " " + f.unit() + ", " + f.baselineWhat())
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.goal() == null ? "" : f.goal())
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n");
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
