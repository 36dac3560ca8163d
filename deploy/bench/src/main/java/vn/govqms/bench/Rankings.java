package vn.govqms.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * (4) Ranking pages of 50, LIVE and OFFICIAL, a random province of the 34 and page of the first three, at 4 and 16
 * connections: the median of 3 runs of 5 s (by p99) after an 8-connection warm-up.
 */
final class Rankings {

    private final Harness h;
    private final LoadGen gen;

    Rankings(Harness h) {
        this.h = h;
        this.gen = new LoadGen(h);
    }

    void run() {
        List<String> provinces = new ArrayList<>(Load.PROVINCES.keySet());
        // wrk when installed, as for the reads: 16 Java client threads on the same 2 cores add their own scheduling delays
        boolean withWrk = Harness.onPath("wrk");
        for (String source : List.of("LIVE", "OFFICIAL")) {
            List<String> lines = new ArrayList<>();
            for (String p : provinces) {
                for (int page = 0; page < 3; page++) {
                    lines.add("/api/v1/rankings?year=" + Harness.YEAR + "&source=" + source + "&size=50&page=" + page + " " + h.admin(p));
                }
            }
            Supplier<HttpRequest> next = () -> {
                String[] line = lines.get(ThreadLocalRandom.current().nextInt(lines.size())).split(" ");
                return HttpRequest.newBuilder(URI.create(h.scoring(line[0]))).header("Authorization", "Bearer " + line[1]).GET().build();
            };
            URI base = URI.create(h.scoring("/"));
            if (withWrk) {
                gen.wrk(base, lines, 8, 3);
            } else {
                gen.closedLoop(8, 3, next);
            }
            for (int clients : new int[] {4, 16}) {
                List<LoadGen.Summary> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(withWrk ? gen.wrk(base, lines, clients, 5) : gen.closedLoop(clients, 5, next).summary());
                }
                runs.sort(Comparator.comparingDouble(l -> l.p(99)));
                LoadGen.Summary median = runs.get(1);
                String key = "rankings." + source.toLowerCase(Locale.ROOT) + ".c" + clients;
                h.results.add(Results.Figure.of(key + ".p99_ms", "4 rankings", source + " ranking pages of 50 over the 34 provinces' rankings, " + clients
                                + (withWrk ? " connections (wrk, 2 threads)" : " clients (java.net.http)") + ", 5 s: p99 (median of 3 runs)",
                                median.p(99), "ms").goal("< 20 ms", median.p(99) < 20)
                        .note(String.format(Locale.ROOT, "%.0f req/s, p50 %.1f ms, %d errors", median.throughput(), median.p(50), median.errors())));
                h.results.value(key + ".p50_ms", median.p(50));
                h.results.value(key + ".rps", median.throughput());
            }
        }
    }
}
