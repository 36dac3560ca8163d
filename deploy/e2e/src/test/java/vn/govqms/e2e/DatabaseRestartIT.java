package vn.govqms.e2e;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarts while officials register agencies: the services say they are not ready and answer 503
 * problem+json at once (no hanging requests, no 500); when the database is back they are ready again; every agency
 * whose registration was acknowledged (201) is there and reaches the other services.
 */
class DatabaseRestartIT {

    record Answer(int status, String contentType, long millis) {
    }

    @Test
    void aDatabaseRestartUnderLoadLosesNoAcknowledgedWriteAndAnswers503Meanwhile() throws Exception {
        Api api = Api.get();
        String p = "60";
        String admin = api.token("province-admin", null, p);
        String document = api.stack().service("document-service").baseUrl();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger seq = new AtomicInteger();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<Answer> answers = new CopyOnWriteArrayList<>();
        AtomicLong outageAnswers = new AtomicLong();
        AtomicBoolean down = new AtomicBoolean();
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

        ExecutorService officials = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            officials.submit(() -> {
                while (running.get()) {
                    int n = seq.incrementAndGet();
                    String code = String.format("%03d.%02d.%02d.H%s", 100 + n % 900, n / 900, 77, p);
                    String body = """
                            {"code":"%s","name":"UBND xã Hàm Thuận %d","level":"COMMUNE","provinceCode":"%s","validFrom":"2025-07-01"}"""
                            .formatted(code, n, p);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(document + "/api/v1/agencies"))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        answers.add(new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                                (System.nanoTime() - t0) / 1_000_000));
                        if (r.statusCode() == 201) {
                            Matcher m = id.matcher(r.body());
                            if (m.find()) {
                                acknowledged.put(m.group(1), code);
                            }
                        } else if (down.get()) {
                            outageAnswers.incrementAndGet();
                        }
                    } catch (Exception e) {
                        answers.add(new Answer(-1, e.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000));
                    }
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);

        api.stack().postgres().stopCleanly();
        down.set(true);
        long stopped = System.nanoTime();
        // readiness goes down, requests are refused with 503 problem+json, promptly
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(document).get("/q/health/ready").then().statusCode(503));
        await().atMost(Duration.ofSeconds(30)).until(() -> outageAnswers.get() >= 10);
        System.out.printf("e2e: database down: not ready and refusing writes %.1f s after the stop%n", (System.nanoTime() - stopped) / 1e9);

        api.stack().postgres().startAgain();
        down.set(false);
        long started = System.nanoTime();
        for (String service : List.of("document-service", "audit-service", "scoring-service", "notification-service")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().baseUri(api.stack().service(service).baseUrl()).get("/q/health/ready").then().statusCode(200));
        }
        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= before + 20);
        System.out.printf("e2e: database back: all ready and writing %.1f s after the start%n", (System.nanoTime() - started) / 1e9);
        running.set(false);
        officials.shutdown();
        assertTrue(officials.awaitTermination(60, TimeUnit.SECONDS));

        // nothing but 201 and 503 problem+json; no request hung
        Map<Integer, Long> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        System.out.printf("e2e: answers during the restart %s, slowest %d ms%n", byStatus,
                answers.stream().mapToLong(Answer::millis).max().orElse(0));
        for (Answer a : answers) {
            assertTrue(a.status() == 201 || (a.status() == 503 && a.contentType().startsWith("application/problem+json")),
                    "unexpected answer " + a + " among " + byStatus);
            assertTrue(a.millis() < 15_000, "a request hung: " + a);
        }
        // every acknowledged agency is there, and reached the other services through the outbox
        for (String agency : acknowledged.keySet()) {
            given().baseUri(document).auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String agency : acknowledged.keySet()) {
                given().baseUri(api.stack().service("notification-service").baseUrl()).auth().oauth2(admin)
                        .get("/api/v1/agencies/{id}", agency).then().statusCode(200);
            }
        });
        assertEquals(acknowledged.size(), ((Number) given().baseUri(document).auth().oauth2(admin).queryParam("provinceCode", p)
                .queryParam("size", 1).get("/api/v1/agencies").then().statusCode(200).extract().path("total")).intValue());
    }
}
