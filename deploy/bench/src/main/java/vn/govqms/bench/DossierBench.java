package vn.govqms.bench;

import org.apache.kafka.clients.producer.ProducerRecord;
import vn.govqms.local.LocalStack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The national benchmark's Kafka dossier part alone, for working on the ingestion: PostgreSQL, Kafka and scoring-service only
 * (the agencies written into scoring-service's agency directory by SQL, which is all the dossier path reads), then
 * {@code --rounds} times: the same shape of events as {@link Dossiers} (one dossier received and resolved at a random agency,
 * keyed by the agency's code, from its province's one-stop-shop system) produced on its province's {@code onestop.dossier-events.<code>},
 * timed from the first sent to the last stored, against the same-run {@code COPY} of the stored rows into a copy of
 * {@code dossier_event} (median of 3). Prints one line per round and the median with the load average.
 * <pre>deploy/bench/run-dossiers [--events 250000] [--agencies 250] [--rounds 3]</pre>
 */
public final class DossierBench {

    private DossierBench() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args, "deploy/bench/run-dossiers [--events 250000] [--agencies 250] [--rounds 3]",
                Set.of("--events", "--agencies", "--rounds"), Set.of());
        int events = a.integer("--events", 250_000);
        int agencies = a.integer("--agencies", 250);
        int rounds = a.integer("--rounds", 3);
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path data = Harness.freshData(repo, "dossier-data");
        Path jars = Path.of(System.getProperty("govqms.stack", repo.toString()));
        LocalStack.Options all = LocalStack.Options.test(jars, data);
        LocalStack.Options options = new LocalStack.Options(all.repoRoot(), all.dataDir(), false, all.postgresPort(), all.kafkaPort(),
                all.controllerPort(), all.smtpPort(), all.services().stream().filter(s -> s.name().equals("scoring-service")).toList(),
                all.topicPartitions());
        try (LocalStack stack = LocalStack.start(Harness.benchOptions(options))) {
            Db db = new Db("127.0.0.1", stack.postgres().port(), stack.postgres().username(), stack.postgres().password());
            List<Load.Agency> list = agencies(db, agencies);
            List<Double> rates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long n = 0;
            for (int round = 1; round <= rounds; round++) {
                String load = Harness.loadAverage();
                long before = db.count("scoring", "select count(*) from dossier_event");
                List<ProducerRecord<String, String>> records = DossierEvents.records(list, events, n);
                n += records.size() / 2;
                long t0 = System.nanoTime();
                DossierEvents.produce(stack.kafkaBootstrapServers(), records);
                double produced = (System.nanoTime() - t0) / 1e9;
                long target = before + records.size();
                long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
                // a count every 250 ms: a few ms of the database's time each at this size
                while (db.count("scoring", "select count(*) from dossier_event") < target) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("round " + round + ": not all stored after 20 minutes");
                    }
                    Harness.pause(250);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                DossierEvents.Copy copy = DossierEvents.copyBaseline(db);
                double rate = records.size() / seconds;
                rates.add(rate);
                ratios.add(rate / copy.rowsPerSecond());
                System.out.printf(Locale.ROOT, "dossier-bench: round %d: %d Kafka dossier events stored in %.1f s = %.0f events/s (producer done "
                                + "after %.1f s); COPY of the %d stored rows %.0f rows/s; ratio %.3f; load average at the start %s, at the end %s%n",
                        round, records.size(), seconds, rate, produced, copy.rows(), copy.rowsPerSecond(), rate / copy.rowsPerSecond(), load,
                        Harness.loadAverage());
            }
            System.out.printf(Locale.ROOT, "dossier-bench: median of %d rounds: %.0f events/s, ratio to COPY %.3f %s%n", rounds,
                    Stats.median(rates), Stats.median(ratios), ratios);
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
}
