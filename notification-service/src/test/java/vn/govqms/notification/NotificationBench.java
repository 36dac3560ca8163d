package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.govqms.local.RealParts;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmarks (run with -Pbench, not part of the tests): one legal change across 5,000 agencies, 40,000
 * procedure-review.required events on the real broker, become one notice per agency (listing its 8 procedures) in its ISO
 * officer's and head's inboxes, and one e-mail per agency to the ISO officer (to the SMTP server the test starts); then webhook deliveries per second to local receivers. The service is measured in its steady state: its consumer holds
 * the partitions before the clock starts, and a round of the same work on other agencies (and of deliveries to other
 * subscriptions) runs first, so that the measured round finds the code compiled and the caches warm. The records
 * are built before the clock starts: it measures the broker and the service, not the test's formatting. With PostgreSQL
 * started with pg_stat_statements, each round also prints the database's busiest statements until its inbox was written.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class NotificationBench {

    static final int AGENCIES = 5_000;
    static final int EVENTS_PER_AGENCY = 8;
    static final String PROVINCE = "77";
    static final int WARM_UP_AGENCIES = 5_000;
    static final String WARM_UP_PROVINCE = "78";

    @Test
    void fortyThousandReviewsBecomeInboxNotificationsThenWebhooksAreDelivered() throws Exception {
        long g0 = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("notification-service")).all().get()
                        .get("notification-service");
                return group.groupState() == GroupState.STABLE && group.members().stream()
                        .mapToLong(m -> m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals("document.events")).count())
                        .sum() == 3;
            });
        }
        System.out.printf("bench: the consumer group held the 3 partitions of document.events %.1f s after the service was up%n",
                (System.nanoTime() - g0) / 1e9);
        List<String> warmUp = agencies(WARM_UP_PROVINCE, WARM_UP_AGENCIES);
        List<String> agencies = agencies(PROVINCE, AGENCIES);
        TestDb.update(Fixtures.db(), "analyze");

        reviews("warm-up", warmUp);
        reviews("measured", agencies);

        deliveries("warm-up", WARM_UP_PROVINCE, 2, 4_000);
        deliveries("measured", PROVINCE, 4, 5_000);
    }

    /** Agencies of a province in the directory, each with an ISO officer and a head; returns their ids. */
    private static List<String> agencies(String province, int count) throws Exception {
        TestDb.update(Fixtures.db(), """
                insert into agency_directory (id, root_id, code, name, level, province_code, revision, updated_at)
                select u, u, 'B%s.' || g, 'UBND xã ' || g, 'COMMUNE', '%s', 0, now() from (select gen_random_uuid() as u, g from generate_series(1, %d) g) x"""
                .formatted(province, province, count));
        TestDb.update(Fixtures.db(), """
                insert into contact (id, agency_id, province_code, subject, name, email, language, roles, digest, version, created_at, updated_at)
                select gen_random_uuid(), a.id, a.province_code, r.role || '-' || a.code, 'Cán bộ ' || a.code,
                       lower(r.role) || '.' || a.code || '@bench.govqms.vn', 'vi', array[r.role], false, 0, now(), now()
                from agency_directory a cross join (values ('ISO_OFFICER'), ('HEAD')) r(role) where a.province_code = '%s'""".formatted(province));
        List<String> ids = new ArrayList<>();
        try (var c = DriverManager.getConnection(System.getProperty(RealParts.POSTGRES_PROPERTY) + Fixtures.db(),
                System.getProperty(RealParts.POSTGRES_USER_PROPERTY), "");
             var rs = c.createStatement().executeQuery("select id from agency_directory where province_code = '" + province + "'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** EVENTS_PER_AGENCY procedure-review.required per agency, published at once; timed until every notification is written. */
    private static void reviews(String round, List<String> agencies) {
        String cause = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String agency : agencies) {
            for (int i = 0; i < EVENTS_PER_AGENCY; i++) {
                String task = UUID.randomUUID().toString();
                String json = """
                        {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-%d","documentTitle":"Quy trình %d",
                         "revision":1,"causeType":"LEGAL_DOCUMENT","causeId":"%s","causeKind":"REPLACED",
                         "causeSummary":"Nghị định 61/2018/NĐ-CP được thay thế bởi 118/2025/NĐ-CP","effectiveDate":"2030-07-01","dueDate":"2030-10-01"}"""
                        .formatted(task, agency, UUID.randomUUID(), i, i, cause);
                ProducerRecord<String, String> record = new ProducerRecord<>("document.events", agency, json);
                for (var h : Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                        "ce_type", "vn.govqms.document.procedure-review.required.v1", "ce_source", "/govqms/document-service",
                        "ce_time", Instant.now().toString(), "ce_subject", "review-tasks/" + task,
                        "content-type", "application/json").entrySet()) {
                    record.headers().add(new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)));
                }
                records.add(record);
            }
        }
        boolean profiled = statementsReset();
        long before = Fixtures.count("select coalesce(max(id), 0) from notification");
        long t0 = System.nanoTime();
        double t0Epoch = System.currentTimeMillis() / 1000.0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144))) {
            records.forEach(producer::send);
            producer.flush();
        }
        double published = (System.nanoTime() - t0) / 1e9;
        // one change: one notice per agency (AgencyChangeNotices), to its ISO officer and head
        long expected = 2L * agencies.size();
        String written = "select count(*) from notification where channel = 'INBOX' and id > " + before;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> Fixtures.count(written) >= expected);
        String listed = "select count(*) from event_log where (data -> 'notice' ->> 'taskCount')::int = " + EVENTS_PER_AGENCY
                + " and data ->> 'causeId' = '" + cause + "'";
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> Fixtures.count(listed) == agencies.size());
        double inbox = (System.nanoTime() - t0) / 1e9;
        assertEquals(expected, Fixtures.count(written));
        System.out.printf("bench (%s): %d procedure-review.required events published in %.1f s; all %d inbox notices (ISO officer + head "
                + "of each agency, each listing its %d procedures) written %.1f s after the first was published (%.0f events/s)%n", round,
                records.size(), published, expected, EVENTS_PER_AGENCY, inbox, records.size() / inbox);
        if (profiled) {
            System.out.printf("bench (%s): the notification database's busiest statements until then (pg_stat_statements): %s%n", round,
                    TestDb.value(Fixtures.db(), PROFILE));
        }
        // the ISO officers' e-mails (one per agency) go out while and after the inbox is written; the next round starts when they are sent
        String mailed = "select count(*) from notification where id > " + before + " and channel = 'EMAIL' and delivery_status = 'SENT'";
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500)).until(() -> Fixtures.count(mailed) >= agencies.size());
        double mail = (System.nanoTime() - t0) / 1e9;
        System.out.printf("bench (%s): all %d e-mails (one per agency, to the ISO officer) accepted by the SMTP server %.1f s after the "
                + "first event was published (%.0f e-mails/s)%n", round, agencies.size(), mail, agencies.size() / mail);
        // the SMTP server runs in this JVM, as the service does: 40,000 kept messages would weigh on what is measured next
        RealPartsTestResource.mail().purge();
        // where the time goes: events are logged and fanned out in the consumer's transactions (received_at: when a batch began)
        System.out.printf("bench (%s): the first batch began %s s after the first event was published, the last %s s after%n", round,
                TestDb.value(Fixtures.db(), "select round((extract(epoch from min(received_at)) - " + t0Epoch + ")::numeric, 1) from event_log "
                        + "where data ->> 'causeId' = '" + cause + "'"),
                TestDb.value(Fixtures.db(), "select round((extract(epoch from max(received_at)) - " + t0Epoch + ")::numeric, 1) from event_log "
                        + "where data ->> 'causeId' = '" + cause + "'"));
    }

    /** Calls, total and mean time and rows of the notification database's ten busiest statements, in one line. */
    static final String PROFILE = """
            select string_agg(format('%s calls %s s (%s ms each, %s rows, WAL %s MB): %s', calls, round((total_exec_time / 1000)::numeric, 2),
                                     round((total_exec_time / calls)::numeric, 1), rows, round(wal_bytes / 1048576, 1),
                                     left(regexp_replace(query, '\\s+', ' ', 'g'), 90)), '; ' order by total_exec_time desc)
            from (select * from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                    and query not like '%pg_stat_statements%' order by total_exec_time desc limit 10) s""";

    /**
     * Empties pg_stat_statements; false (and says so) when PostgreSQL was started without it: run the bench with
     * {@code GOVQMS_POSTGRES_OPTIONS="-c shared_preload_libraries=pg_stat_statements"} for the statements' profile.
     */
    private static boolean statementsReset() {
        try {
            TestDb.update(Fixtures.db(), "create extension if not exists pg_stat_statements");
            TestDb.value(Fixtures.db(), "select pg_stat_statements_reset()::text");
            return true;
        } catch (IllegalStateException e) {
            System.out.println("bench: no statement profile (" + e.getMessage() + ")");
            return false;
        }
    }

    /** Deliveries of the province's logged events to local receivers, one subscription each, all due at once; timed until received. */
    private static void deliveries(String round, String province, int subscriptions, int perSubscription) {
        List<Receiver> receivers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int s = 0; s < subscriptions; s++) {
                Receiver r = Receiver.start();
                String[] sub = WebhookTests.subscribe(TestTokens.provinceAdmin(province), r.url(), null, WebhookTests.REVIEW);
                r.secret(sub[1]);
                receivers.add(r);
                ids.add("'" + sub[0] + "'");
            }
            // due in 3 s: every subscription's deliveries are in the table before the dispatcher may take any
            TestDb.update(Fixtures.db(), """
                    insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
                    select gen_random_uuid(), s.id, e.event_id, 'PENDING', 0, now() + interval '3 seconds', now()
                    from (select event_id from event_log where province_code = '%s' order by seq limit %d) e
                    cross join webhook_subscription s where s.id in (%s)""".formatted(province, perSubscription, String.join(",", ids)));
            long w0 = System.nanoTime() + 3_000_000_000L;
            int total = subscriptions * perSubscription;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> receivers.stream().mapToInt(r -> r.received().size()).sum() >= total);
            double seconds = (System.nanoTime() - w0) / 1e9;
            assertEquals(total, receivers.stream().mapToLong(r -> r.received().stream().filter(Receiver.Received::signatureValid).count()).sum());
            String mine = "subscription_id in (" + String.join(",", ids) + ")";
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    Fixtures.count("select count(*) from webhook_delivery where status = 'DELIVERED' and " + mine) == total);
            System.out.printf("bench (%s): %d signed webhook deliveries to %d local receivers in %.1f s: %.0f deliveries/s; "
                            + "latency p50 %s ms, max %s ms%n", round, total, subscriptions, seconds, total / seconds,
                    TestDb.value(Fixtures.db(), "select percentile_cont(0.5) within group (order by latency_ms) from webhook_attempt a "
                            + "join webhook_delivery d on d.id = a.delivery_id where d." + mine),
                    TestDb.value(Fixtures.db(), "select max(latency_ms) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id "
                            + "where d." + mine));
        } finally {
            receivers.forEach(Receiver::close);
        }
    }
}
