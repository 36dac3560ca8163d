package vn.govqms.bench;

import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bench's OTLP receiver (--tracing), without a stack: OTLP/HTTP export requests as the services' exporter sends them
 * (protobuf, gzip or not) are answered 200 and counted by request, byte, span, service and trace.
 */
class TracingTests {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER = "00f067aa0ba902b7a3ce929d0e0e4736";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void exportsAreAnsweredAndCountedByServiceAndTrace() throws Exception {
        try (Tracing t = Tracing.start(1.0)) {
            byte[] document = request("document-service", span(TRACE, "POST /api/v1/legal-documents"), span(TRACE, "document.events publish"),
                    span(OTHER, "GET /q/health/ready"));
            byte[] scoring = request("scoring-service", span(TRACE, "document.events process"));
            byte[] gzipped = gzip(scoring);

            HttpResponse<byte[]> first = post(t, "/v1/traces", document, false);
            assertEquals(200, first.statusCode());
            assertEquals("application/x-protobuf", first.headers().firstValue("Content-Type").orElse(""));
            assertEquals(0, first.body().length, "an empty ExportTraceServiceResponse");
            assertEquals(200, post(t, "/v1/traces", gzipped, true).statusCode());
            assertEquals(404, post(t, "/v1/metrics", document, false).statusCode());

            assertEquals(2, t.requests());
            assertEquals(document.length + gzipped.length, t.bytes(), "bytes as they were sent");
            assertEquals(4, t.spans());
            assertEquals(Map.of("document-service", 3L, "scoring-service", 1L), t.spansByService());
            assertEquals(Map.of("document-service", 2L, "scoring-service", 1L), t.trace(TRACE));
            assertEquals(Map.of("document-service", 1L), t.trace(OTHER));
            assertTrue(t.trace("0af7651916cd43dd8448eb211c80319c").isEmpty());

            Results r = new Results();
            t.record(r);
            assertEquals(1.0, r.values().get("tracing.ratio"));
            assertEquals(2.0, r.values().get("tracing.requests"));
            assertEquals(4.0, r.values().get("tracing.spans"));
            assertTrue(r.notes.get(0).contains("1 requests other than POST /v1/traces"), r.notes.get(0));
        }
    }

    @Test
    void theServicesGetTheRatioAndTheReceiverAsTheirHttpProtobufEndpoint() {
        try (Tracing t = Tracing.start(0.1)) {
            Map<String, String> env = t.apply(LocalStack.Options.test(Path.of("."), Path.of("target"))).serviceEnv();
            assertEquals("0.1", env.get("OTEL_TRACES_SAMPLER_ARG"));
            assertEquals("http/protobuf", env.get("OTEL_EXPORTER_OTLP_PROTOCOL"));
            assertEquals(t.endpoint(), env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
            assertTrue(t.endpoint().matches("http://127\\.0\\.0\\.1:\\d+"), t.endpoint());
        }
        assertThrows(IllegalArgumentException.class, () -> Tracing.start(1.5));
    }

    private HttpResponse<byte[]> post(Tracing t, String path, byte[] body, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.endpoint() + path)).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            b.header("Content-Encoding", "gzip");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---- ExportTraceServiceRequest, encoded by hand with the fields the receiver skips as well as those it reads ----------

    private static byte[] request(String service, byte[]... spans) {
        byte[] resource = concat(
                bytes(1, concat(bytes(1, text("telemetry.sdk.language")), bytes(2, bytes(1, text("java"))))),
                bytes(1, concat(bytes(1, text("process.pid")), bytes(2, varint(3, 4242)))),
                bytes(1, concat(bytes(1, text("service.name")), bytes(2, bytes(1, text(service))))));
        byte[] scope = concat(bytes(1, bytes(1, text("io.quarkus.opentelemetry"))), concat(wrapEach(spans)), bytes(3, text("https://opentelemetry.io/schemas/1.24.0")));
        return bytes(1, concat(bytes(1, resource), bytes(2, scope), bytes(3, text("https://opentelemetry.io/schemas/1.24.0"))));
    }

    private static byte[][] wrapEach(byte[][] spans) {
        byte[][] out = new byte[spans.length][];
        for (int i = 0; i < spans.length; i++) {
            out[i] = bytes(2, spans[i]);
        }
        return out;
    }

    private static byte[] span(String traceId, String name) {
        return concat(bytes(1, HexFormat.of().parseHex(traceId)), bytes(2, HexFormat.of().parseHex("00f067aa0ba902b7")), bytes(5, text(name)),
                varint(6, 2), fixed64(7, 1_733_380_000_000_000_000L));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int field, byte[] value) {
        return concat(rawVarint((long) field << 3 | 2), rawVarint(value.length), value);
    }

    private static byte[] varint(int field, long value) {
        return concat(rawVarint((long) field << 3), rawVarint(value));
    }

    private static byte[] fixed64(int field, long value) {
        byte[] v = new byte[8];
        for (int i = 0; i < 8; i++) {
            v[i] = (byte) (value >>> (8 * i));
        }
        return concat(rawVarint((long) field << 3 | 1), v);
    }

    private static byte[] rawVarint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
