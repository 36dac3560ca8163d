package vn.govqms.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker is down for 30 s while a legal change fans out to 20 agencies and new agencies are registered. When it is
 * back, every event has its effect exactly once: one review task, one overdue review in the indicators and one
 * notification per agency; every new agency in every service. Every consumer of document.events applies events again within
 * 5 s of the broker being ready.
 */
class BrokerOutageIT {

    static final int AGENCIES = 20;
    /** The services that consume document.events (document-service publishes them). */
    static final List<String> CONSUMERS = List.of("audit-service", "scoring-service", "notification-service");
    /**
     * The goal of issue 18.5 (5 s), from {@code govqms.e2e.resume-seconds} (5 in deploy/e2e's pom, so in every suite; empty:
     * measured and printed only). The first event a consumer applies after the outage is one the outbox relay publishes
     * after it: the relay's back-off (up to 5 s, then the next 2 s poll tick) made the consumers wait up to 7 s for it; it
     * now retries when its back-off (at most 1 s) ends. The consumers themselves were back 2-3 s after the broker; CI
     * measured 0.3-0.4 s in all.
     */
    static final Duration RESUME_WITHIN = Integer.getInteger("govqms.e2e.resume-seconds") == null ? null
            : Duration.ofSeconds(Integer.getInteger("govqms.e2e.resume-seconds"));

    @Test
    void aLegalChangeDuringABrokerOutageHasItsEffectsExactlyOnce() {
        Api api = Api.get();
        String p = "62";
        String admin = api.token("province-admin", null, p);
        api.activeCriteriaSet(p, "Kon Tum");
        String decree = api.legalDocument(p, """
                {"number":"45/2020/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về thực hiện thủ tục hành chính trên môi trường điện tử",
                 "issuedDate":"2020-04-08","effectiveDate":"2020-05-22"}""");
        List<String> agencies = new ArrayList<>();
        for (int i = 1; i <= AGENCIES; i++) {
            String agency = api.agency(p, "UBND xã Đăk Hà " + i, "COMMUNE");
            api.contact(agency, p, "ISO_OFFICER", "iso-officer", "Cán bộ ISO xã Đăk Hà " + i, "iso" + i + "@dakha.kontum.gov.vn");
            api.issuedProcedure(agency, p, "QT-DT-01", "Quy trình tiếp nhận hồ sơ trực tuyến", decree);
            agencies.add(agency);
        }

        int outageSeconds = Integer.getInteger("govqms.e2e.outage-seconds", 30);
        api.stack().stopKafka();
        long down = System.nanoTime();
        // the amendment (in force long ago: every review is overdue at once) and new agencies, all while the broker is down
        api.legalDocument(p, """
                {"number":"42/2022/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
                 "issuedDate":"2022-06-24","effectiveDate":"2022-08-01",
                 "relations":[{"kind":"AMENDS","targetNumber":"45/2020/NĐ-CP","articles":"Điều 6"}]}""");
        List<String> registeredMeanwhile = new ArrayList<>();
        while (System.nanoTime() - down < Duration.ofSeconds(outageSeconds).toNanos()) {
            int n = registeredMeanwhile.size() + 1;
            registeredMeanwhile.add(api.document(admin).body("""
                    {"code":"%03d.%02d.88.H%s","name":"UBND xã Sa Thầy %d","level":"COMMUNE","provinceCode":"%s","validFrom":"2025-07-01"}"""
                    .formatted(100 + n, n % 100, p, n, p)).post("/api/v1/agencies").then().statusCode(201).extract().path("id"));
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        }
        Instant restarting = Instant.now();
        Instant ready = api.stack().restartKafka();
        long back = System.nanoTime();

        // every consumer of document.events is consuming again within seconds of the broker being ready (issue 18.5)
        Map<String, Duration> resumed = new LinkedHashMap<>();
        // the first event a consumer applied since the broker's restart began (after 30 s down: nothing fetched before the
        // stop is still being applied), counted from the moment the harness saw it ready. A consumer may be faster than the
        // harness's own readiness probe and have its backlog done before that moment: counting only events applied after it
        // waited for events that never came, the "100-190 s" of fresh-clone runs on 4 Dec, when the consumers were in fact
        // back within seconds (their processed_event rows said so)
        Duration outage = Duration.between(restarting, ready);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String service : CONSUMERS) {
                api.stack().firstConsumedAfter(service, restarting).map(d -> d.minus(outage))
                        .ifPresent(d -> resumed.putIfAbsent(service, d.isNegative() ? Duration.ZERO : d));
            }
            return resumed.size() == CONSUMERS.size();
        });
        System.out.printf("e2e: broker ready; first event applied after %s%n", resumed.entrySet().stream()
                .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue().toMillis() / 1e3)).collect(Collectors.joining(", ")));
        resumed.forEach((service, d) -> assertTrue(RESUME_WITHIN == null || d.compareTo(RESUME_WITHIN) <= 0,
                service + " consumed again " + d + " after the broker was ready"));

        // every effect once: a task, an overdue review, a notification per agency; nothing twice, however often it was sent
        api.document(admin).queryParam("causeId", decree).queryParam("size", 100).get("/api/v1/review-tasks").then().statusCode(200)
                .body("total", equalTo(AGENCIES));
        for (String agency : agencies) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                api.scoring(admin).get("/api/v1/agencies/{id}/indicators", agency).then().statusCode(200)
                        .body("indicators.find { it.code == 'PROCEDURE_REVIEWS_OVERDUE' }.value", equalTo(1));
                api.notification(api.token("iso-officer", agency, p)).queryParam("kind", "procedure-review.required")
                        .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(1));
            });
        }
        for (String agency : registeredMeanwhile) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                api.audit(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200);
                api.scoring(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200);
                api.notification(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200);
            });
        }
        System.out.printf("e2e: broker down %d s; %d agencies registered meanwhile; every effect in place %.1f s after it came back%n",
                outageSeconds, registeredMeanwhile.size(), (System.nanoTime() - back) / 1e9);
        // and still once, after everything settled
        api.notification(admin).queryParam("kind", "procedure-review.required").queryParam("agencyId", agencies.get(0))
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(1));
        api.scoring(admin).get("/api/v1/agencies/{id}/score", agencies.get(0)).then().statusCode(200).body("score", equalTo(45.0f));
    }
}
