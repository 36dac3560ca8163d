package vn.govqms.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poison messages on every consumed topic: a record whose body is not JSON, and a record of a version nobody reads. Each
 * consumer of the topic sends both to {@code <topic>.dlq} (the provinces' dossier topics: to scoring-service's one
 * {@code scoring.dossier-events.dlq}) with its name, the source topic and the reason, counts them in a metric, and goes
 * on consuming.
 */
class PoisonMessagesIT {

    /** topic → (a type the consumers handle, the consumers of the topic). */
    static final Map<String, Map.Entry<String, List<String>>> TOPICS = Map.of(
            "document.events", Map.entry("vn.govqms.document.agency.registered",
                    List.of("audit-service", "scoring-service", "notification-service")),
            "audit.events", Map.entry("vn.govqms.audit.corrective-action.overdue", List.of("scoring-service", "notification-service")),
            "scoring.events", Map.entry("vn.govqms.scoring.objective.at-risk", List.of("notification-service")),
            "onestop.dossier-events.01", Map.entry("vn.govqms.onestop.dossier-status", List.of("scoring-service")));

    @Test
    void poisonOnEveryConsumedTopicGoesToItsDeadLetterTopicAndConsumptionGoesOn() {
        Api api = Api.get();
        Map<String, Double> before = new HashMap<>();
        for (String service : List.of("audit-service", "scoring-service", "notification-service")) {
            for (String topic : TOPICS.keySet()) {
                before.put(service + " " + topic, deadLettered(api, service, topic));
            }
        }
        // ids of the poison records, per topic
        Map<String, Set<String>> poison = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, api.stack().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            TOPICS.forEach((topic, handled) -> {
                String malformed = UUID.randomUUID().toString();
                String unknownVersion = UUID.randomUUID().toString();
                send(producer, topic, malformed, handled.getKey() + ".v1", "{\"agencyId\": \"tháng 13\", ");
                send(producer, topic, unknownVersion, handled.getKey() + ".v9", "{\"agencyId\":\"" + UUID.randomUUID() + "\"}");
                poison.put(topic, Set.of(malformed, unknownVersion));
            });
            producer.flush();
        }

        // every consumer of every topic dead-letters both, naming itself and the reason
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, api.stack().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-dlq-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS.keySet()) {
                String dead = deadLetters(topic);
                await().atMost(Duration.ofSeconds(30)).until(() -> dlq.partitionsFor(dead) != null && !dlq.partitionsFor(dead).isEmpty());
                dlq.partitionsFor(dead).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            dlq.assign(partitions);
            dlq.seekToBeginning(partitions);
            Set<String> expected = new HashSet<>();
            TOPICS.forEach((topic, handled) -> handled.getValue().forEach(consumer ->
                    poison.get(topic).forEach(id -> expected.add(topic + " " + consumer + " " + id))));
            Set<String> seen = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(300))) {
                    String id = header(r, "ce_id");
                    String reason = header(r, "dead-letter-reason");
                    if (id != null && reason != null && !reason.isBlank()) {
                        seen.add(header(r, "dead-letter-topic") + " " + header(r, "dead-letter-consumer") + " " + id);
                    }
                }
            }
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(seen);
            assertTrue(missing.isEmpty(), "not dead-lettered: " + missing);
        }

        // each consumer counted them
        TOPICS.forEach((topic, handled) -> handled.getValue().forEach(service -> await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(before.get(service + " " + topic) + 2, deadLettered(api, service, topic),
                        service + " counts the poison of " + topic))));

        // and consumption went on: a new agency reaches the three consumers of document.events
        String agency = api.agency("96", "UBND phường Cà Mau", "WARD");
        assertFalse(agency.isBlank());
        for (String service : List.of("audit-service", "scoring-service", "notification-service")) {
            given().baseUri(api.stack().service(service).baseUrl()).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    /** Where a topic's poison goes: beside it, but the provinces' dossier topics' into scoring-service's own topic. */
    static String deadLetters(String topic) {
        return topic.startsWith("onestop.dossier-events.") ? "scoring.dossier-events.dlq" : topic + ".dlq";
    }

    static void send(KafkaProducer<String, String> producer, String topic, String id, String type, String body) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, UUID.randomUUID().toString(), body);
        r.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/e2e/poison".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(r);
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The service's govqms_events_dead_lettered_total for the topic, 0 when not yet counted. */
    static double deadLettered(Api api, String service, String topic) {
        String metrics = given().baseUri(api.stack().service(service).baseUrl()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = Pattern.compile("^govqms_events_dead_lettered_total\\{([^}]*)} ([0-9.Ee+-]+)$", Pattern.MULTILINE).matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("topic=\"" + topic + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
