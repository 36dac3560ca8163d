package vn.govqms.bench;

import vn.govqms.local.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (5) Each service's "started in" from its log, its resident memory (VmRSS) idle after start, the peak during the
 * measurements (sampled every 0.5 s) and idle after them.
 */
final class Footprint {

    private final Harness h;
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private Thread sampler;

    Footprint(Harness h) {
        this.h = h;
    }

    /** The start times and the idle RSS, then the peak sampler runs until {@link #end()}. */
    void start() {
        for (LocalStack.Service s : h.stack.services()) {
            try {
                String log = Files.readString(h.stack.logDir().resolve(s.name() + ".log"));
                Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(log);
                if (m.find()) {
                    h.results.add(Results.Figure.of("start." + Keys.service(s.name()) + ".s", "5 footprint",
                            s.name() + " start to ready (Quarkus 'started in', 4 services starting at once)", Double.parseDouble(m.group(1)), "s"));
                }
            } catch (IOException e) {
                h.results.note(s.name() + ": no log to read the start time from: " + e.getMessage());
            }
        }
        Harness.pause(5_000);
        h.pids.forEach((s, pid) -> h.results.add(Results.Figure.of("rss." + Keys.service(s) + ".idle_mb", "5 footprint",
                s + " resident memory idle after start (VmRSS)", Harness.rss(pid) / 1024.0, "MB")));
        sampler = new Thread(() -> {
            try {
                while (true) {
                    h.pids.forEach((s, pid) -> peakRss.merge(s, Harness.rss(pid), Math::max));
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                // the measurements are over
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void end() {
        h.pids.forEach((s, pid) -> h.results.add(Results.Figure.of("rss." + Keys.service(s) + ".peak_mb", "5 footprint",
                s + " resident memory, peak under the load above (VmRSS sampled every 0.5 s)", peakRss.getOrDefault(s, 0L) / 1024.0, "MB")));
        Harness.pause(5_000);
        h.pids.forEach((s, pid) -> h.results.add(Results.Figure.of("rss." + Keys.service(s) + ".after_mb", "5 footprint",
                s + " resident memory idle after the load", Harness.rss(pid) / 1024.0, "MB")));
        sampler.interrupt();
    }
}
