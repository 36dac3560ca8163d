package vn.govqms.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.govqms.local.LocalStack;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The soak: mixed traffic at a fixed rate for {@code MINUTES} on a small data set (reads, draft edits with If-Match, dossier
 * batches through REST and Kafka, a legal change every few minutes, live streams open through stream tickets), reported per
 * minute (errors by status, p50/p99, each service's RSS and heap after GC, database connections, outbox pending, consumer
 * lag), and at the end the check that nothing was lost: every dossier event stored, every legal change's review tasks,
 * review tracks and notices there. Requests are sent on a schedule whatever the answers (an open loop), so a slower service
 * shows as latency and in-flight requests, not as a lower rate.
 * <pre>deploy/bench/run --soak MINUTES [--scale 0.05] [--reads-per-s 40] [--writes-per-s 2] [--change-minutes 3] [--streams 8] [--publish]</pre>
 */
final class Soak {

    static final String USAGE = "deploy/bench/run --soak MINUTES [--scale 0.05] [--reads-per-s 40] [--writes-per-s 2] "
            + "[--change-minutes 3] [--streams 8] [--publish]";
    /** A request not answered meanwhile is not sent again on top (it counts as "skipped"): the loop stays bounded. */
    private static final int MAX_IN_FLIGHT = 256;
    private static final int DOSSIER_BATCH = 500;

    private final Harness h;
    private final Load.DataSet set;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
    private final AtomicReference<Window> window = new AtomicReference<>(new Window());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong dossiersRest = new AtomicLong();
    private final AtomicLong dossiersKafka = new AtomicLong();
    private final AtomicLong dossierSeq = new AtomicLong(1_000_000_000L);
    private final List<String> changes = new ArrayList<>();
    private final AtomicInteger changesRefused = new AtomicInteger();
    private final AtomicInteger streamsOpen = new AtomicInteger();
    private final AtomicLong streamEvents = new AtomicLong();
    private final AtomicLong streamOpens = new AtomicLong();
    private volatile boolean running = true;

    /** One minute's answers: latencies (ns) and counts by status ("200", "412", "IOException", "skipped"). */
    static final class Window {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

