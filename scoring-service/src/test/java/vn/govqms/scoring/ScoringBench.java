package vn.govqms.scoring;

import com.sun.management.OperatingSystemMXBean;
import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;

/**
 * Benchmarks (run with -Pbench, not part of the tests): the ranking of 5,000 agencies under concurrent
 * load (goal p99 under 20 ms), and dossier events stored into KPIs through the REST batch endpoint
 * (goal 10,000/s) and through Kafka (goal 20,000/s). PostgreSQL, the broker and the service share the
 * machine with the load generator. Dossier events are measured twice: with a criteria set that does not score the
 * on-time rate (nothing to recompute) and with one that does (live scores recomputed alongside).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ScoringBench {

    static final int AGENCIES = 5_000;
    static final String PROVINCE = "77";
    static final int YEAR = LocalDate.now(VIETNAM).getYear();

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Order(1)
    void rankingOf5000AgenciesUnderConcurrentLoad() throws Exception {
        String set = activateSet(false);
        long t0 = System.nanoTime();
        TestDb.update(Fixtures.db(), """
                insert into agency_directory (id, code, name, level, province_code, root_id, revision, updated_at)
                select x.id, lpad((x.g / 100)::text, 3, '0') || '.' || lpad(mod(x.g, 100)::text, 2, '0') || '.77.H77',
                       'UBND xã ' || x.g, 'COMMUNE', '77', x.id, 0, now()
                from (select gen_random_uuid() as id, g from generate_series(1, %d) g) x""".formatted(AGENCIES));
        TestDb.update(Fixtures.db(), """
                insert into assessment (id, agency_id, province_code, year, kind, criteria_set_id, status, items, total_points, band, band_label,
                    lock_version, created_by, created_at, updated_at, finalised_at)
                select gen_random_uuid(), d.id, '77', %d, 'OFFICIAL', '%s', 'FINALISED', '[]', s.score,
                       case when s.score >= 90 then 'VERY_GOOD' when s.score >= 80 then 'GOOD' when s.score >= 70 then 'FAIR'
                            when s.score >= 50 then 'AVERAGE' else 'WEAK' end, 'x', 3, 'bench', now(), now(), now()
                from agency_directory d cross join lateral (select round((30 + random() * 70)::numeric, 1) as score where d.id is not null) s
                where d.province_code = '77'""".formatted(YEAR, set));
        TestDb.update(Fixtures.db(), """
                insert into live_score (agency_id, year, province_code, criteria_set_id, score, band, band_label, criteria, updated_at)
                select agency_id, year, province_code, criteria_set_id, total_points, band, band_label, '[]', now()
                from assessment where province_code = '77' and year = %d""".formatted(YEAR));
        TestDb.update(Fixtures.db(), "analyze");
        System.out.printf("bench: loaded %d agencies with official and live scores in %.1f s%n", AGENCIES, (System.nanoTime() - t0) / 1e9);

        String token = TestTokens.provinceAdmin(PROVINCE);
        for (String source : List.of("OFFICIAL", "LIVE")) {
            String path = "api/v1/rankings?year=" + YEAR + "&source=" + source + "&size=50&page=";
            load(token, path, 8, 250);  // warm-up: the JIT compiles the path, as in a service that has been running
            for (int clients : new int[] {4, 16}) {
                long[] latencies = load(token, path, clients, 2_000 / clients);
                report("ranking " + source + " of " + AGENCIES + " agencies, page of 50, " + clients + " concurrent clients", latencies);
            }
        }
        long[] distribution = load(token, "api/v1/rankings/distribution?year=" + YEAR + "&x=", 8, 125);
        report("band distribution of " + AGENCIES + " agencies, 8 concurrent clients", distribution);
        long[] bottom = load(token, "api/v1/rankings/bottom?n=10&year=" + YEAR + "&x=", 8, 125);
        report("bottom 10 of " + AGENCIES + " agencies, 8 concurrent clients", bottom);
    }

    /**
     * Activates a new criteria set in the bench province (retiring the one before, recomputing its live scores):
     * the standard one, or one whose 2.2 scores the on-time dossier rate, so that every dossier batch also marks
     * its agencies' live scores, recomputed alongside (the heavier case).
     */
    static String activateSet(boolean rateScored) {
        String json = CriteriaSets.standardSet(PROVINCE, 2020);
        if (rateScored) {
            json = json.replace("\"indicator\":\"CORRECTIVE_ACTIONS_OVERDUE\",\"rule\":\"DEDUCTION_PER_ITEM\",\"pointsPerItem\":10",
                    "\"indicator\":\"DOSSIER_ON_TIME_RATE\",\"rule\":\"PROPORTIONAL\",\"target\":100");
        }
        String set = CriteriaSets.createSet(PROVINCE, json);
        given().auth().oauth2(Fixtures.admin(PROVINCE)).post("/api/v1/criteria-sets/{id}/activation", set).then().statusCode(200);
        return set;
    }

    static String scenario(boolean rateScored) {
        return rateScored ? "the province's set scores the on-time rate: live scores marked and recomputed alongside"
                : "the province's set does not score the on-time rate: nothing to recompute";
    }

    /** {@code clients} threads, each sending {@code each} requests; returns the latencies in nanoseconds, sorted. */
    long[] load(String token, String path, int clients, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[each];
                for (int i = 0; i < each; i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + ThreadLocalRandom.current().nextInt(100)))
                            .header("Authorization", "Bearer " + token).GET().build();
                    long s = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    mine[i] = System.nanoTime() - s;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }
                return mine;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        lastThroughput = latencies.length / seconds;
        lastCpuPerRequest = (processCpuNanos() - cpu) / 1e6 / latencies.length;
        return latencies;
    }

    double lastThroughput;
    double lastCpuPerRequest;

    /** CPU time of this JVM: the service, the load generator and the broker (PostgreSQL's is not counted). */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    void report(String what, long[] sorted) {
        System.out.printf("bench: %s: %d requests, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.2f ms CPU of the test JVM "
                        + "(service and load generator) per request%n", what, sorted.length, lastThroughput, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6, lastCpuPerRequest);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    /** One dossier's received and resolved events for agency {@code n} of the bench province. */
    static String[] dossier(int agency, long n) {
        String code = String.format("%03d.%02d.77.H77", agency / 100, agency % 100);
        String dossier = code + "-" + n;
        String common = "\"dossierCode\":\"%s\",\"agencyCode\":\"%s\",\"tthcCode\":\"1.00%04d.000.00.00.H77\",\"channel\":\"ONLINE\",\"dueAt\":\"%d-06-20T17:00:00+07:00\""
                .formatted(dossier, code, n % 50, YEAR);
        int day = (int) (n % 25) + 1;
        return new String[] {
                "{" + common + ",\"status\":\"RECEIVED\",\"occurredAt\":\"" + YEAR + "-06-01T08:00:00+07:00\"}",
                "{" + common + ",\"status\":\"RESOLVED\",\"occurredAt\":\"" + YEAR + "-06-" + String.format("%02d", day) + "T10:00:00+07:00\"}"};
    }

    @Test
    @Order(2)
    void dossierEventsThroughTheRestBatchEndpoint() throws Exception {
        String token = TestTokens.integration(PROVINCE);
        long before = TestDb.count(Fixtures.db(), "select count(*) from dossier_event");
        int batches = 20;
        long n = 0;
        int sent = 0;
        for (boolean rateScored : new boolean[] {false, true}) {
            if (rateScored) {
                activateSet(true);
            }
            for (int clients : new int[] {1, 2}) {
                List<String> bodies = new ArrayList<>();
                for (int b = 0; b < batches; b++) {
                    StringBuilder body = new StringBuilder("{\"items\":[");
                    for (int i = 0; i < 2_500; i++) {
                        String[] pair = dossier(ThreadLocalRandom.current().nextInt(1, AGENCIES + 1), n++);
                        body.append(i == 0 ? "" : ",").append(pair[0]).append(',').append(pair[1]);
                    }
                    bodies.add(body.append("]}").toString());
                }
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int offset = c;
                    futures.add(pool.submit(() -> {
                        for (int i = offset; i < bodies.size(); i += clients) {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/dossier-events"))
                                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || !r.body().contains("\"accepted\":5000")) {
                                throw new IllegalStateException(r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(10, TimeUnit.MINUTES);
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                int events = bodies.size() * 5_000;
                sent += events;
                System.out.printf("bench: REST batches of 5,000 dossier events, %d client(s): %d events stored with KPIs in %.2f s = %.0f events/s (%s)%n",
                        clients, events, seconds, events / seconds, scenario(rateScored));
            }
        }
        assertEquals(before + sent, TestDb.count(Fixtures.db(), "select count(*) from dossier_event"));
    }

    @Test
    @Order(3)
    void dossierEventsThroughKafka() {
        long n = 10_000_000;
        for (boolean rateScored : new boolean[] {false, true}) {
            activateSet(rateScored);
            n = throughKafka(200_000, n, rateScored);
        }
    }

    /** Produces {@code events} dossier events from number {@code n} on and waits until all are stored; returns the next number. */
    long throughKafka(int events, long n, boolean rateScored) {
        long before = TestDb.count(Fixtures.db(), "select count(*) from dossier_event");
        List<ProducerRecord<String, String>> records = new ArrayList<>(events);
        for (; records.size() < events; n++) {
            int agency = ThreadLocalRandom.current().nextInt(1, AGENCIES + 1);
            String key = String.format("%03d.%02d.77.H77", agency / 100, agency % 100);
            for (String json : dossier(agency, n)) {
                ProducerRecord<String, String> r = new ProducerRecord<>("onestop.dossier-events." + PROVINCE, key, json);
                for (Map.Entry<String, String> h : Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                        "ce_type", "vn.govqms.onestop.dossier-status.v1", "ce_source", "/onestop/" + PROVINCE, "content-type", "application/json").entrySet()) {
                    r.headers().add(new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)));
                }
                records.add(r);
            }
        }
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144", ProducerConfig.ACKS_CONFIG, "1"))) {
            records.forEach(producer::send);
            producer.flush();
        }
        double produced = (System.nanoTime() - start) / 1e9;
        long storedWhenProduced = TestDb.count(Fixtures.db(), "select count(*) from dossier_event") - before;
        // each check opens a connection and counts every stored event: twice a second keeps it out of the way
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestDb.count(Fixtures.db(), "select count(*) from dossier_event") >= before + events);
        double seconds = (System.nanoTime() - start) / 1e9;
        // the producer and the broker run in this JVM: once it has sent everything, the service has the machine to itself
        System.out.printf("bench: Kafka onestop.dossier-events." + PROVINCE + ": %d events produced in %.2f s, all stored with KPIs %.2f s after the first was sent "
                        + "= %.0f events/s; after the producer finished: %d events in %.2f s = %.0f events/s (%s)%n",
                events, produced, seconds, events / seconds, events - storedWhenProduced, seconds - produced,
                (events - storedWhenProduced) / (seconds - produced), scenario(rateScored));
        return n;
    }
}
