package vn.govqms.e2e;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.govqms.local.VietnamTime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * notification-service is killed (SIGKILL) in the middle of consuming 40,000 procedure-review.required events and
 * started again: in the end exactly 40,000 review tasks are recorded (each once: the agencies' notices keep them by task id), none missing,
 * and nothing more arrives. It is consuming again within 5 s of reporting ready.
 */
class ServiceCrashIT {

    static final int EVENTS = 40_000;
    static final Duration RESUME_WITHIN = BrokerOutageIT.RESUME_WITHIN;

    @Test
    void aConsumerKilledMidwayEndsWithTheSameCountsNoDuplicatesNoGaps() throws Exception {
        Api api = Api.get();
        String p = "68";
        List<String> agencies = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            agencies.add(api.agency(p, "UBND xã Đạ Tẻh " + i, "COMMUNE"));
        }
        String cause = UUID.randomUUID().toString();
        LocalDate due = VietnamTime.today().plusMonths(3);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, api.stack().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "20"))) {
            for (int i = 0; i < EVENTS; i++) {
                String agency = agencies.get(i % agencies.size());
                ProducerRecord<String, String> r = new ProducerRecord<>("document.events", agency, """
                        {"taskId":"%s","agencyId":"%s","documentId":"%s","documentCode":"QT-%05d","documentTitle":"Quy trình %d",
                         "revision":1,"causeType":"LEGAL_DOCUMENT","causeId":"%s","causeKind":"AMENDED","effectiveDate":"%s","dueDate":"%s"}"""
                        .formatted(UUID.randomUUID(), agency, UUID.randomUUID(), i, i, cause, due.minusMonths(3), due));
                r.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_source", "/e2e/crash".getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", "vn.govqms.document.procedure-review.required.v1".getBytes(StandardCharsets.UTF_8))
                        .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
        }
        // kill it while it consumes
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> tracked(api, agencies) >= 2_000);
        api.stack().killService("notification-service");
        long atKill = tracked(api, agencies);
        System.out.printf("e2e: notification-service killed with %d of %d events applied%n", atKill, EVENTS);
        assertTrue(atKill < EVENTS, "killed before it had applied them all: " + atKill);

        long t0 = System.nanoTime();
        Instant restartBegan = Instant.now();
        api.stack().restartService("notification-service");
        Instant ready = Instant.now();
        // consuming again within seconds of reporting ready (issue 18.5): the dead instance's membership must not hold its
        // partitions until its session would have expired
        Duration consuming = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.stack().firstConsumedAfter("notification-service", restartBegan), Optional::isPresent).orElseThrow();
        Duration jvmStart = Duration.between(restartBegan, ready);
        Duration afterReady = consuming.minus(jvmStart);
        System.out.printf("e2e: notification-service ready %.1f s after the restart began (the JVM's start); consuming %.1f s after ready%n",
                jvmStart.toMillis() / 1e3, afterReady.toMillis() / 1e3);
        assertTrue(RESUME_WITHIN == null || afterReady.compareTo(RESUME_WITHIN) <= 0, "consuming " + afterReady + " after the service reported ready");
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).until(() -> tracked(api, agencies) >= EVENTS);
        System.out.printf("e2e: all %d applied %.1f s after the restart began%n", EVENTS, (System.nanoTime() - t0) / 1e9);
        // nothing more arrives (no duplicate rows could exist: one row per task); every task once
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> tracked(api, agencies) == EVENTS);
        assertEquals(EVENTS, tracked(api, agencies));
        assertEquals(EVENTS / agencies.size(), countPerAgency(api, agencies.get(0)));
        given().baseUri(api.stack().service("notification-service").baseUrl()).get("/q/health/ready").then().statusCode(200);
    }

    // the reviews of one change are told through each agency's notice and kept as its tasks, not as log rows of their own
    static long tracked(Api api, List<String> agencies) {
        return query(api, "select count(*) from review_notice_task where agency_id = any(?::uuid[])", agencies.toArray(String[]::new));
    }

    static long countPerAgency(Api api, String agency) {
        return query(api, "select count(*) from review_notice_task where agency_id = any(?::uuid[])", new String[] {agency});
    }

    static long query(Api api, String sql, String[] ids) {
        return api.stack().count("notification-service", sql, ids);
    }
}
