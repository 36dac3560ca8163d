package vn.govqms.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The dossier events both dossier benchmarks send (one dossier received and resolved at an agency, from its province's
 * one-stop-shop system), how they go on Kafka, and their baseline: {@code COPY} of the stored rows.
 */
final class DossierEvents {

    private DossierEvents() {
    }

    /** One dossier's received and resolved events at an agency. */
    static String[] dossier(Load.Agency a, long n) {
        String common = "\"dossierCode\":\"%s-%d\",\"agencyCode\":\"%s\",\"tthcCode\":\"1.00%04d.000.00.00.H%s\",\"channel\":\"ONLINE\",\"dueAt\":\"%d-06-20T17:00:00+07:00\""
                .formatted(a.code(), n, a.code(), n % 50, a.province(), Harness.YEAR);
        int day = (int) (n % 25) + 1;
        return new String[] {
                "{" + common + ",\"status\":\"RECEIVED\",\"occurredAt\":\"" + Harness.YEAR + "-06-01T08:00:00+07:00\"}",
                "{" + common + ",\"status\":\"RESOLVED\",\"occurredAt\":\"" + Harness.YEAR + "-06-" + String.format("%02d", day) + "T10:00:00+07:00\"}"};
    }

    /** On the agency's province's {@code onestop.dossier-events.<code>}, keyed by the agency's code, as a CloudEvent in binary mode. */
    static ProducerRecord<String, String> record(Load.Agency a, String json) {
        ProducerRecord<String, String> r = new ProducerRecord<>("onestop.dossier-events." + a.province(), a.code(), json);
        String[] h = {"ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "vn.govqms.onestop.dossier-status.v1",
                "ce_source", "/onestop/" + a.province(), "content-type", "application/json"};
        for (int i = 0; i < h.length; i += 2) {
            r.headers().add(new RecordHeader(h[i], h[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return r;
    }

    /** At least {@code count} records (dossiers at random agencies), numbered from {@code n}. */
    static List<ProducerRecord<String, String>> records(List<Load.Agency> agencies, long count, long n) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        while (records.size() < count) {
            Load.Agency a = agencies.get(ThreadLocalRandom.current().nextInt(agencies.size()));
            for (String json : dossier(a, n++)) {
                records.add(record(a, json));
            }
        }
        return records;
    }

    /** Sends and flushes them (acks=all, batched as a one-stop-shop system's bulk export would). */
    static void produce(String bootstrap, List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144", ProducerConfig.ACKS_CONFIG, "all"))) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** The baseline: the stored rows and the rate of {@code COPY} of them into a copy of dossier_event with its keys (median of 3). */
    record Copy(long rows, double rowsPerSecond) {
    }

    static Copy copyBaseline(Db db) {
        db.update("scoring", "create table dossier_event_copy (like dossier_event including all)");
        List<Double> copies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            db.update("scoring", "truncate dossier_event_copy");
            copies.add(db.copyBaseline("scoring", "select * from dossier_event", "dossier_event_copy"));
        }
        long rows = db.count("scoring", "select count(*) from dossier_event");
        db.update("scoring", "drop table dossier_event_copy");
        return new Copy(rows, rows / Stats.median(copies));
    }
}
