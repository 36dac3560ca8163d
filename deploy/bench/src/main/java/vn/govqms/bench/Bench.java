package vn.govqms.bench;

import vn.govqms.local.LocalStack;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The national-scale benchmark's runner: starts the local stack (PostgreSQL, a Kafka broker, the four packaged services),
 * loads the national data set scaled by {@code --scale} ({@link Load}), runs the measurements ({@link FanOut},
 * {@link Reads}, {@link Dossiers}, {@link Rankings}, {@link Footprint}; {@code --only} some of them), each against the
 * database alone doing the same work in the same run, and writes deploy/bench/target/results-DATE.json and .md
 * ({@code --publish}: copied to deploy/bench/results/).
 */
public final class Bench {

    static final String USAGE = "deploy/bench/run [--scale 1.0] [--read-seconds 30] [--rest-procedures N] "
            + "[--only fanout,reads,dossiers,rankings] [--tracing RATIO] [--publish] | --summarize | --soak MINUTES";
    static final List<String> MEASUREMENTS = List.of("fanout", "reads", "dossiers", "rankings");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args, USAGE, Set.of("--scale", "--read-seconds", "--rest-procedures", "--only", "--tracing"),
                Set.of("--publish"));
        double scale = a.decimal("--scale", 1.0);
        Set<String> only = new LinkedHashSet<>(Arrays.asList(a.text("--only", String.join(",", MEASUREMENTS)).split(",")));
        if (!MEASUREMENTS.containsAll(only)) {
            throw new IllegalArgumentException("--only takes some of " + MEASUREMENTS + ", comma-separated; not " + only);
        }
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path target = repo.resolve("deploy/bench/target");
        Path data = Harness.freshData(repo, "data");
        String load = Harness.loadAverage();
        // the packaged services as deploy/bench/run copied them (the repository's own when started otherwise)
        Path jars = Path.of(System.getProperty("govqms.stack", repo.toString()));
        long t0 = System.nanoTime();
        Tracing tracing = Tracing.of(a);
        LocalStack.Options options = LocalStack.Options.test(jars, data);
        try (LocalStack stack = Harness.startStack(tracing == null ? options : tracing.apply(options))) {
            // Ctrl-C or a kill: stop PostgreSQL, Kafka and the services too
            Thread hook = new Thread(stack::close, "bench-stack-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            double stackStart = (System.nanoTime() - t0) / 1e9;
            Harness h = new Harness(stack, new Results(), tracing);
            h.machine(repo, scale, load);
            h.results.machine.put("tracing", tracing == null ? "off (the services' local profile samples no new trace)"
                    : "sampler ratio " + tracing.ratio + ", OTLP http/protobuf to the harness's receiver (" + tracing.endpoint() + ")");
            if (only.size() < MEASUREMENTS.size()) {
                h.results.machine.put("only", String.join(",", only));
            }
            h.results.add(Results.Figure.of("start.stack.s", "5 footprint", "whole stack start to every service ready (PostgreSQL, Kafka, 4 services)",
                    stackStart, "s"));
            run(h, only, scale, a.integer("--read-seconds", 30), a.integer("--rest-procedures", -1));
            h.results.machine.put("load average at the end", Harness.loadAverage());
            String date = OffsetDateTime.now().toString().substring(0, 16).replace(':', '-');
            Path md = h.results.write(target, date);
            System.out.println("bench: results in " + md + " and .json beside it");
            if (a.flag("--publish")) {
                Path published = Published.publish(target.resolve("results-" + date + ".json"), md, repo.resolve("deploy/bench/results"),
                        Published.kind(scale) + (only.size() < MEASUREMENTS.size() ? "-" + String.join("-", only) : ""), date);
                System.out.println("bench: published as " + repo.relativize(published) + " (and .md)");
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            h.close();
        } finally {
            // after the stack: the services' last exports as they stop still find it
            if (tracing != null) {
                tracing.close();
            }
        }
    }

    private static void run(Harness h, Set<String> only, double scale, int readSeconds, int restProcedures) {
        Footprint footprint = new Footprint(h);
        footprint.start();
        Load.DataSet set = new Load(h).dataSet(scale, restProcedures, only.contains("fanout"), only.contains("reads"), only.contains("rankings"));
        if (only.contains("fanout")) {
            new FanOut(h).run(set);
        }
        if (only.contains("reads")) {
            new Reads(h).run(readSeconds);
        }
        if (only.contains("dossiers")) {
            new Dossiers(h).run(set.agencies(), set.dossierEvents());
        }
        if (only.contains("rankings")) {
            new Rankings(h).run();
        }
        footprint.end();
        if (h.tracing != null) {
            h.tracing.record(h.results);
        }
    }
}
