package vn.govqms.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govqms.local.Folders;
import vn.govqms.local.JwtKeys;
import vn.govqms.local.KafkaBroker;
import vn.govqms.local.Ports;
import vn.govqms.local.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka client settings of production, proven against a broker that demands them: a broker of its own with SASL
 * (SCRAM-SHA-512, as deploy/k8s's Strimzi listeners), PostgreSQL, and document-service's packaged jar given only the
 * variables the kit's {@code microprofile-config.properties} reads ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}). The service publishes through its outbox relay (an
 * agency registered by REST reaches {@code document.events}) and consumes ({@code audit.events}: a poison record reaches
 * {@code audit.events.dlq} through the dead-letter channel, a producer of its own); a client with a wrong password is
 * refused. The rest of the suite and the local run stay without authentication.
 */
class KafkaSaslIT {

    static final KafkaBroker.Login BROKER = new KafkaBroker.Login("broker", "broker-" + UUID.randomUUID());
    static final KafkaBroker.Login SERVICE = new KafkaBroker.Login("document-service", "svc-" + UUID.randomUUID());
    static final KafkaBroker.Login TESTER = new KafkaBroker.Login("e2e", "e2e-" + UUID.randomUUID());

    static Path data;
    static PostgresServer postgres;
    static KafkaBroker broker;
    static Process service;
    static int port;
    static JwtKeys keys;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("govqms.repo", "../..")).toAbsolutePath().normalize();
        data = repo.resolve("deploy/e2e/target/sasl-data");
        PostgresServer.stopStaleClusters(data);
        Folders.deleteTree(data);
        Files.createDirectories(data);
        postgres = PostgresServer.start(data.resolve("pg"), Ports.free(), PostgresServer.Mode.TEST);
        postgres.createDatabase("document");
        broker = KafkaBroker.startWithSasl(data.resolve("kafka"), Ports.free(), Ports.free(), BROKER, List.of(SERVICE, TESTER));
        KafkaBroker.createTopics(broker.bootstrapServers(), TESTER.clientProperties(), 3);
        keys = JwtKeys.inFolder(data.resolve("jwt"));
        port = Ports.free();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                repo.resolve("document-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("document-service.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("document"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("document"));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", keys.issuer());
        // exactly what deploy/k8s gives a service (there SASL_SSL with the cluster CA; no TLS here)
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("KAFKA_SASL_JAAS_CONFIG", SERVICE.jaasConfig());
        service = pb.start();
        awaitReady(Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.destroy();
            try {
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServicePublishesAndConsumesThroughAnAuthenticatedBroker() throws Exception {
        // publishes: an agency registered by REST goes out through the outbox relay's producer
        String code = "000.00.31.H24";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/agencies"))
                        .header("Authorization", "Bearer " + keys.token("admin-24", "province-admin", null, "24", Duration.ofMinutes(10)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"code":"%s","name":"Sở Khoa học và Công nghệ tỉnh Bắc Ninh","level":"DEPARTMENT","provinceCode":"24",
                                 "validFrom":"2018-10-01"}""".formatted(code), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        ConsumerRecord<String, String> registered = first("document.events", r -> r.value() != null && r.value().contains(code));
        assertEquals("vn.govqms.document.agency.registered.v1", header(registered, "ce_type"));

        // consumes: a record of a type it reads (an audit completed) but that is not JSON goes, with the reason, to the
        // dead-letter topic (its own producer again)
        String poison = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            ProducerRecord<String, String> r = new ProducerRecord<>("audit.events", UUID.randomUUID().toString(), "{\"agencyId\": ");
            r.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)).add("ce_id", poison.getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/e2e/sasl".getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "vn.govqms.audit.audit.completed.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
        ConsumerRecord<String, String> dead = first("audit.events.dlq", r -> poison.equals(header(r, "ce_id")));
        assertEquals("document-service", header(dead, "dead-letter-consumer"));
        assertFalse(header(dead, "dead-letter-reason").isBlank());
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> wrong = new HashMap<>(new KafkaBroker.Login(SERVICE.username(), "not-" + SERVICE.password()).clientProperties());
        wrong.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        wrong.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        wrong.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        try (Admin admin = Admin.create(wrong)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("SCRAM-SHA-512"), e.getCause().getMessage());
        }
    }

    static Map<String, Object> client(Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(TESTER.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.putAll(more);
        return config;
    }

    /** The first record of {@code topic} (from its beginning) that {@code match} accepts, read with the tester's login. */
    static ConsumerRecord<String, String> first(String topic, Predicate<ConsumerRecord<String, String>> match) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(client(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-sasl-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(r)) {
                        return r;
                    }
                    seen.add(header(r, "ce_type"));
                }
            }
            throw new AssertionError("nothing matching on " + topic + " within 90 s; seen " + seen);
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!service.isAlive()) {
                throw new IllegalStateException("document-service exited with " + service.exitValue() + "; see " + data.resolve("document-service.log"));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
