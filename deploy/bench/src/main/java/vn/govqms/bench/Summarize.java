package vn.govqms.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The medians table of the latest three published national runs: each headline figure with its goal, the same-run
 * baseline and the ratio to it (each a median over the runs), the runs' values in brackets.
 * <pre>deploy/bench/run --summarize [--kind national]</pre>
 */
final class Summarize {

    private Summarize() {
    }

    public static void main(String[] args) {
        Args a = Args.parse(args, "deploy/bench/run --summarize [--kind national]", Set.of("--kind"), Set.of("--summarize"));
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path dir = repo.resolve("deploy/bench/results");
        List<Path> all = Published.runs(dir, a.text("--kind", "national"));
        List<Path> latest = all.subList(Math.max(0, all.size() - Published.KEPT), all.size());
        if (latest.isEmpty()) {
            System.out.println("no published " + a.text("--kind", "national") + " run in " + dir + " (deploy/bench/run --publish)");
            return;
        }
        List<Map<String, Double>> runs = new ArrayList<>();
        for (Path p : latest) {
            runs.add(Published.values(p));
            System.out.println("- " + dir.relativize(p) + ": " + Published.machine(p));
        }
        System.out.println();
        System.out.print(table(runs));
    }

    /** Each name's median over the runs that have it (the mean of the two middle values for an even count). */
    static Map<String, Double> medians(List<Map<String, Double>> runs) {
        Map<String, List<Double>> byKey = new LinkedHashMap<>();
        runs.forEach(r -> r.forEach((k, v) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
        Map<String, Double> out = new LinkedHashMap<>();
        byKey.forEach((k, v) -> out.put(k, Stats.median(v)));
        return out;
    }

    /** The Markdown table: headline figures only, in {@link Keys}' order, rows without a value left out. */
    static String table(List<Map<String, Double>> runs) {
        Map<String, Double> m = medians(runs);
        StringBuilder b = new StringBuilder("| Figure | Median [runs] | Goal | Baseline (same run, median) | Ratio (median) | Key |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Keys.Key k : Keys.all()) {
            if (!k.headline() || !m.containsKey(k.id())) {
                continue;
            }
            List<String> each = new ArrayList<>();
            runs.forEach(r -> each.add(r.containsKey(k.id()) ? Results.num(r.get(k.id())) : "-"));
            b.append("| ").append(k.what())
                    .append(" | ").append(Results.num(m.get(k.id()))).append(" [").append(String.join(", ", each)).append("]")
                    .append(" | ").append(k.goal() == null ? "" : k.goal())
                    .append(" | ").append(k.baseline() != null && m.containsKey(k.baseline()) ? Results.num(m.get(k.baseline())) + " (`" + k.baseline() + "`)" : "")
                    .append(" | ").append(k.ratio() != null && m.containsKey(k.ratio()) ? String.format(Locale.ROOT, "%.2f", m.get(k.ratio())) : "")
                    .append(" | `").append(k.id()).append("` |\n");
        }
        return b.toString();
    }
}
