package vn.govqms.e2e;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 4: the province's one-stop-shop system sends dossier events (a REST batch and the Kafka topic) → the agency's
 * KPIs → its quality objective "at least 90 % of dossiers resolved on time" is at risk → its head and ISO officer are
 * told, and the one-stop-shop system receives the signed event at its webhook.
 */
class DossierObjectiveScenarioIT {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    static String item(String code, String agencyCode, String status, OffsetDateTime at, OffsetDateTime due) {
        return """
                {"dossierCode":"%s","agencyCode":"%s","tthcCode":"1.001612.000.00.00.H58","channel":"ONLINE","status":"%s",
                 "occurredAt":"%s","dueAt":"%s"}""".formatted(code, agencyCode, status, at, due);
    }

    @Test
    void lateDossiersPutAQualityObjectiveAtRiskAndTheProvinceIsTold() throws Exception {
        Api api = Api.get();
        String p = "58";
        String admin = api.token("province-admin", null, p);
        String ward = api.agency(p, "UBND phường Phan Rang", "WARD");
        String code = api.document(admin).get("/api/v1/agencies/{id}", ward).then().extract().path("code");
        api.contact(ward, p, "HEAD", "agency-head", "Nguyễn Văn Thành", "chutich@phanrang.ninhthuan.gov.vn");
        api.contact(ward, p, "ISO_OFFICER", "iso-officer", "Lê Thị Ngọc", "iso@phanrang.ninhthuan.gov.vn");

        // the one-stop-shop system's receiver, checking each delivery's signature
        List<String> verified = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/govqms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            try {
                boolean ok = NotificationIT.sign(secret[0], exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"), body)
                        .equals(exchange.getRequestHeaders().getFirst("webhook-signature"));
                if (ok) {
                    verified.add(body);
                }
                status = ok ? 204 : 401;
            } catch (Exception e) {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String integration = api.stack().keys().token("motcua-" + p, "integration", null, p, Duration.ofHours(1));
            // objectives are not a one-stop-shop system's to read: the steering committee subscribes the receiver
            String committee = api.stack().keys().token("bcd-iso-" + p, "province-admin", null, p, Duration.ofHours(1));
            secret[0] = api.notification(committee).body("""
                    {"url":"http://127.0.0.1:%d/govqms","eventTypes":["vn.govqms.scoring.objective.at-risk.v1"],
                     "description":"Hệ thống thông tin giải quyết TTHC tỉnh Ninh Thuận"}""".formatted(receiver.getAddress().getPort()))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("secret");

            int year = LocalDate.now(VIETNAM).getYear();
            String objective = api.scoring(api.token("iso-officer", ward, p)).body("""
                    {"agencyId":"%s","year":%d,"title":"Tỷ lệ hồ sơ giải quyết đúng hạn từ 90%% trở lên","kpi":"DOSSIER_ON_TIME_RATE",
                     "comparison":"AT_LEAST","target":90}""".formatted(ward, year)).post("/api/v1/quality-objectives")
                    .then().statusCode(201).body("status", equalTo("ON_TRACK")).extract().path("id");

            // four dossiers received this year, due five days later: two resolved on time (REST), two late (Kafka)
            OffsetDateTime received = OffsetDateTime.of(year, 1, 5, 8, 0, 0, 0, VIETNAM);
            OffsetDateTime due = received.plusDays(5);
            String day = String.format("%02d%02d%02d", year % 100, 1, 5);
            List<String> onTime = List.of(
                    item(code + "-" + day + "-0001", code, "RECEIVED", received, due),
                    item(code + "-" + day + "-0001", code, "RESOLVED", received.plusDays(3), due),
                    item(code + "-" + day + "-0002", code, "RECEIVED", received, due),
                    item(code + "-" + day + "-0002", code, "RESOLVED", received.plusDays(4), due));
            api.scoring(integration).body("{\"items\":[" + String.join(",", onTime) + "]}").post("/api/v1/dossier-events")
                    .then().statusCode(200).body("accepted", equalTo(4)).body("rejected", equalTo(0));
            long t0 = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, api.stack().kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                for (String late : List.of(
                        item(code + "-" + day + "-0003", code, "RECEIVED", received, due),
                        item(code + "-" + day + "-0003", code, "RESOLVED", received.plusDays(9), due),
                        item(code + "-" + day + "-0004", code, "RECEIVED", received, due),
                        item(code + "-" + day + "-0004", code, "RESOLVED", received.plusDays(12), due))) {
                    ProducerRecord<String, String> record = new ProducerRecord<>("onestop.dossier-events." + p, code, late);
                    record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                            .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                            .add("ce_source", ("/onestop/" + p).getBytes(StandardCharsets.UTF_8))
                            .add("ce_type", "vn.govqms.onestop.dossier-status.v1".getBytes(StandardCharsets.UTF_8))
                            .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }

            // scoring-service: the KPIs, then the objective at risk
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> api.scoring(admin)
                    .queryParam("agencyId", ward).get("/api/v1/kpis").then().statusCode(200)
                    .body("items[0].resolved", equalTo(4)).body("items[0].resolvedLate", equalTo(2)).body("items[0].onTimeRate", equalTo(50.0f)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.scoring(admin).get("/api/v1/quality-objectives/{id}", objective)
                    .then().statusCode(200).body("status", equalTo("AT_RISK")).body("actual", equalTo(50.0f)));

            // notification-service: the head and the ISO officer, and the one-stop-shop system's webhook
            for (String role : new String[] {"agency-head", "iso-officer"}) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.notification(api.token(role, ward, p))
                        .queryParam("kind", "objective.at-risk").get("/api/v1/notifications").then().statusCode(200)
                        .body("total", equalTo(1)).body("items[0].agencyId", equalTo(ward)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> !verified.isEmpty());
            System.out.printf("e2e scenario 4: objective at risk, told and delivered %.1f s after the late dossiers were sent%n",
                    (System.nanoTime() - t0) / 1e9);
            assertTrue(verified.get(0).contains("\"type\":\"vn.govqms.scoring.objective.at-risk.v1\""), verified.get(0));
            assertTrue(verified.get(0).contains(objective), verified.get(0));
        } finally {
            receiver.stop(0);
        }
    }
}
