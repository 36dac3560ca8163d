package vn.govqms.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.govqms.local.LocalStack;
import vn.govqms.local.PostgresServer;
import vn.govqms.local.VietnamTime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The national-scale benchmark: starts the local stack (PostgreSQL, a Kafka broker, the four packaged services), loads
 * the national data set scaled by {@code --scale}, measures the legal-change fan-out, document reads, dossier ingestion,
 * rankings and the footprint, each against the database alone doing the same work in the same run, and writes
 * deploy/bench/target/results-DATE.json and .md.
 */
public final class Bench {

    static final int YEAR = VietnamTime.today().getYear();

    final Http http = new Http();
    final LocalStack stack;
    final Db db;
    final Results results = new Results();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private Cpu cpu;

    private Bench(LocalStack stack) {
        this.stack = stack;
        this.db = new Db("127.0.0.1", stack.postgres().port(), stack.postgres().username(), stack.postgres().password());
    }

    public static void main(String[] args) throws Exception {
        double scale = 1.0;
        int readSeconds = 30;
        int restProcedures = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--read-seconds" -> readSeconds = Integer.parseInt(args[++i]);
                case "--rest-procedures" -> restProcedures = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (deploy/bench/run [--scale 1.0] [--read-seconds 30] [--rest-procedures N])");
            }
        }
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path target = repo.resolve("deploy/bench/target");
        Path data = target.resolve("data");
        PostgresServer.stopStaleClusters(data);  // a killed earlier run's database
        deleteTree(data);
        Files.createDirectories(data);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        // the packaged services as deploy/bench/run copied them (the repository's own when started otherwise)
        Path jars = Path.of(System.getProperty("govqms.stack", repo.toString()));
        long t0 = System.nanoTime();
        try (LocalStack stack = startStack(jars, data)) {
            // Ctrl-C or a kill: stop PostgreSQL, Kafka and the services too
            Thread hook = new Thread(stack::close, "bench-stack-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            double stackStart = (System.nanoTime() - t0) / 1e9;
            Bench bench = new Bench(stack);
            bench.machine(repo, scale, load);
            bench.results.add(new Results.Figure("5 footprint", "whole stack start to every service ready (PostgreSQL, Kafka, 4 services)",
                    stackStart, "s", null, null, null, null, null, null));
            bench.run(scale, readSeconds, restProcedures);
            bench.results.machine.put("load average at the end", Files.readString(Path.of("/proc/loadavg")).trim());
            String date = OffsetDateTime.now().toString().substring(0, 16).replace(':', '-');
            Path md = bench.results.write(target, date);
            System.out.println("bench: results in " + md + " and .json beside it");
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /**
     * The stack, tried up to three times: LocalStack waits 180 s for each service, and on this shared 2-core machine
     * under a load average of 40-60 a start has taken 170-200 s.
     */
    private static LocalStack startStack(Path jars, Path data) {
        for (int attempt = 1; ; attempt++) {
            try {
                return LocalStack.start(LocalStack.Options.test(jars, data));
            } catch (IllegalStateException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("not ready after")) {
                    throw e;
                }
                System.out.println("bench: " + e.getMessage() + ": starting the stack again (attempt " + (attempt + 1) + " of 3)");
            }
        }
    }

    private void machine(Path repo, double scale, String load) throws Exception {
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

    private void run(double scale, int readSeconds, int restProceduresArg) {
        Map<String, Long> pids = servicePids();
        cpu = new Cpu(pids);
        footprintAtStart(pids);
        Thread sampler = new Thread(() -> {
            try {
                while (true) {
                    pids.forEach((s, pid) -> peakRss.merge(s, rss(pid), Math::max));
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                // the measurements are over
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();

        int agencies = (int) Math.round(5_000 * scale);
        int procedures = (int) Math.round(40_000 * scale);
        int perAgency = Math.max(1, procedures / agencies);
        procedures = perAgency * agencies;
        int restProcedures = restProceduresArg < 0 ? procedures : Math.min(procedures, restProceduresArg / agencies * agencies);
        int otherVersions = (int) Math.round(200_000 * scale) - procedures;
        int otherPerAgency = otherVersions / agencies;
        long dossierEvents = Math.round(1_000_000 * scale);

        Load load = new Load(this);
        long l0 = System.nanoTime();
        Map<String, String> sets = load.criteriaSets();
        List<Load.Agency> list = load.agencies(agencies);
        double agencySeconds = (System.nanoTime() - l0) / 1e9;
        results.add(new Results.Figure("load", agencies + " agencies in 34 provinces registered through document-service REST (16 in flight)",
                agencies / agencySeconds, "agencies/s", null, null, null, null, null, null));
        load.await("notification", "select count(*) from agency_directory where code like '%.88.H%'", agencies, Duration.ofMinutes(10));
        load.await("scoring", "select count(*) from agency_directory where code like '%.88.H%'", agencies, Duration.ofMinutes(10));
        long c0 = System.nanoTime();
        load.contacts(list);
        results.add(new Results.Figure("load", 2 * agencies + " contacts (ISO officer + head per agency) through notification-service REST",
                2 * agencies / ((System.nanoTime() - c0) / 1e9), "contacts/s", null, null, null, null, null, null));
        String decree = load.decree();
        long p0 = System.nanoTime();
        load.issuedProcedures(list, restProcedures, decree, 24);
        double procSeconds = (System.nanoTime() - p0) / 1e9;
        results.add(new Results.Figure("load", restProcedures + " procedures drafted, submitted, approved and issued through document-service REST (24 in flight, 4 calls each)",
                restProcedures / procSeconds, "procedures/s", null, null, null, null, null,
                String.format(Locale.ROOT, "the full 40,000 would take %.0f min at this rate", 40_000 / (restProcedures / procSeconds) / 60)));
        if (restProcedures < procedures) {
            load.issuedProceduresBySql("%.88.H%", (procedures - restProcedures) / agencies, perAgency + 1, decree);
            results.note((procedures - restProcedures) + " of the " + procedures + " issued procedures citing the decree were written by SQL into "
                    + "document-service's tables (controlled_document, document_version ISSUED, document_version_legal_basis), "
                    + restProcedures + " through REST");
        }
        load.otherDocumentsBySql(otherPerAgency);
        long versions = db.count("document", "select count(*) from document_version");
        results.data.put("provinces", 34);
        results.data.put("agencies", agencies);
        results.data.put("document versions", versions);
        results.data.put("issued procedures citing the decree", procedures);
        results.data.put("document versions by SQL (not citing the decree)", otherPerAgency * agencies);
        results.data.put("contacts", 2 * agencies);
        results.note((otherPerAgency * agencies) + " other issued document versions (system procedures, not citing the decree) were written by SQL "
                + "into controlled_document and document_version: they give the reads and the fan-out's query a table of the data set's size");
        // the OFFICIAL ranking needs finalised assessments: written by SQL (the assessment workflow has no bulk path)
        StringBuilder values = new StringBuilder();
        sets.forEach((p, id) -> values.append(values.isEmpty() ? "" : ",").append("('").append(p).append("','").append(id).append("'::uuid)"));
        db.update("scoring", """
                insert into assessment (id, agency_id, province_code, year, kind, criteria_set_id, status, items, total_points, band, band_label,
                    lock_version, created_by, created_at, updated_at, finalised_at)
                select gen_random_uuid(), d.id, d.province_code, %d, 'OFFICIAL', s.set_id, 'FINALISED', '[]', sc.score,
                       case when sc.score >= 90 then 'VERY_GOOD' when sc.score >= 80 then 'GOOD' when sc.score >= 70 then 'FAIR'
                            when sc.score >= 50 then 'AVERAGE' else 'WEAK' end, 'x', 3, 'bench', now(), now(), now()
                from agency_directory d join (values %s) s(p, set_id) on s.p = d.province_code
                cross join lateral (select round((30 + random() * 70)::numeric, 1) as score where d.id is not null) sc
                where d.code like '%%.88.H%%'""".formatted(YEAR, values));
        results.note(agencies + " finalised OFFICIAL assessments (random scores) were written by SQL into scoring-service's assessment table for the OFFICIAL ranking");
        results.data.put("live scores", db.count("scoring", "select count(*) from live_score where year = " + YEAR));
        results.data.put("load seconds (without dossiers)", Math.round((System.nanoTime() - l0) / 1e9));
        Stream.of("document", "scoring", "notification").forEach(d -> db.update(d, "analyze"));
        // the measurements start once scoring-service has consumed the load's document.issued events (else the
        // fan-out's review events queue behind them)
        double settle = load.await("scoring", "select count(*) from published_document", restProcedures, Duration.ofMinutes(30));
        results.data.put("seconds scoring-service still needed for the load's events", Math.round(settle));

        warmUp(load, agencies);
        fanOut(load, decree, procedures);
        reads(readSeconds);
        dossiers(list, dossierEvents, load);
        rankings();
        footprintAtEnd(pids);
        sampler.interrupt();
    }

    // ---- 1. legal-change fan-out -------------------------------------------------------------------------------

    /**
     * A smaller legal change first (one system procedure per agency cites a second decree, which is then replaced), as
     * the reads have a warm-up: the consumers' review path is compiled by the JIT, as in services that have been running,
     * and the measured change does not pay for it. Its own timings are noted.
     */
    private void warmUp(Load load, int agencies) {
        String decree = http.send("POST", doc("/api/v1/legal-documents"), national(), """
                {"number":"45/2020/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về thực hiện thủ tục hành chính trên môi trường điện tử",
                 "issuedDate":"2020-04-08","effectiveDate":"2020-05-22"}""", 201).path("id").asText();
        db.update("document", """
                insert into document_version_legal_basis (version_id, legal_document_id)
                select v.id, '%s' from document_version v join controlled_document d on d.id = v.document_id where d.code = 'QT-HT-1'"""
                .formatted(decree));
        long tasks = db.count("document", "select count(*) from document_version_legal_basis where legal_document_id = '" + decree + "'");
        if (tasks == 0) {
            results.note("no warm-up change: the data set has no system procedures to cite its decree");
            return;
        }
        long tracksBefore = db.count("scoring", "select count(*) from review_track");
        long inboxBefore = db.count("notification", "select coalesce(max(id), 0) from notification");
        long t0 = System.nanoTime();
        http.send("POST", doc("/api/v1/legal-documents"), national(), """
                {"number":"42/2022/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về cung cấp thông tin và dịch vụ công trực tuyến",
                 "issuedDate":"2022-06-24","effectiveDate":"2030-07-01","relations":[{"kind":"REPLACES","targetId":"%s"}]}""".formatted(decree), 201);
        // both from the registration (the await starts when the request has returned)
        double scoring = (System.nanoTime() - t0) / 1e9 + load.await("scoring", "select count(*) - " + tracksBefore + " from review_track", tasks,
                Duration.ofMinutes(10));
        double inbox = (System.nanoTime() - t0) / 1e9 + load.await("notification", "select count(*) from notification where channel = 'INBOX' and id > "
                + inboxBefore, 2 * tasks, Duration.ofMinutes(10));
        results.note(String.format(Locale.ROOT, "warm-up before (1): a legal change of %d review tasks (one system procedure per agency of %d): "
                + "review tracks in scoring-service after %.1f s, inbox notifications after %.1f s", tasks, agencies, scoring, inbox));
    }

    private void fanOut(Load load, String decree, int procedures) {
        db.update("document", "create table review_task_baseline (like review_task including defaults)");
        List<Double> base = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            db.update("document", "truncate review_task_baseline");
            base.add(db.timed("document", """
                    insert into review_task_baseline (id, agency_id, document_id, version_id, cause_type, cause_id, cause_key, cause_kind,
                        cause_summary, effective_date, due_date, status, version, created_at)
                    select gen_random_uuid(), d.agency_id, d.id, v.id, 'LEGAL_DOCUMENT', b.legal_document_id, 'baseline', 'REPLACED', 'x',
                           date '2030-07-01', date '2030-10-01', 'OPEN', 0, now()
                    from document_version_legal_basis b join document_version v on v.id = b.version_id
                    join controlled_document d on d.id = v.document_id where b.legal_document_id = '%s'""".formatted(decree)));
        }
        double baseline = median(base);
        db.update("document", "drop table review_task_baseline");
        long tracksBefore = db.count("scoring", "select count(*) from review_track");
        Notices notices = Notices.of(db, decree, procedures);
        boolean statements = statementsReset();
        Cpu.Sample cpu0 = cpu.sample();
        Cpu.Sample[] cpuAt = new Cpu.Sample[3];
        long t0 = System.nanoTime();
        // effective in the future: no overdue event mixes into the measurement
        http.send("POST", doc("/api/v1/legal-documents"), national(), """
                {"number":"118/2025/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
                 "issuedDate":"2025-06-07","effectiveDate":"2030-07-01","relations":[{"kind":"REPLACES","targetId":"%s"}]}""".formatted(decree), 201);
        double request = (System.nanoTime() - t0) / 1e9;
        double[] at = new double[3];
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline && (at[0] == 0 || at[1] == 0 || at[2] == 0)) {
            double now = (System.nanoTime() - t0) / 1e9;
            if (at[0] == 0 && db.count("document", "select count(*) from review_task where cause_id = '" + decree + "'") >= procedures) {
                at[0] = now;
                cpuAt[0] = cpu.sample();
            }
            if (at[1] == 0 && db.count("scoring", "select count(*) from review_track") - tracksBefore >= procedures) {
                at[1] = now;
                cpuAt[1] = cpu.sample();
            }
            if (at[2] == 0 && notices.reached()) {
                at[2] = now;
                cpuAt[2] = cpu.sample();
            }
            pause(100);
        }
        String[] what = {"(a) " + procedures + " review tasks created in document-service",
                "(b) " + procedures + " review tracks (the agencies' indicators) in scoring-service",
                notices.what()};
        for (int i = 0; i < 3; i++) {
            if (at[i] == 0) {
                results.add(new Results.Figure("1 fan-out", what[i] + ": NOT reached in 15 min", 900, "s", baseline, "one INSERT … SELECT of the same rows",
                        900 / baseline, i == 2 ? "< 10 s" : null, i == 2 ? false : null, null));
            } else {
                results.add(new Results.Figure("1 fan-out", what[i] + ", from the decree's registration", at[i], "s", baseline,
                        "one INSERT … SELECT of the " + procedures + " review-task rows (median of 3)", at[i] / baseline,
                        i == 2 ? "< 10 s" : null, i == 2 ? at[i] < 10 : null, i == 0 ? String.format(Locale.ROOT, "the request itself %.2f s", request) : null));
            }
        }
        if (statements) {
            statementProfile("from the decree's registration to (b) and (c)");
        }
        for (int i = 0; i < 3; i++) {
            if (cpuAt[i] != null) {
                results.note("CPU from the decree's registration to " + what[i].substring(0, 3) + ": " + Cpu.between(cpu0, cpuAt[i]));
            }
        }
        // (d) the e-mail queue (the ISO officers' e-mails of this change, behind whatever was queued before): how fast the SMTP
        // server accepted e-mails during 30 s after (c), and what was left. The stand-in SMTP server answers each command after
        // ~44 ms, which caps the rate here (see the README).
        String sent = "select count(*) from notification where channel = 'EMAIL' and delivery_status = 'SENT'";
        String queued = "select count(*) from notification where channel = 'EMAIL' and delivery_status = 'PENDING'";
        long sent0 = db.count("notification", sent);
        long m0 = System.nanoTime();
        pause(30_000);
        double rate = (db.count("notification", sent) - sent0) / ((System.nanoTime() - m0) / 1e9);
        long left = db.count("notification", queued);
        results.add(new Results.Figure("1 fan-out", "(d) e-mails accepted by the SMTP server, during 30 s after (c)", rate, "e-mails/s",
                null, null, null, null, null, left + " still queued then, " + notices.emails() + " of them queued by this change (one per agency)"));
    }

    /** Empties pg_stat_statements; false when the server was started without it (deploy/bench/run loads it). */
    private boolean statementsReset() {
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
    private void statementProfile(String window) {
        results.note("PostgreSQL's busiest statements " + window + " (pg_stat_statements: time in the statement, all databases): "
                + String.join("; ", db.column("document", """
                select format('%s %s calls %s s: %s', d.datname, s.calls, round((s.total_exec_time / 1000)::numeric, 1),
                              left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110))
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where s.query not like '%pg_stat_statements%'
                order by s.total_exec_time desc limit 10""")));
    }

    // ---- 2. document reads --------------------------------------------------------------------------------------

    private void reads(int seconds) {
        db.update("document", "create table bench_key as select row_number() over (order by d.id) as n, d.id, a.province_code "
                + "from controlled_document d join agency a on a.id = d.agency_id where a.code like '%.88.H%'");
        db.update("document", "alter table bench_key add primary key (n)");
        List<String> keys = db.column("document", "select id || ' ' || province_code from bench_key order by n");
        int n = keys.size();
        Supplier<HttpRequest> next = () -> {
            String[] k = keys.get(ThreadLocalRandom.current().nextInt(n)).split(" ");
            return HttpRequest.newBuilder(URI.create(doc("/api/v1/documents/" + k[0]))).header("Authorization", "Bearer " + admin(k[1])).GET().build();
        };
        // wrk (C, from Debian's packages) when installed: a Java client on the same 2 cores took more CPU than the service
        boolean withWrk = onPath("wrk");
        Summary service;
        if (withWrk) {
            wrk(keys, 5);  // warm-up: the JIT compiles the path, as in a service that has been running
            Cpu.Sample c0 = cpu.sample();
            service = wrk(keys, seconds);
            results.note("CPU during the document reads (wrk): " + Cpu.between(c0, cpu.sample()));
        } else {
            closedLoop(64, 5, next);
            service = closedLoop(64, seconds, next).summary();
        }
        Summary pg = pgbench(n, seconds).summary();
        results.add(new Results.Figure("2 reads", "GET /api/v1/documents/{id}, 64 connections (" + (withWrk ? "wrk, 2 threads" : "java.net.http")
                + "), " + seconds + " s, of " + n + " documents: throughput",
                service.throughput(), "req/s", pg.throughput(), "pgbench select-only by key, 64 clients, same table", service.throughput() / pg.throughput(),
                "≥ half the baseline", service.throughput() >= pg.throughput() / 2, service.errors() + " errors"));
        results.add(new Results.Figure("2 reads", "GET /api/v1/documents/{id}: p50", service.p(50), "ms", pg.p(50), "pgbench p50",
                service.p(50) / pg.p(50), null, null, null));
        results.add(new Results.Figure("2 reads", "GET /api/v1/documents/{id}: p99", service.p(99), "ms", pg.p(99), "pgbench p99",
                service.p(99) / pg.p(99), "< 20 ms", service.p(99) < 20, null));
        db.update("document", "drop table bench_key");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /**
     * wrk with 2 threads and 64 connections for {@code seconds}, each request a random document with its province admin's
     * token; p50 and p99 from wrk's own latency record.
     */
    private Summary wrk(List<String> keys, int seconds) {
        List<String> lines = new ArrayList<>();
        for (String k : keys) {
            String[] f = k.split(" ");
            lines.add("/api/v1/documents/" + f[0] + " " + admin(f[1]));
        }
        return wrk(URI.create(doc("/")), lines, 64, seconds);
    }

    /**
     * wrk with 2 threads and {@code connections} connections for {@code seconds}, each request a GET of a random line of
     * {@code lines} ("path token"); p50 and p99 from wrk's own latency record.
     */
    private Summary wrk(URI base, List<String> lines, int connections, int seconds) {
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
        http.client.sendAsync(next.get(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
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
    private Loop pgbench(int keys, int seconds) {
        try {
            Path dir = Files.createTempDirectory("pgbench");
            Path script = dir.resolve("select.sql");
            Files.writeString(script, "\\set n random(1, " + keys + ")\n"
                    + "select d.*, v.* from bench_key k join controlled_document d on d.id = k.id "
                    + "join document_version v on v.document_id = d.id and v.revision = d.current_revision where k.n = :n;\n");
            Process p = new ProcessBuilder("pgbench", "-n", "-c", "64", "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(),
                    "-l", "--log-prefix=" + dir.resolve("log"), "-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user(), "document")
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

    // ---- 3. dossier ingestion -----------------------------------------------------------------------------------

    private void dossiers(List<Load.Agency> agencies, long total, Load load) {
        Map<String, List<Load.Agency>> byProvince = new LinkedHashMap<>();
        agencies.forEach(a -> byProvince.computeIfAbsent(a.province(), k -> new ArrayList<>()).add(a));
        List<String> provinces = new ArrayList<>(byProvince.keySet());
        long half = total / 2;
        // REST: batches of 5,000 (2,500 dossiers received and resolved), one province per batch, 2 clients
        List<String[]> batches = new ArrayList<>();
        long n = 0;
        for (int b = 0; b < half / 5_000; b++) {
            String province = provinces.get(b % provinces.size());
            List<Load.Agency> mine = byProvince.get(province);
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 2_500; i++) {
                String[] pair = dossier(mine.get(ThreadLocalRandom.current().nextInt(mine.size())), n++);
                body.append(i == 0 ? "" : ",").append(pair[0]).append(',').append(pair[1]);
            }
            batches.add(new String[] {province, body.append("]}").toString()});
        }
        long before = db.count("scoring", "select count(*) from dossier_event");
        Cpu.Sample c0 = cpu.sample();
        long t0 = System.nanoTime();
        Http.each(batches, 2, b -> http.call("POST", scoring("/api/v1/dossier-events"), token("integration", b[0], null), b[1], 200)
                .thenApply(r -> {
                    if (r.path("accepted").asLong() != 5_000) {
                        throw new IllegalStateException("batch not all accepted: " + r.toString().substring(0, Math.min(400, r.toString().length())));
                    }
                    return r;
                }));
        double restSeconds = (System.nanoTime() - t0) / 1e9;
        results.note("CPU during the REST dossier batches: " + Cpu.between(c0, cpu.sample()));
        // the Kafka half starts on a quiet scoring-service: the live scores the REST batches moved are recomputed first
        double recomputed = load.await("scoring", "select case when exists (select 1 from live_score_pending) then 0 else 1 end", 1,
                Duration.ofMinutes(10));
        results.note(String.format(Locale.ROOT, "the live scores the REST batches moved were all recomputed %.1f s after the last batch", recomputed));
        long restEvents = batches.size() * 5_000L;
        // Kafka: the same shape on each province's onestop.dossier-events.<code>
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        while (records.size() < half) {
            Load.Agency a = agencies.get(ThreadLocalRandom.current().nextInt(agencies.size()));
            for (String json : dossier(a, n++)) {
                ProducerRecord<String, String> r = new ProducerRecord<>("onestop.dossier-events." + a.province(), a.code(), json);
                for (Map.Entry<String, String> h : Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                        "ce_type", "vn.govqms.onestop.dossier-status.v1", "ce_source", "/onestop/" + a.province(),
                        "content-type", "application/json").entrySet()) {
                    r.headers().add(new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)));
                }
                records.add(r);
            }
        }
        long beforeKafka = db.count("scoring", "select count(*) from dossier_event");
        // progress from scoring-service's counter of stored Kafka dossier events (counted after each commit): counting the
        // table itself every 100 ms took 140 ms of the database's time each (13.5 s in one run, the consumer's statement 81 s)
        double consumedBefore = consumedDossierEvents();
        boolean statements = statementsReset();
        Cpu.Sample k0cpu = cpu.sample();
        long k0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144", ProducerConfig.ACKS_CONFIG, "all"))) {
            records.forEach(producer::send);
            producer.flush();
        }
        double produced = (System.nanoTime() - k0) / 1e9;
        Cpu.Sample producedCpu = cpu.sample();
        long storedWhenProduced = Math.round(consumedDossierEvents() - consumedBefore);
        long waitUntil = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (consumedDossierEvents() - consumedBefore < records.size() && System.nanoTime() < waitUntil) {
            pause(100);
        }
        double kafkaSeconds = (System.nanoTime() - k0) / 1e9;
        // and the table says so too
        load.await("scoring", "select count(*) from dossier_event", beforeKafka + records.size(), Duration.ofMinutes(5));
        Cpu.Sample storedCpu = cpu.sample();
        results.note("CPU while the harness produced the Kafka dossier events: " + Cpu.between(k0cpu, producedCpu));
        results.note("CPU from the producer's end to the last Kafka dossier event stored: " + Cpu.between(producedCpu, storedCpu));
        if (statements) {
            statementProfile("from the first Kafka dossier event sent to the last stored");
        }
        // baseline: COPY of the same rows into a scratch copy of the table (same columns, keys and indexes)
        db.update("scoring", "create table dossier_event_copy (like dossier_event including all)");
        List<Double> copies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            db.update("scoring", "truncate dossier_event_copy");
            copies.add(db.copyBaseline("scoring", "select * from dossier_event", "dossier_event_copy"));
        }
        long rows = db.count("scoring", "select count(*) from dossier_event");
        double copyRate = rows / median(copies);
        db.update("scoring", "drop table dossier_event_copy");
        results.data.put("dossier events", rows - before);
        double rest = restEvents / restSeconds;
        double kafka = records.size() / kafkaSeconds;
        results.add(new Results.Figure("3 dossiers", restEvents + " events in REST batches of 5,000, 2 clients, stored with dossiers and KPIs",
                rest, "events/s", copyRate, "COPY of the " + rows + " stored rows into a copy of dossier_event (median of 3)", rest / copyRate,
                "≥ 10,000/s", rest >= 10_000, null));
        results.add(new Results.Figure("3 dossiers", records.size() + " events on Kafka onestop.dossier-events.<province>, from the first sent to all stored",
                kafka, "events/s", copyRate, "the same COPY", kafka / copyRate, "≥ 20,000/s", kafka >= 20_000,
                "the producer, on the same cores, finished sending after %.1f s".formatted(produced)));
        double drain = (records.size() - storedWhenProduced) / Math.max(0.001, kafkaSeconds - produced);
        results.add(new Results.Figure("3 dossiers", (records.size() - storedWhenProduced) + " of those events still to store when the producer "
                + "had finished: stored at", drain, "events/s", copyRate, "the same COPY", drain / copyRate, "≥ 20,000/s", drain >= 20_000,
                "the consumer alone with the broker, without the producer's load"));
    }

    /** scoring-service's {@code govqms_dossier_events_consumed_total} (Kafka dossier events stored, new or seen before). */
    private double consumedDossierEvents() {
        try {
            HttpResponse<String> r = http.client.send(HttpRequest.newBuilder(URI.create(scoring("/q/metrics"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.body().lines().filter(l -> l.startsWith("govqms_dossier_events_consumed_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new IllegalStateException("scoring-service metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One dossier's received and resolved events at an agency. */
    static String[] dossier(Load.Agency a, long n) {
        String common = "\"dossierCode\":\"%s-%d\",\"agencyCode\":\"%s\",\"tthcCode\":\"1.00%04d.000.00.00.H%s\",\"channel\":\"ONLINE\",\"dueAt\":\"%d-06-20T17:00:00+07:00\""
                .formatted(a.code(), n, a.code(), n % 50, a.province(), YEAR);
        int day = (int) (n % 25) + 1;
        return new String[] {
                "{" + common + ",\"status\":\"RECEIVED\",\"occurredAt\":\"" + YEAR + "-06-01T08:00:00+07:00\"}",
                "{" + common + ",\"status\":\"RESOLVED\",\"occurredAt\":\"" + YEAR + "-06-" + String.format("%02d", day) + "T10:00:00+07:00\"}"};
    }

    // ---- 4. rankings --------------------------------------------------------------------------------------------

    private void rankings() {
        List<String> provinces = new ArrayList<>(Load.PROVINCES.keySet());
        // wrk when installed, as for the reads: 16 Java client threads on the same 2 cores add their own scheduling delays
        boolean withWrk = onPath("wrk");
        for (String source : List.of("LIVE", "OFFICIAL")) {
            List<String> lines = new ArrayList<>();
            for (String p : provinces) {
                for (int page = 0; page < 3; page++) {
                    lines.add("/api/v1/rankings?year=" + YEAR + "&source=" + source + "&size=50&page=" + page + " " + admin(p));
                }
            }
            Supplier<HttpRequest> next = () -> {
                String[] line = lines.get(ThreadLocalRandom.current().nextInt(lines.size())).split(" ");
                return HttpRequest.newBuilder(URI.create(scoring(line[0]))).header("Authorization", "Bearer " + line[1]).GET().build();
            };
            URI base = URI.create(scoring("/"));
            if (withWrk) {
                wrk(base, lines, 8, 3);
            } else {
                closedLoop(8, 3, next);
            }
            for (int clients : new int[] {4, 16}) {
                List<Summary> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(withWrk ? wrk(base, lines, clients, 5) : closedLoop(clients, 5, next).summary());
                }
                runs.sort(Comparator.comparingDouble(l -> l.p(99)));
                Summary median = runs.get(1);
                results.add(new Results.Figure("4 rankings", source + " ranking pages of 50 over the 34 provinces' rankings, " + clients
                        + (withWrk ? " connections (wrk, 2 threads)" : " clients (java.net.http)") + ", 5 s: p99 (median of 3 runs)",
                        median.p(99), "ms", null, null, null, "< 20 ms", median.p(99) < 20,
                        String.format(Locale.ROOT, "%.0f req/s, p50 %.1f ms, %d errors", median.throughput(), median.p(50), median.errors())));
            }
        }
    }

    // ---- 5. footprint -------------------------------------------------------------------------------------------

    private Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (LocalStack.Service s : stack.services()) {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(s.name() + "/target/quarkus-app/quarkus-run.jar"))
                    .findFirst().ifPresent(p -> pids.put(s.name(), p.pid()));
        }
        return pids;
    }

    private void footprintAtStart(Map<String, Long> pids) {
        for (LocalStack.Service s : stack.services()) {
            try {
                String log = Files.readString(stack.logDir().resolve(s.name() + ".log"));
                Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(log);
                if (m.find()) {
                    results.add(new Results.Figure("5 footprint", s.name() + " start to ready (Quarkus 'started in', 4 services starting at once)",
                            Double.parseDouble(m.group(1)), "s", null, null, null, null, null, null));
                }
            } catch (IOException e) {
                results.note(s.name() + ": no log to read the start time from: " + e.getMessage());
            }
        }
        pause(5_000);
        pids.forEach((s, pid) -> results.add(new Results.Figure("5 footprint", s + " resident memory idle after start (VmRSS)",
                rss(pid) / 1024.0, "MB", null, null, null, null, null, null)));
    }

    private void footprintAtEnd(Map<String, Long> pids) {
        pids.forEach((s, pid) -> results.add(new Results.Figure("5 footprint", s + " resident memory, peak under the load above (VmRSS sampled every 0.5 s)",
                peakRss.getOrDefault(s, 0L) / 1024.0, "MB", null, null, null, null, null, null)));
        pause(5_000);
        pids.forEach((s, pid) -> results.add(new Results.Figure("5 footprint", s + " resident memory idle after the load",
                rss(pid) / 1024.0, "MB", null, null, null, null, null, null)));
    }

    /** VmRSS of a process in kB (0 if it is gone). */
    static long rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    String doc(String path) {
        return stack.service("document-service").baseUrl() + path;
    }

    String scoring(String path) {
        return stack.service("scoring-service").baseUrl() + path;
    }

    String notification(String path) {
        return stack.service("notification-service").baseUrl() + path;
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

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[v.length / 2];
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String git(Path repo, String... args) {
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
