package vn.govqms.bench;

import vn.govqms.local.LocalStack;
import vn.govqms.local.PostgresServer;
import vn.govqms.local.VietnamTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What every measurement works with: the running stack, its databases, an HTTP client, tokens signed with the stack's key,
 * the CPU profile, the results being written and, with {@code --tracing}, the receiver of the services' traces.
 */
final class Harness implements AutoCloseable {

    static final int YEAR = VietnamTime.today().getYear();
    static final List<String> SERVICES = List.of("document-service", "audit-service", "scoring-service", "notification-service");

    final Http http = new Http();
    final LocalStack stack;
    final Db db;
    final Results results;
    final Map<String, Long> pids;
    final Cpu cpu;
    /** The services' OTLP receiver when the run samples traces ({@code --tracing RATIO}); null otherwise. */
    final Tracing tracing;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Harness(LocalStack stack, Results results) {
        this(stack, results, null);
    }

    Harness(LocalStack stack, Results results, Tracing tracing) {
        this.stack = stack;
        this.results = results;
        this.tracing = tracing;
        this.db = new Db("127.0.0.1", stack.postgres().port(), stack.postgres().username(), stack.postgres().password());
        this.pids = servicePids(stack);
        this.cpu = new Cpu(pids);
    }

    /**
     * Per-caller requests per window in the bench's stack. The limiter stays on, as in production (the local run turns it
     * off), but the loader writes, and the rankings, reads and soak read, as a few subjects (a province admin, a
     * one-stop-shop system) at rates no person reaches: at the default 30 expensive reads a minute the rankings
     * measurement and the soak would measure 429s (deploy/bench/README.md, "Rate limits").
     */
    static final String RATE_LIMIT = "1000000";

    /** The stack's options with the bench's settings: the rate limits on and raised ({@link #RATE_LIMIT}). */
    static LocalStack.Options benchOptions(LocalStack.Options options) {
        return options.withServiceEnv("GOVQMS_RATE_LIMIT_ENABLED", "true")
                .withServiceEnv("GOVQMS_RATE_LIMIT_WRITES_REQUESTS", RATE_LIMIT)
                .withServiceEnv("GOVQMS_RATE_LIMIT_EXPENSIVE_READS_REQUESTS", RATE_LIMIT);
    }

    /**
     * The stack with the bench's settings, tried up to three times: on this shared 2-core machine under a load average of
     * 40-85 a start has taken 170-360 s (deploy/bench/run lets LocalStack wait 900 s for each service).
     */
    static LocalStack startStack(LocalStack.Options options) {
        for (int attempt = 1; ; attempt++) {
            try {
                return LocalStack.start(benchOptions(options));
            } catch (IllegalStateException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("not ready after")) {
                    throw e;
                }
                System.out.println("bench: " + e.getMessage() + ": starting the stack again (attempt " + (attempt + 1) + " of 3)");
            }
        }
    }

    /** The harness's own connections, before the stack stops. */
    @Override
    public void close() {
        db.close();
    }

    /** A fresh data directory under deploy/bench/target (a killed earlier run's database stopped first). */
    static Path freshData(Path repo, String name) throws IOException {
        Path data = repo.resolve("deploy/bench/target").resolve(name);
        PostgresServer.stopStaleClusters(data);
        deleteTree(data);
        Files.createDirectories(data);
        return data;
    }

    /** The machine and the code a run measured: commit, cores, memory, CPU model, JDK, load average, PostgreSQL. */
    void machine(Path repo, double scale, String load) throws IOException {
        Map<String, Object> m = results.machine;
        m.put("date", OffsetDateTime.now().toString());
        m.put("commit", git(repo, "rev-parse", "--short", "HEAD") + (git(repo, "status", "--porcelain", "--untracked-files=no").isBlank()
                ? "" : " (work tree has uncommitted changes of other modules)"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        m.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("load average at the start", load);
        m.put("scale", scale);
        m.put("PostgreSQL", db.value("postgres", "show server_version") + " (test mode: fsync off, synchronous_commit off)");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static Map<String, Long> servicePids(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (LocalStack.Service s : stack.services()) {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(s.name() + "/target/quarkus-app/quarkus-run.jar"))
                    .findFirst().ifPresent(p -> pids.put(s.name(), p.pid()));
        }
        return pids;
    }

    // ---- the services' addresses and tokens ---------------------------------------------------------------------

    String url(String service, String path) {
        return stack.service(service).baseUrl() + path;
    }

    String doc(String path) {
        return url("document-service", path);
    }

    String scoring(String path) {
        return url("scoring-service", path);
    }

    String notification(String path) {
        return url("notification-service", path);
    }

    String admin(String province) {
        return token("province-admin", province, null);
    }

    /** The national level: the only writer of national legal documents. */
    String national() {
        return token("national-admin", null, null);
    }

    String token(String role, Load.Agency a) {
        return token(role, a.province(), a.id());
    }

    /** A token signed with the stack's key; the subject {@code role@agency} matches the contacts the load creates. */
    String token(String role, String province, String agency) {
        return tokens.computeIfAbsent(role + "|" + province + "|" + agency, k -> stack.keys().token(
                role + "@" + (agency != null ? agency : province != null ? province : "national"), role, agency, province,
                Duration.ofHours(6)));
    }

    // ---- PostgreSQL's side --------------------------------------------------------------------------------------

    /** Empties pg_stat_statements; false when the server was started without it (deploy/bench/run loads it). */
    boolean statementsReset() {
        try {
            db.update("document", "create extension if not exists pg_stat_statements");
            db.column("document", "select pg_stat_statements_reset()::text");
            return true;
        } catch (RuntimeException e) {
            results.note("no statement profile: " + e.getMessage());
            return false;
        }
    }

    /** Notes PostgreSQL's busiest statements since {@link #statementsReset()}. */
    void statementProfile(String window) {
        results.note("PostgreSQL's busiest statements " + window + " (pg_stat_statements: time in the statement, all databases): "
                + String.join("; ", db.column("document", """
                select format('%s %s calls %s s: %s', d.datname, s.calls, round((s.total_exec_time / 1000)::numeric, 1),
                              left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110))
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where s.query not like '%pg_stat_statements%'
                order by s.total_exec_time desc limit 10""")));
    }

    /** Waits until {@code sql} in {@code database} counts at least {@code expected}; returns the seconds waited. */
    double await(String database, String sql, long expected, Duration timeout) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = db.count(database, sql);
            if (last >= expected) {
                return (System.nanoTime() - t0) / 1e9;
            }
            pause(100);
        }
        throw new IllegalStateException(database + ": " + sql + " reached " + last + " of " + expected + " in " + timeout);
    }

    // ---- small things -------------------------------------------------------------------------------------------

    /** VmRSS of a process in kB (0 if it is gone). */
    static long rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String git(Path repo, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
            cmd.addAll(Arrays.asList(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out;
        } catch (Exception e) {
            return "?";
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
