package vn.govqms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results file's stable names and the summary's medians, without a stack. */
class ResultsFileTests {

    @Test
    void everyNameIsDottedLowerCaseUniqueAndItsBaselineAndRatioAreNamesToo() {
        Set<String> seen = new HashSet<>();
        for (Keys.Key k : Keys.all()) {
            assertTrue(k.id().matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+"), k.id());
            assertTrue(seen.add(k.id()), "twice: " + k.id());
            if (k.baseline() != null) {
                assertNotNull(Keys.get(k.baseline()));
            }
            if (k.ratio() != null) {
                assertNotNull(Keys.get(k.ratio()));
            }
        }
        for (String brief : List.of("fanout.a.seconds", "fanout.c.ratio", "baseline.insert_select.seconds", "reads.rps", "reads.p50_ms",
                "reads.p99_ms", "reads.pgbench.tps", "reads.pgbench.p99_ms", "dossiers.rest.per_s", "dossiers.kafka.per_s",
                "baseline.copy.rows_per_s", "rankings.live.c4.p99_ms", "start.document.s", "rss.document.idle_mb")) {
            assertTrue(seen.contains(brief), brief);
        }
    }

    @Test
    void everyNameIsDocumentedInTheBenchReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Keys.Key k : Keys.all()) {
            assertTrue(readme.contains("`" + k.id() + "`"), k.id() + " is not in deploy/bench/README.md's table of names");
        }
    }

    @Test
    void aFigureIsPublishedUnderItsNameWithItsBaselineAndRatio() {
        Results r = new Results();
        r.add(Results.Figure.of("fanout.c.seconds", "1 fan-out", "(c)", 7.5, "s").baseline("baseline.insert_select.seconds", 0.5, "INSERT … SELECT"));
        r.value("rankings.live.c4.p50_ms", 1.25);
        Map<String, Double> v = r.values();
        assertEquals(7.5, v.get("fanout.c.seconds"));
        assertEquals(0.5, v.get("baseline.insert_select.seconds"));
        assertEquals(15.0, v.get("fanout.c.ratio"), 1e-9);
        assertEquals(1.25, v.get("rankings.live.c4.p50_ms"));
        assertThrows(IllegalArgumentException.class, () -> Results.Figure.of("fanout.e.seconds", "1", "?", 1, "s"));
        assertThrows(IllegalArgumentException.class, () -> r.value("reads.p95_ms", 1));
    }

    @Test
    void aRunIsWrittenAsJsonWithItsNamesAndPublishedKeepingTheLatestThree(@TempDir Path dir) throws Exception {
        Results r = new Results();
        r.machine.put("commit", "abc1234");
        r.add(Results.Figure.of("reads.rps", "2 reads", "GET", 3630, "req/s").baseline("reads.pgbench.tps", 3500, "pgbench").goal("≥ half", true));
        Path md = r.write(dir, "2026-12-07T10-00");
        JsonNode json = Http.JSON.readTree(dir.resolve("results-2026-12-07T10-00.json").toFile());
        assertEquals(3630.0, json.path("values").path("reads.rps").asDouble());
        assertEquals(3630.0 / 3500, json.path("values").path("reads.ratio").asDouble(), 1e-9);
        assertEquals("reads.rps", json.path("figures").path(0).path("key").asText());
        assertEquals("reads.ratio", json.path("figures").path(0).path("ratioKey").asText());
        assertTrue(Files.readString(md).contains("`reads.rps`"));

        Path results = dir.resolve("results");
        for (String date : List.of("2026-12-01T10-00", "2026-12-03T10-00", "2026-12-02T10-00", "2026-12-04T10-00")) {
            Published.publish(dir.resolve("results-2026-12-07T10-00.json"), md, results, "national", date);
        }
        Published.publish(dir.resolve("results-2026-12-07T10-00.json"), md, results, "soak", "2026-12-01T09-00");
        assertEquals(List.of("national-2026-12-02T10-00.json", "national-2026-12-03T10-00.json", "national-2026-12-04T10-00.json"),
                Published.runs(results, "national").stream().map(p -> p.getFileName().toString()).toList());
        assertFalse(Files.exists(results.resolve("national-2026-12-01T10-00.md")));
        assertEquals(1, Published.runs(results, "soak").size());
        assertEquals(3630.0, Published.values(results.resolve("national-2026-12-04T10-00.json")).get("reads.rps"));
        assertEquals("national", Published.kind(1.0));
        assertEquals("scale-0.05", Published.kind(0.05));
    }

    @Test
    void theMedianOfThreeIsTheMiddleOfTwoTheMeanAndARunWithoutTheFigureDoesNotCount() {
        Map<String, Double> medians = Summarize.medians(List.of(
                Map.of("fanout.c.seconds", 18.5, "reads.rps", 4000.0),
                Map.of("fanout.c.seconds", 16.7, "reads.rps", 3000.0),
                Map.of("fanout.c.seconds", 20.3)));
        assertEquals(18.5, medians.get("fanout.c.seconds"));
        assertEquals(3500.0, medians.get("reads.rps"));
        assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }

    @Test
    void theSummaryHasOneRowPerHeadlineFigureWithGoalBaselineAndRatio() {
        List<Map<String, Double>> runs = List.of(run(18.5, 0.35), run(16.7, 0.41), run(20.3, 0.38));
        String table = Summarize.table(runs);
        String row = table.lines().filter(l -> l.endsWith("`fanout.c.seconds` |")).findFirst().orElseThrow();
        List<String> cells = List.of(row.split(" \\| "));
        assertEquals("18.50 [18.50, 16.70, 20.30]", cells.get(1));
        assertEquals("< 10× baseline", cells.get(2));
        assertEquals("0.38 (`baseline.insert_select.seconds`)", cells.get(3));
        assertEquals("52.86", cells.get(4));
        assertFalse(table.contains("`fanout.c.ratio` |"), "ratios are a column, not rows");
        assertFalse(table.contains("`reads.rps`"), "no row for a figure no run has");
    }

    private static Map<String, Double> run(double c, double baseline) {
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("fanout.c.seconds", c);
        r.put("baseline.insert_select.seconds", baseline);
        r.put("fanout.c.ratio", c / baseline);
        return r;
    }
}
