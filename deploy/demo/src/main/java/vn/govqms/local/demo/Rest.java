package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * JSON over HTTP with a bearer token: the only way the loader talks to the services. A refused call
 * fails the load with the request and the service's problem+json answer; only a 503 or a dropped
 * connection is tried again.
 */
final class Rest {

    /** An answer: status, JSON body (missing when empty) and ETag. */
    record Answer(int status, JsonNode body, String etag) {
    }

    /** A call that answered something the loader did not expect. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(String method, String url, int status, String body, String sent) {
            super(method + " " + url + " answered " + status + ": " + body
                    + (sent == null ? "" : "\n  sent: " + (sent.length() > 600 ? sent.substring(0, 600) + " …" : sent)));
            this.status = status;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    JsonNode get(String url, String token) {
        return call("GET", url, token, null, null, 200).body();
    }

    /** GET that tells a missing resource (404) apart: a missing node then. */
    JsonNode find(String url, String token) {
        Answer a = call("GET", url, token, null, null, 200, 404);
        return a.status() == 404 ? MissingNode.getInstance() : a.body();
    }

    Answer post(String url, String token, Object body, int... expected) {
        return call("POST", url, token, body, null, expected.length == 0 ? new int[] {200, 201} : expected);
    }

    Answer put(String url, String token, Object body, String ifMatch, int... expected) {
        return call("PUT", url, token, body, ifMatch, expected.length == 0 ? new int[] {200} : expected);
    }

    Answer call(String method, String url, String token, Object body, String ifMatch, int... expected) {
        String sent = body == null ? null : body instanceof String s ? s : write(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (sent != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, sent == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(sent));
        HttpRequest request = b.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r;
            long t0 = System.nanoTime();
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt < 5) {
                    pause(attempt);
                    continue;
                }
                throw new IllegalStateException(method + " " + url + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            calls.incrementAndGet();
            nanos.addAndGet(System.nanoTime() - t0);
            if (r.statusCode() == 503 && attempt < 5) {
                pause(attempt);
                continue;
            }
            int status = r.statusCode();
            if (Arrays.stream(expected).noneMatch(s -> s == status)) {
                throw new Refused(method, url, status, r.body(), sent);
            }
            return new Answer(status, read(r.body()), r.headers().firstValue("ETag").orElse(null));
        }
    }

    /** Calls answered so far. */
    long calls() {
        return calls.get();
    }

    /** Their mean time to answer, in milliseconds. */
    double meanMillis() {
        long n = calls.get();
        return n == 0 ? 0 : nanos.get() / 1e6 / n;
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** {@code ?a=1&b=x y} from pairs, values encoded; null values left out. */
    static String query(Object... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put(pairs[i].toString(), pairs[i + 1].toString());
            }
        }
        return m.isEmpty() ? "" : "?" + m.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(300L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
