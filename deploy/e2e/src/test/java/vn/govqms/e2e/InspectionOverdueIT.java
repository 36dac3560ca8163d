package vn.govqms.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;
import vn.govqms.local.VietnamTime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An on-site provincial inspection finds a nonconformity; the agency records the corrective action
 * with a due date already past (an inspection held earlier); audit-service's scheduled check announces
 * it overdue on audit.events, read here from the broker.
 */
class InspectionOverdueIT {

    static RequestSpecification audit(LocalStack stack, String role, String agency, String province) {
        return given().baseUri(stack.service("audit-service").baseUrl())
                .auth().oauth2(stack.keys().token(role + "-" + (agency == null ? province : agency), role, agency, province,
                        Duration.ofHours(1)))
                .contentType(ContentType.JSON);
    }

    @Test
    void anInspectionFindingLeadsToACorrectiveActionThatGoesOverdue() {
        LocalStack stack = E2eStack.get();
        String province = "44";
        String admin = AgencyPropagationIT.adminToken(stack, province);
        String agency = AgencyPropagationIT.register(stack, admin, province, "UBND xã Hải Lăng");
        String dost = AgencyPropagationIT.register(stack, admin, province, "Sở Khoa học và Công nghệ tỉnh Quảng Trị");
        for (String id : List.of(agency, dost)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    audit(stack, "province-admin", null, province).get("/api/v1/agencies/{id}", id).then().statusCode(200));
        }
        String inspection = audit(stack, "province-admin", null, province).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"ON_SITE","title":"Kiểm tra việc áp dụng HTQLCL năm 2026",
                 "plannedStart":"2026-11-08","plannedEnd":"2026-11-10",
                 "team":[{"subject":"auditor-%s","fullName":"Phạm Thị Lan","agencyId":"%s","unit":"Chi cục TĐC","role":"LEAD"}]}"""
                .formatted(agency, dost, dost)).post("/api/v1/audits").then().statusCode(201).extract().path("id");
        audit(stack, "auditor", dost, province).post("/api/v1/audits/{id}/start", inspection).then().statusCode(200);
        String finding = audit(stack, "auditor", dost, province).body("""
                {"clause":"10.2","kind":"MAJOR_NONCONFORMITY","description":"Không thực hiện hành động khắc phục sau đánh giá nội bộ"}""")
                .post("/api/v1/audits/{id}/findings", inspection).then().statusCode(201).extract().path("id");
        LocalDate due = VietnamTime.today().minusDays(16);
        long t0 = System.nanoTime();
        String action = audit(stack, "iso-officer", agency, province).body("""
                {"findingId":"%s","title":"Lập và thực hiện kế hoạch khắc phục","rootCause":"Chưa phân công người theo dõi",
                 "action":"Phân công cán bộ ISO theo dõi; báo cáo hằng tháng","owner":"iso-officer-%s","dueDate":"%s"}"""
                .formatted(finding, agency, due)).post("/api/v1/corrective-actions").then().statusCode(201)
                .body("overdue", equalTo(true)).extract().path("id");

        ConsumerRecord<String, String> overdue = awaitEvent(stack, "vn.govqms.audit.corrective-action.overdue.v1", action,
                Duration.ofSeconds(60));
        System.out.printf("e2e: corrective-action.overdue on the broker %.1f s after the action was recorded%n",
                (System.nanoTime() - t0) / 1e9);
        assertEquals(agency, overdue.key());
        assertTrue(overdue.value().contains("\"escalationStep\" : 15") || overdue.value().contains("\"escalationStep\":15"), overdue.value());
        assertTrue(overdue.value().contains(due.toString()), overdue.value());
        audit(stack, "province-admin", null, province).queryParam("overdue", "true").queryParam("agencyId", agency)
                .get("/api/v1/corrective-actions").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].daysOverdue", equalTo(16));
    }

    static ConsumerRecord<String, String> awaitEvent(LocalStack stack, String type, String containing, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor("audit.events").stream()
                    .map(p -> new TopicPartition("audit.events", p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    var h = r.headers().lastHeader("ce_type");
                    if (h != null && type.equals(new String(h.value(), StandardCharsets.UTF_8)) && r.value().contains(containing)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " mentioning " + containing + " on audit.events within " + timeout);
    }
}
