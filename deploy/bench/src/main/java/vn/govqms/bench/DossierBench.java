package vn.govqms.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.govqms.local.LocalStack;
import vn.govqms.local.PostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The national benchmark's Kafka dossier part alone, for working on the ingestion: PostgreSQL, Kafka and scoring-service only
 * (the agencies written into scoring-service's agency directory by SQL, which is all the dossier path reads), then
 * {@code --rounds} times: the same shape of events as {@link Bench} (one dossier received and resolved at a random agency,
 * keyed by the agency's code, from its province's one-stop-shop system) produced on its province's {@code onestop.dossier-events.<code>},
 * timed from the first sent to the last stored, against the same-run {@code COPY} of the stored rows into a copy of
 * {@code dossier_event} (median of 3). Prints one line per round and the median with the load average.
 * <pre>deploy/bench/run-dossiers [--events 250000] [--agencies 250] [--rounds 3]</pre>
 */
public final class DossierBench {

    private DossierBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = 250_000;
        int agencies = 250;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--agencies" -> agencies = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (deploy/bench/run-dossiers [--events 250000] [--agencies 250] [--rounds 3])");
            }
        }
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path data = repo.resolve("deploy/bench/target/dossier-data");
        PostgresServer.stopStaleClusters(data);
        Bench.deleteTree(data);
        Files.createDirectories(data);
        Path jars = Path.of(System.getProperty("govqms.stack", repo.toString()));
        LocalStack.Options all = LocalStack.Options.test(jars, data);
        LocalStack.Options options = new LocalStack.Options(all.repoRoot(), all.dataDir(), false, all.postgresPort(), all.kafkaPort(),
                all.controllerPort(), all.smtpPort(), all.services().stream().filter(s -> s.name().equals("scoring-service")).toList(),
                all.topicPartitions());
        try (LocalStack stack = LocalStack.start(options)) {
            Db db = new Db("127.0.0.1", stack.postgres().port(), stack.postgres().username(), stack.postgres().password());
            List<Load.Agency> list = agencies(db, agencies);
            List<Double> rates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long n = 0;
            for (int round = 1; round <= rounds; round++) {
                String load = loadAverage();
                long before = db.count("scoring", "select count(*) from dossier_event");
                List<ProducerRecord<String, String>> records = new ArrayList<>(events);
                while (records.size() < events) {
                    Load.Agency a = list.get(ThreadLocalRandom.current().nextInt(list.size()));
                    for (String json : Bench.dossier(a, n++)) {
                        records.add(record(a, json));
                    }
                }
                long t0 = System.nanoTime();
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144", ProducerConfig.ACKS_CONFIG, "all"))) {
                    records.forEach(producer::send);
                    producer.flush();
                }
                double produced = (System.nanoTime() - t0) / 1e9;
                long target = before + records.size();
                long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
                // a count every 250 ms: a few ms of the database's time each at this size
                while (db.count("scoring", "select count(*) from dossier_event") < target) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("round " + round + ": not all stored after 20 minutes");
                    }
                    Bench.pause(250);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                db.update("scoring", "create table dossier_event_copy (like dossier_event including all)");
                List<Double> copies = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    db.update("scoring", "truncate dossier_event_copy");
                    copies.add(db.copyBaseline("scoring", "select * from dossier_event", "dossier_event_copy"));
                }
                db.update("scoring", "drop table dossier_event_copy");
                long rows = db.count("scoring", "select count(*) from dossier_event");
                double copyRate = rows / Bench.median(copies);
                double rate = records.size() / seconds;
                rates.add(rate);
                ratios.add(rate / copyRate);
                System.out.printf(Locale.ROOT, "dossier-bench: round %d: %d Kafka dossier events stored in %.1f s = %.0f events/s (producer done "
                                + "after %.1f s); COPY of the %d stored rows %.0f rows/s; ratio %.3f; load average at the start %s, at the end %s%n",
                        round, records.size(), seconds, rate, produced, rows, copyRate, rate / copyRate, load, loadAverage());
            }
            System.out.printf(Locale.ROOT, "dossier-bench: median of %d rounds: %.0f events/s, ratio to COPY %.3f %s%n", rounds,
                    Bench.median(rates), Bench.median(ratios), ratios);
        }
    }

    /** The agencies, one directory row each, spread over the 34 provinces as {@link Load#agencies} names them. */
    private static List<Load.Agency> agencies(Db db, int n) {
        List<String> provinces = new ArrayList<>(Load.PROVINCES.keySet());
        List<Load.Agency> list = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String province = provinces.get(i % provinces.size());
            int k = i / provinces.size();
            String code = String.format("%03d.%02d.%02d.H%s", 100 + k / 100, k % 100, 88, province);
            Load.Agency a = new Load.Agency(UUID.randomUUID().toString(), code, province);
            list.add(a);
            values.append(values.isEmpty() ? "" : ",").append("('%s'::uuid,'%s','UBND xã số %d','COMMUNE','%s')"
                    .formatted(a.id(), code, k + 1, province));
        }
        db.update("scoring", """
                insert into agency_directory (id, code, name, level, province_code, valid_from, revision, updated_at, root_id)
                select id, code, name, level, province, date '2018-10-01', 1, now(), id from (values %s) v(id, code, name, level, province)"""
                .formatted(values));
        db.update("scoring", "analyze");
        return list;
    }

    static ProducerRecord<String, String> record(Load.Agency a, String json) {
        ProducerRecord<String, String> r = new ProducerRecord<>("onestop.dossier-events." + a.province(), a.code(), json);
        String[] h = {"ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "vn.govqms.onestop.dossier-status.v1",
                "ce_source", "/onestop/" + a.province(), "content-type", "application/json"};
        for (int i = 0; i < h.length; i += 2) {
            r.headers().add(new RecordHeader(h[i], h[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return r;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
