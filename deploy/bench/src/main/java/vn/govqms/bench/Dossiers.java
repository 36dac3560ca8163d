package vn.govqms.bench;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * (3) Dossier events until stored (dossiers and KPIs updated), half in REST batches of 5,000 (2 clients, one province per
 * batch), half on Kafka; for Kafka also the rate of what was left once the producer (same cores) had finished; against
 * {@code COPY} of the stored rows.
 */
final class Dossiers {

    static final String COPY = "baseline.copy.rows_per_s";

    private final Harness h;

    Dossiers(Harness h) {
        this.h = h;
    }

    void run(List<Load.Agency> agencies, long total) {
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
                String[] pair = DossierEvents.dossier(mine.get(ThreadLocalRandom.current().nextInt(mine.size())), n++);
                body.append(i == 0 ? "" : ",").append(pair[0]).append(',').append(pair[1]);
            }
            batches.add(new String[] {province, body.append("]}").toString()});
        }
        long before = h.db.count("scoring", "select count(*) from dossier_event");
        Cpu.Sample c0 = h.cpu.sample();
        long t0 = System.nanoTime();
        Http.each(batches, 2, b -> h.http.call("POST", h.scoring("/api/v1/dossier-events"), h.token("integration", b[0], null), b[1], 200)
                .thenApply(r -> {
                    if (r.path("accepted").asLong() != 5_000) {
                        throw new IllegalStateException("batch not all accepted: " + r.toString().substring(0, Math.min(400, r.toString().length())));
                    }
                    return r;
                }));
        double restSeconds = (System.nanoTime() - t0) / 1e9;
        h.results.note("CPU during the REST dossier batches: " + Cpu.between(c0, h.cpu.sample()));
        // the Kafka half starts on a quiet scoring-service: the live scores the REST batches moved are recomputed first
        double recomputed = h.await("scoring", "select case when exists (select 1 from live_score_pending) then 0 else 1 end", 1,
                Duration.ofMinutes(10));
        h.results.note(String.format(Locale.ROOT, "the live scores the REST batches moved were all recomputed %.1f s after the last batch", recomputed));
        long restEvents = batches.size() * 5_000L;
        // Kafka: the same shape on each province's onestop.dossier-events.<code>
        List<ProducerRecord<String, String>> records = DossierEvents.records(agencies, half, n);
        long beforeKafka = h.db.count("scoring", "select count(*) from dossier_event");
        // progress from scoring-service's counter of stored Kafka dossier events (counted after each commit): counting the
        // table itself every 100 ms took 140 ms of the database's time each (13.5 s in one run, the consumer's statement 81 s)
        double consumedBefore = consumedDossierEvents();
        boolean statements = h.statementsReset();
        Cpu.Sample k0cpu = h.cpu.sample();
        long k0 = System.nanoTime();
        DossierEvents.produce(h.stack.kafkaBootstrapServers(), records);
        double produced = (System.nanoTime() - k0) / 1e9;
        Cpu.Sample producedCpu = h.cpu.sample();
        long storedWhenProduced = Math.round(consumedDossierEvents() - consumedBefore);
        long waitUntil = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (consumedDossierEvents() - consumedBefore < records.size() && System.nanoTime() < waitUntil) {
            Harness.pause(100);
        }
        double kafkaSeconds = (System.nanoTime() - k0) / 1e9;
        // and the table says so too
        h.await("scoring", "select count(*) from dossier_event", beforeKafka + records.size(), Duration.ofMinutes(5));
        Cpu.Sample storedCpu = h.cpu.sample();
        h.results.note("CPU while the harness produced the Kafka dossier events: " + Cpu.between(k0cpu, producedCpu));
        h.results.note("CPU from the producer's end to the last Kafka dossier event stored: " + Cpu.between(producedCpu, storedCpu));
        if (statements) {
            h.statementProfile("from the first Kafka dossier event sent to the last stored");
        }
        // baseline: COPY of the same rows into a scratch copy of the table (same columns, keys and indexes)
        DossierEvents.Copy copy = DossierEvents.copyBaseline(h.db);
        long rows = copy.rows();
        double copyRate = copy.rowsPerSecond();
        h.results.data.put("dossier events", rows - before);
        double rest = restEvents / restSeconds;
        double kafka = records.size() / kafkaSeconds;
        h.results.add(Results.Figure.of("dossiers.rest.per_s", "3 dossiers", restEvents + " events in REST batches of 5,000, 2 clients, stored with dossiers and KPIs",
                        rest, "events/s").baseline(COPY, copyRate, "COPY of the " + rows + " stored rows into a copy of dossier_event (median of 3)")
                .goal("≥ 10,000/s", rest >= 10_000));
        h.results.add(Results.Figure.of("dossiers.kafka.per_s", "3 dossiers", records.size() + " events on Kafka onestop.dossier-events.<province>, from the first sent to all stored",
                        kafka, "events/s").baseline(COPY, copyRate, "the same COPY").goal("≥ 20,000/s", kafka >= 20_000)
                .note("the producer, on the same cores, finished sending after %.1f s".formatted(produced)));
        double drain = (records.size() - storedWhenProduced) / Math.max(0.001, kafkaSeconds - produced);
        h.results.add(Results.Figure.of("dossiers.kafka_drain.per_s", "3 dossiers", (records.size() - storedWhenProduced) + " of those events still to store when the producer "
                        + "had finished: stored at", drain, "events/s").baseline(COPY, copyRate, "the same COPY").goal("≥ 20,000/s", drain >= 20_000)
                .note("the consumer alone with the broker, without the producer's load"));
    }

    /** scoring-service's {@code govqms_dossier_events_consumed_total} (Kafka dossier events stored, new or seen before). */
    private double consumedDossierEvents() {
        try {
            HttpResponse<String> r = h.http.client.send(HttpRequest.newBuilder(URI.create(h.scoring("/q/metrics"))).GET().build(),
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
}
