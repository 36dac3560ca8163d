package vn.govqms.document;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One change is one trace: the trace context of a REST call is written into the outbox row of the event it records,
 * carried by the relay in the record's {@code traceparent} and {@code ce_traceparent} headers, and continued by a
 * consumer's span around the effect. Spans are kept in memory; a caller's sampled traceparent is followed although the
 * test profile starts no trace of its own.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class TracingTests {

    /** Spans of sampled traces, read by the test (the OTLP exporter has no collector in tests). */
    @Singleton
    static class Spans {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRestCallsTraceReachesTheOutboxRowTheKafkaHeadersAndTheConsumersSpan() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = traceId.substring(0, 16);
        String body = """
                {"code":"%s","name":"UBND xã Tân Dĩnh","level":"COMMUNE","provinceCode":"24","validFrom":"2025-07-01"}"""
                .formatted(AgencyApiTests.code("24"));
        String agency = given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").body(body)
                .post("/api/v1/agencies").then().statusCode(201).extract().path("id");

        // the row keeps the context of the request's span, a child of the caller's
        String row = TestDb.value("document", "select traceparent from outbox where message_key = '" + agency
                + "' and type = 'vn.govqms.document.agency.registered.v1'");
        assertTrue(row.startsWith("00-" + traceId + "-") && row.endsWith("-01"), row);
        SpanData server = await().atMost(Duration.ofSeconds(20)).until(() -> span(traceId, SpanKind.SERVER), s -> s != null);
        assertEquals(callerSpan, server.getParentSpanId());
        assertEquals("00-" + traceId + "-" + server.getSpanId() + "-01", row);

        // the relay's send is a span of that trace, and the record carries it in both headers
        ConsumerRecord<String, String> record = TestKafka.await("document.events", r -> agency.equals(r.key()), Duration.ofSeconds(20))
                .get(0);
        String carried = TestKafka.header(record, "traceparent");
        assertEquals(carried, TestKafka.header(record, "ce_traceparent"));
        SpanData relay = await().atMost(Duration.ofSeconds(20)).until(() -> span(traceId, SpanKind.PRODUCER), s -> s != null);
        assertEquals("document.events publish", relay.getName());
        assertEquals("00-" + traceId + "-" + relay.getSpanId() + "-01", carried);

        // a consumer continues the trace it is handed: audit-service's fact about this agency, applied in a span of the trace
        LocalDate held = LocalDate.now().minusDays(3);
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", AnnouncementTests.AUDIT_COMPLETED, "ce_source", "/govqms/audit-service", "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
        headers.put("traceparent", carried);
        TestKafka.publish("audit.events", agency, headers,
                AnnouncementTests.auditCompleted(agency, UUID.randomUUID().toString(), "INTERNAL_AUDIT", held));
        SpanData consumer = await().atMost(Duration.ofSeconds(30)).until(() -> span(traceId, SpanKind.CONSUMER), s -> s != null);
        assertEquals("audit.events process", consumer.getName());
        assertEquals(relay.getSpanId(), consumer.getParentSpanId());
        assertEquals("document-service", consumer.getAttributes().get(AttributeKey.stringKey("govqms.consumer")));
        assertEquals(1, TestDb.count("document", "select count(*) from qms_step where agency_id = '" + agency
                + "' and step = 'INTERNAL_AUDIT'"));
    }

    @Test
    void aRecordWithoutTraceContextStartsNoSampledTraceInTests() {
        String body = """
                {"code":"%s","name":"UBND xã Song Khê","level":"COMMUNE","provinceCode":"24","validFrom":"2025-07-01"}"""
                .formatted(AgencyApiTests.code("24"));
        String agency = given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies").then().statusCode(201).extract().path("id");
        // the row still carries a (not sampled) context: a sampled trace downstream can only come from a sampled caller
        String row = TestDb.value("document", "select traceparent from outbox where message_key = '" + agency + "'");
        assertTrue(row.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), row);
        List<ConsumerRecord<String, String>> found = TestKafka.await("document.events", r -> agency.equals(r.key()), Duration.ofSeconds(20));
        assertFalse(found.isEmpty());
        assertTrue(TestKafka.header(found.get(0), "traceparent").startsWith(row.substring(0, 36)), TestKafka.header(found.get(0), "traceparent"));
    }

    private SpanData span(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind)
                .findFirst().orElse(null);
    }
}
