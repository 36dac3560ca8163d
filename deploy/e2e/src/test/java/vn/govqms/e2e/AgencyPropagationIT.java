package vn.govqms.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The walking skeleton: an agency registered in document-service reaches the three other services. */
class AgencyPropagationIT {

    static final AtomicInteger SEQ = new AtomicInteger();
    static final List<String> CONSUMERS = List.of("audit-service", "scoring-service", "notification-service");

    static String register(LocalStack stack, String token, String province, String name) {
        String code = String.format("%03d.%02d.%02d.H%s", 100 + SEQ.incrementAndGet(), SEQ.get() % 100, 7, province);
        return given().baseUri(stack.service("document-service").baseUrl()).auth().oauth2(token)
                .contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"%s","level":"COMMUNE","provinceCode":"%s","validFrom":"2018-10-01"}"""
                        .formatted(code, name, province))
                .post("/api/v1/agencies").then().statusCode(201).extract().path("id");
    }

    static long pendingOutboxRows(LocalStack stack) {
        try (var c = DriverManager.getConnection(stack.postgres().jdbcUrl("document"), stack.postgres().username(), "");
             var rs = c.createStatement().executeQuery("select count(*) from outbox where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String adminToken(LocalStack stack, String province) {
        return stack.keys().token("e2e-admin", "province-admin", null, province, Duration.ofHours(1));
    }

    @Test
    void anAgencyRegisteredInDocumentServiceIsKnownToTheOtherThreeWithinSeconds() {
        LocalStack stack = E2eStack.get();
        String token = adminToken(stack, "14");
        long t0 = System.nanoTime();
        String id = register(stack, token, "14", "UBND xã Chiềng Cơi");
        for (String service : CONSUMERS) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    given().baseUri(stack.service(service).baseUrl()).auth().oauth2(token)
                            .get("/api/v1/agencies/{id}", id).then().statusCode(200)
                            .body("name", equalTo("UBND xã Chiềng Cơi")).body("provinceCode", equalTo("14")));
        }
        System.out.printf("e2e: agency visible in all three consumers %.0f ms after registration%n", (System.nanoTime() - t0) / 1e6);
    }

    @Test
    void agenciesRegisteredWhileTheBrokerIsDownArriveOnceItIsBack() {
        FaultyStack stack = E2eStack.get();
        String token = adminToken(stack, "15");
        int outageSeconds = Integer.getInteger("govqms.e2e.outage-seconds", 15);
        stack.stopKafka();
        long down = System.nanoTime();
        List<String> ids = new ArrayList<>();
        // document-service keeps accepting changes: the events wait in its outbox
        while (System.nanoTime() - down < Duration.ofSeconds(outageSeconds).toNanos()) {
            ids.add(register(stack, token, "15", "UBND xã Tân Thịnh " + ids.size()));
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
        }
        stack.restartKafka();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                pendingOutboxRows(stack) == 0);
        System.out.printf("e2e: document-service's outbox drained %.1f s after the broker came back%n",
                (System.nanoTime() - back) / 1e9);
        for (String service : CONSUMERS) {
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        given().baseUri(stack.service(service).baseUrl()).auth().oauth2(token)
                                .get("/api/v1/agencies/{id}", id).then().statusCode(200));
            }
            given().baseUri(stack.service(service).baseUrl()).get("/q/health/ready").then().statusCode(200);
        }
        System.out.printf("e2e: broker down %d s, %d agencies registered meanwhile, all in the three consumers %.1f s after it came back%n",
                outageSeconds, ids.size(), (System.nanoTime() - back) / 1e9);
    }
}
