package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.nio.charset.StandardCharsets;
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
 * procedure-review.required events on the real broker, become inbox notifications for each agency's ISO officer and head;
 * then webhook deliveries per second to a local receiver.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class NotificationBench {

    static final int AGENCIES = 5_000;
    static final int EVENTS_PER_AGENCY = 8;
    static final String PROVINCE = "77";

    @Test
    void fortyThousandReviewsBecomeInboxNotificationsThenWebhooksAreDelivered() throws Exception {
        TestDb.update(Fixtures.DB, """
                insert into agency_directory (id, code, name, level, province_code, revision, updated_at)
                select gen_random_uuid(), 'B' || g, 'UBND xã ' || g, 'COMMUNE', '%s', 0, now() from generate_series(1, %d) g"""
                .formatted(PROVINCE, AGENCIES));
        TestDb.update(Fixtures.DB, """
                insert into contact (id, agency_id, province_code, subject, name, language, roles, digest, version, created_at, updated_at)
                select gen_random_uuid(), a.id, a.province_code, r.role || '-' || a.code, 'Cán bộ ' || a.code, 'vi', array[r.role], false, 0, now(), now()
                from agency_directory a cross join (values ('ISO_OFFICER'), ('HEAD')) r(role) where a.province_code = '%s'""".formatted(PROVINCE));
        TestDb.update(Fixtures.DB, "analyze");
        List<String> agencies = new ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection(System.getProperty(vn.govqms.local.RealParts.POSTGRES_PROPERTY) + Fixtures.DB,
                System.getProperty(vn.govqms.local.RealParts.POSTGRES_USER_PROPERTY), "");
             var rs = c.createStatement().executeQuery("select id from agency_directory where province_code = '" + PROVINCE + "'")) {
            while (rs.next()) {
                agencies.add(rs.getString(1));
            }
        }
        String cause = UUID.randomUUID().toString();
        long before = Fixtures.count("select count(*) from notification");
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144))) {
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
                    producer.send(record);
                }
            }
            producer.flush();
        }
        double published = (System.nanoTime() - t0) / 1e9;
        long expected = before + 2L * AGENCIES * EVENTS_PER_AGENCY;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> Fixtures.count("select count(*) from notification") >= expected);
        double inbox = (System.nanoTime() - t0) / 1e9;
        assertEquals(expected, Fixtures.count("select count(*) from notification"));
        System.out.printf("bench: %d procedure-review.required events published in %.1f s; all %d inbox notifications (ISO officer + head of "
                + "each agency) written %.1f s after the first was published (%.0f events/s)%n", agencies.size() * EVENTS_PER_AGENCY,
                published, 2 * agencies.size() * EVENTS_PER_AGENCY, inbox, agencies.size() * EVENTS_PER_AGENCY / inbox);
        // where the time goes: the consumer logging the events, then the fan-out turning them into notifications
        System.out.printf("bench: the consumer logged them over %s s; notifications were written over %s s, the last %s s after the last event was logged%n",
                TestDb.value(Fixtures.DB, "select round(extract(epoch from max(received_at) - min(received_at))::numeric, 1) from event_log "
                        + "where type = 'vn.govqms.document.procedure-review.required.v1' and data ->> 'causeId' = '" + cause + "'"),
                TestDb.value(Fixtures.DB, "select round(extract(epoch from max(n.created_at) - min(n.created_at))::numeric, 1) from notification n "
                        + "join event_log e on e.event_id = n.event_id where e.data ->> 'causeId' = '" + cause + "'"),
                TestDb.value(Fixtures.DB, "select round(extract(epoch from (select max(n.created_at) from notification n join event_log e "
                        + "on e.event_id = n.event_id where e.data ->> 'causeId' = '" + cause + "') - max(received_at))::numeric, 1) "
                        + "from event_log where data ->> 'causeId' = '" + cause + "'"));

        // webhooks: 4 subscriptions (4 receivers), 5,000 deliveries each, from the events just received
        int subscriptions = 4;
        int perSubscription = 5_000;
        List<Receiver> receivers = new ArrayList<>();
        try {
            for (int s = 0; s < subscriptions; s++) {
                Receiver r = Receiver.start();
                String[] sub = WebhookTests.subscribe(TestTokens.provinceAdmin(PROVINCE), r.url(), null, WebhookTests.REVIEW);
                r.secret(sub[1]);
                receivers.add(r);
                TestDb.update(Fixtures.DB, """
                        insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), '%s', event_id, 'PENDING', 0, now() + interval '3 seconds', now()
                        from (select event_id from event_log where province_code = '%s' order by seq limit %d) e""".formatted(sub[0], PROVINCE, perSubscription));
            }
            long w0 = System.nanoTime() + 3_000_000_000L; // due in 3 s
            int total = subscriptions * perSubscription;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receivers.stream().mapToInt(r -> r.received().size()).sum() >= total);
            double seconds = (System.nanoTime() - w0) / 1e9;
            assertEquals(total, receivers.stream().mapToLong(r -> r.received().stream().filter(Receiver.Received::signatureValid).count()).sum());
            await().atMost(Duration.ofMinutes(1)).until(() -> Fixtures.count("select count(*) from webhook_delivery where status = 'DELIVERED' "
                    + "and subscription_id in (select id from webhook_subscription where province_code = '" + PROVINCE + "')") == total);
            System.out.printf("bench: %d signed webhook deliveries to %d local receivers in %.1f s: %.0f deliveries/s; latency p50 %s ms, max %s ms%n",
                    total, subscriptions, seconds, total / seconds,
                    TestDb.value(Fixtures.DB, "select percentile_cont(0.5) within group (order by latency_ms) from webhook_attempt"),
                    TestDb.value(Fixtures.DB, "select max(latency_ms) from webhook_attempt"));
        } finally {
            receivers.forEach(Receiver::close);
        }
    }
}