        void count(String status) {
            statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** A draft edited with If-Match: its ETag, and whether an edit is in flight (two at once would be a 412 by design). */
    record Draft(Load.Agency agency, String id, AtomicReference<String> etag, AtomicBoolean busy) {
    }

    private Soak(Harness h, Load.DataSet set) {
        this.h = h;
        this.set = set;
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args, USAGE, Set.of("--soak", "--scale", "--reads-per-s", "--writes-per-s", "--change-minutes", "--streams"),
                Set.of("--publish"));
        int minutes = a.integer("--soak", 10);
        double scale = a.decimal("--scale", 0.05);
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path target = repo.resolve("deploy/bench/target");
        Path data = Harness.freshData(repo, "soak-data");
        String load = Harness.loadAverage();
        Path jars = Path.of(System.getProperty("govqms.stack", repo.toString()));
        try (LocalStack stack = Harness.startStack(LocalStack.Options.test(jars, data))) {
            Thread hook = new Thread(stack::close, "soak-stack-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Harness h = new Harness(stack, new Results());
            h.machine(repo, scale, load);
            Load.DataSet set = new Load(h).dataSet(scale, 0, true, true, false);
            Soak soak = new Soak(h, set);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("minutes", minutes);
            settings.put("reads per second", a.integer("--reads-per-s", 40));
            settings.put("draft edits with If-Match per second", a.integer("--writes-per-s", 2));
            settings.put("dossier batches", DOSSIER_BATCH + " events every 10 s, REST and Kafka in turn");
            settings.put("legal change every minutes", a.integer("--change-minutes", 3));
            settings.put("live streams open", a.integer("--streams", 8));
            Map<String, Object> out = soak.run(minutes, a.integer("--reads-per-s", 40), a.integer("--writes-per-s", 2),
                    a.integer("--change-minutes", 3), a.integer("--streams", 8));
            h.results.machine.put("load average at the end", Harness.loadAverage());
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("machine", h.results.machine);
            all.put("data", h.results.data);
            all.put("settings", settings);
            all.putAll(out);
            all.put("notes", h.results.notes);
            String date = OffsetDateTime.now().toString().substring(0, 16).replace(':', '-');
            Files.createDirectories(target);
            Path json = target.resolve("soak-" + date + ".json");
            Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), all);
            Path md = target.resolve("soak-" + date + ".md");
            Files.writeString(md, markdown(all), StandardCharsets.UTF_8);
            System.out.println("soak: results in " + md + " and .json beside it");
            if (a.flag("--publish")) {
                Path published = Published.publish(json, md, repo.resolve("deploy/bench/results"), "soak", date);
                System.out.println("soak: published as " + repo.relativize(published) + " (and .md)");
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private Map<String, Object> run(int minutes, int readsPerSecond, int writesPerSecond, int changeMinutes, int streams) throws Exception {
        List<String[]> documents = h.db.column("document", """
                select d.id || ' ' || a.province_code from controlled_document d join agency a on a.id = d.agency_id
                where a.code like '%.88.H%' and d.current_revision is not null""").stream().map(s -> s.split(" ")).toList();
        List<Draft> drafts = drafts(20);
        long dossiersBefore = h.db.count("scoring", "select count(*) from dossier_event");
        long tracksBefore = h.db.count("scoring", "select count(*) from review_track");
        List<Thread> streamThreads = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Load.Agency agency = set.agencies().get(i * set.agencies().size() / streams);
            Thread t = new Thread(() -> stream(agency), "soak-stream-" + i);
            t.setDaemon(true);
            t.start();
            streamThreads.add(t);
        }
        long readPeriod = 1_000_000L / readsPerSecond;
        timer.scheduleAtFixedRate(() -> read(documents), 0, readPeriod, TimeUnit.MICROSECONDS);
        timer.scheduleAtFixedRate(() -> write(drafts), 0, 1_000_000L / writesPerSecond, TimeUnit.MICROSECONDS);
        AtomicLong batch = new AtomicLong();
        timer.scheduleAtFixedRate(() -> dossiers(batch.getAndIncrement()), 5, 10, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::legalChange, 30, changeMinutes * 60L, TimeUnit.SECONDS);

        List<Map<String, Object>> perMinute = new ArrayList<>();
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, h.stack.kafkaBootstrapServers()))) {
            for (int m = 1; m <= minutes; m++) {
                long until = start + m * 60_000_000_000L;
                while (System.nanoTime() < until) {
                    Harness.pause(Math.max(1, Math.min(1_000, (until - System.nanoTime()) / 1_000_000)));
                }
                Window w = window.getAndSet(new Window());
                Map<String, Object> row = minute(m, w, admin);
                perMinute.add(row);
                System.out.println("soak: " + row);
            }
            running = false;
            timer.shutdown();
            timer.awaitTermination(2, TimeUnit.MINUTES);
            streamThreads.forEach(Thread::interrupt);
            // what the traffic left in flight: the outboxes and the consumers drain before nothing-lost is checked
            long drainFrom = System.nanoTime();
            long deadline = drainFrom + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline && (sum(outboxPending()) > 0 || sum(lag(admin)) > 0 || inFlight.get() > 0)) {
                Harness.pause(500);
            }
            double drained = (System.nanoTime() - drainFrom) / 1e9;
            Map<String, Object> checks = checks(dossiersBefore, tracksBefore, drained);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("minutes", perMinute);
            out.put("checks", checks);
            out.put("trends", trends(perMinute));
            return out;
        }
    }

    // ---- traffic ------------------------------------------------------------------------------------------------

    private void read(List<String[]> documents) {
        String[] d = documents.get(ThreadLocalRandom.current().nextInt(documents.size()));
        send(HttpRequest.newBuilder(URI.create(h.doc("/api/v1/documents/" + d[0]))).header("Authorization", "Bearer " + h.admin(d[1])).GET().build(),
                null);
    }

    private void write(List<Draft> drafts) {
        Draft d = drafts.get(ThreadLocalRandom.current().nextInt(drafts.size()));
        if (!d.busy().compareAndSet(false, true)) {
            window.get().count("skipped (draft busy)");
            return;
        }
        String body = """
                {"content":{"steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":%d},
                 {"order":2,"name":"Trả kết quả","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(1 + ThreadLocalRandom.current().nextInt(5));
        HttpRequest r = HttpRequest.newBuilder(URI.create(h.doc("/api/v1/documents/" + d.id() + "/versions/1")))
                .header("Authorization", "Bearer " + h.token("iso-officer", d.agency())).header("If-Match", d.etag().get())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        if (!send(r, resp -> resp.headers().firstValue("ETag").ifPresent(d.etag()::set))) {
            d.busy().set(false);
        }
    }

    /** Sends without waiting; the answer goes into the minute it arrives in. False when not sent (too many in flight). */
    private boolean send(HttpRequest request, Consumer<HttpResponse<byte[]>> then) {
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            window.get().count("skipped (" + MAX_IN_FLIGHT + " in flight)");
            return false;
        }
        long t0 = System.nanoTime();
        h.http.client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((resp, e) -> {
            inFlight.decrementAndGet();
            Window w = window.get();
            w.latencies.add(System.nanoTime() - t0);
            w.count(e != null ? rootCause(e) : Integer.toString(resp.statusCode()));
            if (then != null) {
                if (resp != null && resp.statusCode() == 200) {
                    then.accept(resp);
                }
                // the draft is free again (its ETag renewed when the edit went through)
                draftsFree(request);
            }
        });
        return true;
    }

    private final Map<String, Draft> draftsByPath = new ConcurrentHashMap<>();

    private void draftsFree(HttpRequest request) {
        Draft d = draftsByPath.get(request.uri().getPath());
        if (d != null) {
            d.busy().set(false);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /** A batch of dossier events, REST and Kafka in turn (one province per REST batch, as a one-stop-shop system sends). */
    private void dossiers(long batch) {
        if (!running) {
            return;
        }
        try {
            List<Load.Agency> agencies = set.agencies();
            if (batch % 2 == 0) {
                String province = agencies.get((int) (batch / 2 % agencies.size())).province();
                List<Load.Agency> mine = agencies.stream().filter(a -> a.province().equals(province)).toList();
                StringBuilder body = new StringBuilder("{\"items\":[");
                for (int i = 0; i < DOSSIER_BATCH / 2; i++) {
                    String[] pair = DossierEvents.dossier(mine.get(ThreadLocalRandom.current().nextInt(mine.size())), dossierSeq.getAndIncrement());
                    body.append(i == 0 ? "" : ",").append(pair[0]).append(',').append(pair[1]);
                }
                // counted by status, not in the minute's p50/p99 (those are the reads' and the edits')
                int accepted = h.http.send("POST", h.scoring("/api/v1/dossier-events"), h.token("integration", province, null),
                        body.append("]}").toString(), 200).path("accepted").asInt();
                window.get().count("200 (dossier batch)");
                dossiersRest.addAndGet(accepted);
            } else {
                var records = DossierEvents.records(agencies, DOSSIER_BATCH, dossierSeq.getAndAdd(DOSSIER_BATCH / 2));
                DossierEvents.produce(h.stack.kafkaBootstrapServers(), records);
                dossiersKafka.addAndGet(records.size());
            }
        } catch (RuntimeException e) {
            window.get().count("dossier batch failed: " + e.getMessage().substring(0, Math.min(80, e.getMessage().length())));
        }
    }

    /** A national decree amending the one the loaded procedures cite, effective in 2030 (no overdue mixes in). */
    private void legalChange() {
        if (!running) {
            return;
        }
        try {
            int n = changes.size() + 1;
            String id = h.http.send("POST", h.doc("/api/v1/legal-documents"), h.national(), """
                    {"number":"%d/2026/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi, bổ sung một số điều về cơ chế một cửa (đợt %d)",
                     "issuedDate":"2026-01-%02d","effectiveDate":"2030-07-01","relations":[{"kind":"AMENDS","targetId":"%s"}]}"""
                    .formatted(200 + n, n, Math.min(28, n), set.decree()), 201).path("id").asText();
            synchronized (changes) {
                changes.add(id);
            }
            System.out.println("soak: legal change " + n + " registered (" + id + ")");
        } catch (RuntimeException e) {
            changesRefused.incrementAndGet();
            window.get().count("legal change failed: " + e.getMessage().substring(0, Math.min(80, e.getMessage().length())));
        }
    }

    /** A live stream of one agency's ISO officer, opened with a stream ticket and opened again whenever it ends. */
    private void stream(Load.Agency agency) {
        String token = h.token("iso-officer", agency);
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                String url = h.http.send("POST", h.notification("/api/v1/notifications/stream-tickets"), token, "{}", 200).path("streamUrl").asText();
                HttpResponse<Stream<String>> r = h.http.client.send(
                        HttpRequest.newBuilder(URI.create(h.notification(url))).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                window.get().count("stream " + r.statusCode());
                if (r.statusCode() != 200) {
                    r.body().close();
                    Harness.pause(1_000);
                    continue;
                }
                streamOpens.incrementAndGet();
                streamsOpen.incrementAndGet();
                try (var lines = r.body()) {
                    lines.takeWhile(l -> running).forEach(l -> {
                        if (l.startsWith("event:")) {
                            streamEvents.incrementAndGet();
                        }
                    });
                } finally {
                    streamsOpen.decrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    window.get().count("stream " + rootCause(e));
                    Harness.pause(1_000);
                }
            }
        }
    }

    /** {@code n} procedures drafted by their agencies' ISO officers, with each version's ETag. */
    private List<Draft> drafts(int n) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Load.Agency a = set.agencies().get(i * set.agencies().size() / n);
            String officer = h.token("iso-officer", a);
            String id = h.http.send("POST", h.doc("/api/v1/documents"), officer, """
                    {"agencyId":"%s","code":"QT-SOAK-%02d","title":"Quy trình thử tải số %d","type":"OPERATIONAL_PROCEDURE",
                     "content":{"steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                    .formatted(a.id(), i + 1, i + 1), 201).path("id").asText();
            try {
                HttpResponse<String> v = h.http.client.send(HttpRequest.newBuilder(URI.create(h.doc("/api/v1/documents/" + id + "/versions/1")))
                        .header("Authorization", "Bearer " + officer).GET().build(), HttpResponse.BodyHandlers.ofString());
                Draft d = new Draft(a, id, new AtomicReference<>(v.headers().firstValue("ETag").orElseThrow()), new AtomicBoolean());
                draftsByPath.put("/api/v1/documents/" + id + "/versions/1", d);
                drafts.add(d);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return drafts;
    }

    // ---- what is measured each minute ---------------------------------------------------------------------------

    private Map<String, Object> minute(int m, Window w, Admin admin) {
        long[] sorted = w.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("minute", m);
        row.put("requests", sorted.length);
        row.put("statuses", new TreeMap<>(w.statuses.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        row.put("errors_5xx", w.statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToLong(e -> e.getValue().get()).sum());
        // the reads' and the draft edits' latencies
        row.put("p50_ms", round(percentile(sorted, 50)));
        row.put("p99_ms", round(percentile(sorted, 99)));
        Map<String, Object> rss = new LinkedHashMap<>();
        Map<String, Object> heapLive = new LinkedHashMap<>();
        Map<String, Object> heapUsed = new LinkedHashMap<>();
        h.pids.forEach((s, pid) -> {
            String k = Keys.service(s);
            rss.put(k, Math.round(Harness.rss(pid) / 1024.0));
            Map<String, Double> jvm = jvm(s);
            heapLive.put(k, round(jvm.getOrDefault("live", -1.0)));
            heapUsed.put(k, round(jvm.getOrDefault("used", -1.0)));
        });
        row.put("rss_mb", rss);
        row.put("heap_after_gc_mb", heapLive);
        row.put("heap_used_mb", heapUsed);
        row.put("db_connections", dbConnections());
        row.put("outbox_pending", outboxPending());
        row.put("consumer_lag", lag(admin));
        row.put("streams_open", streamsOpen.get());
        row.put("stream_events", streamEvents.getAndSet(0));
        row.put("stream_opens", streamOpens.get());
        row.put("in_flight", inFlight.get());
        row.put("dossier_events_sent", dossiersRest.get() + dossiersKafka.get());
        row.put("legal_changes", changes.size());
        row.put("load_average", Harness.loadAverage());
        return row;
    }

    /**
     * Heap after GC from the service's Micrometer figures: {@code jvm_gc_live_data_size_bytes} (the old generation after the
     * last collection that reclaimed it) and the heap in use now ({@code jvm_memory_used_bytes}, area heap), in MB.
     */
    private Map<String, Double> jvm(String service) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            HttpResponse<String> r = h.http.client.send(HttpRequest.newBuilder(URI.create(h.url(service, "/q/metrics"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            double used = 0;
            for (String l : r.body().lines().toList()) {
                if (l.startsWith("jvm_gc_live_data_size_bytes")) {
                    out.put("live", value(l) / 1048576);
                } else if (l.startsWith("jvm_memory_used_bytes") && l.contains("area=\"heap\"")) {
                    used += value(l);
                }
            }
            out.put("used", used / 1048576);
        } catch (IOException e) {
            // the service did not answer: its figures are -1 this minute
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private static double value(String metricLine) {
        return Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
    }

    private Map<String, Long> dbConnections() {
        Map<String, Long> out = new TreeMap<>();
        for (String s : h.db.column("postgres", """
                select coalesce(datname, '(none)') || ' ' || count(*) from pg_stat_activity where backend_type = 'client backend' group by datname""")) {
            out.put(s.substring(0, s.lastIndexOf(' ')), Long.parseLong(s.substring(s.lastIndexOf(' ') + 1)));
        }
        return out;
    }

    private Map<String, Long> outboxPending() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String db : List.of("document", "audit", "scoring", "notification")) {
            out.put(db, h.db.count(db, "select count(*) from outbox where sent_at is null"));
        }
        return out;
    }

    /** Each consumer group's lag: the end offsets of its partitions less what it has committed. */
    private static Map<String, Long> lag(Admin admin) {
        Map<String, Long> out = new TreeMap<>();
        try {
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                long lag = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                out.put(g.groupId(), lag);
            }
        } catch (Exception e) {
            out.put("(not read: " + rootCause(e) + ")", -1L);
        }
        return out;
    }

    // ---- the end ------------------------------------------------------------------------------------------------

    /** Nothing lost: every dossier event sent stored once; every legal change's review tasks, review tracks and notices there. */
    private Map<String, Object> checks(long dossiersBefore, long tracksBefore, double drained) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("drained after the traffic, seconds", round(drained));
        long sent = dossiersRest.get() + dossiersKafka.get();
        long stored = h.db.count("scoring", "select count(*) from dossier_event") - dossiersBefore;
        c.put("dossier events sent (REST accepted + Kafka)", sent);
        c.put("dossier events stored", stored);
        c.put("dossier events lost", sent - stored);
        long expectedTasks = (long) changes.size() * set.procedures();
        long tasks = 0;
        List<String> perChange = new ArrayList<>();
        for (String change : changes) {
            long t = h.db.count("document", "select count(*) from review_task where cause_key = 'legal:%s:AMENDED:%s'".formatted(set.decree(), change));
            perChange.add(change + ": " + t);
            tasks += t;
        }
        c.put("legal changes", changes.size());
        // a change the service refused was never sent: nothing of it can be lost, but the soak did not exercise it
        c.put("legal changes refused (not registered, not checked)", changesRefused.get());
        c.put("review tasks expected (changes × procedures citing the decree)", expectedTasks);
        c.put("review tasks per change", perChange);
        c.put("review tasks lost", expectedTasks - tasks);
        long tracks = h.db.count("scoring", "select count(*) from review_track") - tracksBefore;
        c.put("review tracks in scoring-service", tracks);
        c.put("review tracks lost", expectedTasks - tracks);
        long noticed = h.db.count("notification", """
                select coalesce(sum((e.data -> 'notice' ->> 'taskCount')::int), 0) from review_notice n join event_log e on e.event_id = n.event_id
                where n.kind = 'procedure-review.required' and n.cause like 'LEGAL_DOCUMENT:%s:%%'""".formatted(set.decree()));
        c.put("procedures listed in notification-service's notices", noticed);
        c.put("notices lost (procedures not listed)", expectedTasks - noticed);
        return c;
    }

    /** The least-squares slope per minute of each service's RSS and heap after GC, and of the total consumer lag and connections. */
    private static Map<String, Object> trends(List<Map<String, Object>> minutes) {
        Map<String, Object> t = new LinkedHashMap<>();
        for (String series : List.of("rss_mb", "heap_after_gc_mb", "heap_used_mb")) {
            Map<String, Object> perService = new LinkedHashMap<>();
            for (String s : Keys.SERVICES) {
                perService.put(s, round(slope(minutes.stream().map(m -> ((Number) ((Map<?, ?>) m.get(series)).get(s)).doubleValue()).toList())));
            }
            t.put(series + " per minute", perService);
        }
        t.put("consumer_lag per minute (all groups)", round(slope(minutes.stream().map(m -> (double) sum(castLongs(m.get("consumer_lag")))).toList())));
        t.put("db_connections per minute (all)", round(slope(minutes.stream().map(m -> (double) sum(castLongs(m.get("db_connections")))).toList())));
        return t;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> castLongs(Object o) {
        return (Map<String, Long>) o;
    }

    static double slope(List<Double> ys) {
        int n = ys.size();
        if (n < 2) {
            return 0;
        }
        double mx = (n - 1) / 2.0;
        double my = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - mx) * (ys.get(i) - my);
            den += (i - mx) * (i - mx);
        }
        return num / den;
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(v -> Math.max(0, v)).sum();
    }

    private static double percentile(long[] sorted, double pct) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(pct / 100 * sorted.length) - 1))] / 1e6;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> all) {
        StringBuilder b = new StringBuilder("# Soak\n\nMachine: ");
        ((Map<String, Object>) all.get("machine")).forEach((k, v) -> b.append(k).append(' ').append(v).append("; "));
        b.append("\n\nSettings: ");
        ((Map<String, Object>) all.get("settings")).forEach((k, v) -> b.append(k).append(' ').append(v).append("; "));
        b.append("\n\n| Minute | Requests | Statuses | 5xx | p50 ms | p99 ms | RSS MB (doc, audit, scoring, notif) | Heap after GC MB | "
                + "DB connections | Outbox pending | Consumer lag | Streams open / events | Load |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> m : (List<Map<String, Object>>) all.get("minutes")) {
            b.append("| ").append(m.get("minute")).append(" | ").append(m.get("requests")).append(" | ").append(m.get("statuses"))
                    .append(" | ").append(m.get("errors_5xx")).append(" | ").append(m.get("p50_ms")).append(" | ").append(m.get("p99_ms"))
                    .append(" | ").append(values(m.get("rss_mb"))).append(" | ").append(values(m.get("heap_after_gc_mb")))
                    .append(" | ").append(sum(castLongs(m.get("db_connections")))).append(" | ").append(sum(castLongs(m.get("outbox_pending"))))
                    .append(" | ").append(sum(castLongs(m.get("consumer_lag")))).append(" | ").append(m.get("streams_open")).append(" / ")
                    .append(m.get("stream_events")).append(" | ").append(String.valueOf(m.get("load_average")).split(" ")[0]).append(" |\n");
        }
        b.append("\nChecks: ");
        ((Map<String, Object>) all.get("checks")).forEach((k, v) -> b.append(k).append(' ').append(v).append("; "));
        b.append("\n\nTrends (slope per minute): ");
        ((Map<String, Object>) all.get("trends")).forEach((k, v) -> b.append(k).append(' ').append(v).append("; "));
        b.append('\n');
        return b.toString();
    }

    private static String values(Object map) {
        return ((Map<?, ?>) map).values().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
