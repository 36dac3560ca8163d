package vn.govqms.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable names of the figures in a run's JSON ({@code values}), documented in deploy/bench/README.md: a figure is
 * published only under a name listed here, so a renamed or new figure shows up in the README's table (the unit test
 * checks it) and in the summary of the published runs.
 */
final class Keys {

    /**
     * One name; for the headline figures (the summary's rows) the goal in words and the names of the same-run baseline
     * and of the ratio to it (null: none).
     */
    record Key(String id, String what, boolean headline, String goal, String baseline, String ratio) {
    }

    static final List<String> SERVICES = List.of("document", "audit", "scoring", "notification");

    private static final Map<String, Key> ALL = new LinkedHashMap<>();

    static {
        plain("load.agencies_per_s", "agencies registered through document-service REST (16 in flight)");
        plain("load.contacts_per_s", "contacts created through notification-service REST");
        plain("load.procedures_per_s", "procedures drafted, submitted, approved and issued through REST");
        plain("baseline.insert_select.seconds", "the review-task rows of the change by one INSERT … SELECT (median of 3)");
        for (String[] f : new String[][] {{"a", "review tasks created in document-service", null},
                {"b", "review tracks (the agencies' indicators) in scoring-service", "< 10× baseline"},
                {"c", "every affected agency's recipients notified (inbox)", "< 10× baseline"}}) {
            headline("fanout." + f[0] + ".seconds", "(" + f[0] + ") " + f[1] + ", seconds from the decree's registration", f[2],
                    "baseline.insert_select.seconds", "fanout." + f[0] + ".ratio");
            plain("fanout." + f[0] + ".ratio", "(" + f[0] + ") over the INSERT … SELECT baseline");
        }
        plain("fanout.d.emails_per_s", "(d) e-mails accepted by the SMTP server during 30 s after (c)");
        plain("reads.pgbench.tps", "pgbench select-only by key, 64 clients, same table: transactions/s");
        plain("reads.pgbench.p50_ms", "pgbench p50, ms");
        plain("reads.pgbench.p99_ms", "pgbench p99, ms");
        headline("reads.rps", "GET /api/v1/documents/{id}, 64 connections: requests/s", "≥ 1.0× pgbench", "reads.pgbench.tps", "reads.ratio");
        plain("reads.ratio", "reads.rps over reads.pgbench.tps");
        plain("reads.p50_ms", "GET /api/v1/documents/{id} p50, ms");
        plain("reads.p50_ratio", "reads.p50_ms over reads.pgbench.p50_ms");
        headline("reads.p99_ms", "GET /api/v1/documents/{id} p99, ms", "≤ pgbench p99", "reads.pgbench.p99_ms", "reads.p99_ratio");
        plain("reads.p99_ratio", "reads.p99_ms over reads.pgbench.p99_ms");
        plain("baseline.copy.rows_per_s", "COPY of the stored dossier_event rows into a copy of the table (median of 3): rows/s");
        headline("dossiers.rest.per_s", "dossier events in REST batches of 5,000, 2 clients: events/s", "≥ 10,000/s",
                "baseline.copy.rows_per_s", "dossiers.rest.ratio");
        plain("dossiers.rest.ratio", "dossiers.rest.per_s over baseline.copy.rows_per_s");
        headline("dossiers.kafka.per_s", "dossier events on Kafka, first sent to all stored: events/s", "≥ 0.15× COPY",
                "baseline.copy.rows_per_s", "dossiers.kafka.ratio");
        plain("dossiers.kafka.ratio", "dossiers.kafka.per_s over baseline.copy.rows_per_s");
        plain("dossiers.kafka_drain.per_s", "the Kafka events still to store when the producer had finished: events/s");
        plain("dossiers.kafka_drain.ratio", "dossiers.kafka_drain.per_s over baseline.copy.rows_per_s");
        for (String source : List.of("live", "official")) {
            for (int c : new int[] {4, 16}) {
                String k = "rankings." + source + ".c" + c;
                String what = source.toUpperCase() + " ranking pages of 50, " + c + " connections";
                headline(k + ".p99_ms", what + ": p99, ms (median of 3 runs of 5 s)", "< 20 ms and ≤ 5× p50", null, null);
                plain(k + ".p50_ms", what + ": p50, ms");
                plain(k + ".rps", what + ": requests/s");
            }
        }
        headline("start.stack.s", "whole stack start to every service ready, seconds", null, null, null);
        for (String s : SERVICES) {
            plain("start." + s + ".s", s + "-service's Quarkus \"started in\", seconds (4 services starting at once)");
            plain("rss." + s + ".idle_mb", s + "-service's resident memory idle after start, MB");
            plain("rss." + s + ".peak_mb", s + "-service's resident memory, peak during the measurements (sampled every 0.5 s), MB");
            plain("rss." + s + ".after_mb", s + "-service's resident memory idle after the load, MB");
        }
        plain("tracing.ratio", "--tracing: the services' sampling ratio for new traces");
        plain("tracing.requests", "--tracing: OTLP export requests the harness's receiver answered");
        plain("tracing.bytes", "--tracing: their bytes as sent");
        plain("tracing.spans", "--tracing: the spans in them");
    }

    private Keys() {
    }

    private static void plain(String id, String what) {
        ALL.put(id, new Key(id, what, false, null, null, null));
    }

    private static void headline(String id, String what, String goal, String baseline, String ratio) {
        ALL.put(id, new Key(id, what, true, goal, baseline, ratio));
    }

    static Key get(String id) {
        Key k = ALL.get(id);
        if (k == null) {
            throw new IllegalArgumentException("no figure named " + id + " in Keys (and deploy/bench/README.md's table)");
        }
        return k;
    }

    static List<Key> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }

    /** The service's short name in the keys: document-service → document. */
    static String service(String name) {
        return name.replace("-service", "");
    }
}
