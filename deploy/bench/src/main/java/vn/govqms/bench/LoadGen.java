package vn.govqms.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static vn.govqms.bench.Harness.deleteTree;

/** The load generators the measurements share: wrk, a java.net.http closed loop when wrk is missing, and pgbench. */
final class LoadGen {

    private final Harness h;

    LoadGen(Harness h) {
        this.h = h;
    }

    /**
     * wrk with 2 threads and {@code connections} connections for {@code seconds}, each request a GET of a random line of
     * {@code lines} ("path token"); p50 and p99 from wrk's own latency record.
     */
    Summary wrk(URI base, List<String> lines, int connections, int seconds) {
        try {
            Path dir = Files.createTempDirectory("wrk");
            Files.write(dir.resolve("keys.txt"), lines);
            Files.writeString(dir.resolve("reads.lua"), """
                    local requests = {}
                    init = function(args)
                      math.randomseed(os.time() + math.floor(os.clock() * 1000000))
                      for line in io.lines(args[1]) do
                        local path, token = line:match("(%S+) (%S+)")
                        requests[#requests + 1] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
                      end
                    end
                    request = function()
                      return requests[math.random(#requests)]
                    end
                    done = function(summary, latency, requests)
                      local e = summary.errors
                      io.write(string.format("GOVQMS %d %d %d %d %d\\n", summary.requests, summary.duration, latency:percentile(50),
                        latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
                    end
                    """);
            Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "-s", dir.resolve("reads.lua").toString(),
                    base.getScheme() + "://" + base.getAuthority(), "--", dir.resolve("keys.txt").toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            deleteTree(dir);
            Matcher m = Pattern.compile("GOVQMS (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(out);
            if (p.waitFor() != 0 || !m.find()) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            return new Summary(Long.parseLong(m.group(1)) / (Long.parseLong(m.group(2)) / 1e6), Long.parseLong(m.group(3)) / 1e3,
                    Long.parseLong(m.group(4)) / 1e3, Long.parseLong(m.group(5)));
        } catch (IOException e) {
            throw new IllegalStateException("wrk: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code connections} loops, each sending its next request when the last answered, for {@code seconds}. */
    Loop closedLoop(int connections, int seconds, Supplier<HttpRequest> next) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < connections; c++) {
            loopOnce(next, end, latencies, errors, done);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Loop(sorted, elapsed, errors.get());
    }

    private void loopOnce(Supplier<HttpRequest> next, long end, ConcurrentLinkedQueue<Long> latencies, AtomicLong errors, CountDownLatch done) {
        long s = System.nanoTime();
        h.http.client.sendAsync(next.get(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
            long now = System.nanoTime();
            latencies.add(now - s);
            if (e != null || r.statusCode() != 200) {
                errors.incrementAndGet();
            }
            if (now < end) {
                loopOnce(next, end, latencies, errors, done);
            } else {
                done.countDown();
            }
        });
    }

    /** Throughput (per second), median and 99th percentile latency (ms) and failed calls of a measured load. */
    record Summary(double throughput, double p50, double p99, long errors) {
        double p(int pct) {
            return pct == 50 ? p50 : pct == 99 ? p99 : Double.NaN;
        }
    }

    /** Latencies (nanoseconds, sorted) of a closed loop, its duration and its failed calls. */
    record Loop(long[] sorted, double seconds, long errors) {
        Summary summary() {
            return new Summary(throughput(), p(50), p(99), errors);
        }

        double throughput() {
            return sorted.length / seconds;
        }

        double p(double pct) {
            return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(pct / 100 * sorted.length) - 1))] / 1e6;
        }
    }

    /** pgbench select-only on the same table and key: the document and its current version, as the GET reads them. */
    Loop pgbench(int keys, int seconds) {
        try {
            Path dir = Files.createTempDirectory("pgbench");
            Path script = dir.resolve("select.sql");
            Files.writeString(script, "\\set n random(1, " + keys + ")\n"
                    + "select d.*, v.* from bench_key k join controlled_document d on d.id = k.id "
                    + "join document_version v on v.document_id = d.id and v.revision = d.current_revision where k.n = :n;\n");
            Process p = new ProcessBuilder("pgbench", "-n", "-c", "64", "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(),
                    "-l", "--log-prefix=" + dir.resolve("log"), "-h", h.db.host(), "-p", Integer.toString(h.db.port()), "-U", h.db.user(), "document")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed: " + out);
            }
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            double t = tps.find() ? Double.parseDouble(tps.group(1)) : 0;
            List<Long> lat = new ArrayList<>();
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("log")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        String[] f = line.split(" ");
                        lat.add(Long.parseLong(f[2]) * 1000);  // microseconds → nanoseconds
                    }
                }
            }
            deleteTree(dir);
            long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
            // the duration that gives pgbench's own tps for the transactions it logged
            return new Loop(sorted, t > 0 ? sorted.length / t : seconds, 0);
        } catch (IOException e) {
            throw new IllegalStateException("pgbench: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
