package vn.govqms.e2e;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack;
import vn.govqms.local.MailCatcher;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A legal change ends in the affected agency's inbox, in the SMTP server, and at a one-stop-shop system's webhook, signed,
 * after a failed first attempt: once for the agency, however many of its procedures rely on the changed decision.
 */
class NotificationIT {

    static RequestSpecification notifications(LocalStack stack, String token) {
        return given().baseUri(stack.service("notification-service").baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLegalChangeReachesTheInboxTheMailboxAndASignedWebhook() throws Exception {
        LocalStack stack = E2eStack.get();
        String province = "42";
        String admin = AgencyPropagationIT.adminToken(stack, province);
        String agency = AgencyPropagationIT.register(stack, admin, province, "Sở Tư pháp tỉnh Hà Tĩnh");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notifications(stack, admin).get("/api/v1/agencies/{id}", agency)
                .then().statusCode(200));

        String officer = "tran.thi.iso@hatinh";
        String address = "canbo.iso@sotuphap.hatinh.gov.vn";
        notifications(stack, admin).body("""
                {"agencyId":"%s","subject":"%s","name":"Trần Thị Hương","email":"%s","roles":["ISO_OFFICER"]}"""
                .formatted(agency, officer, address)).post("/api/v1/contacts").then().statusCode(201);

        // the one-stop-shop system's receiver: refuses the first attempt, then checks the signature
        AtomicInteger requests = new AtomicInteger();
        List<String> verified = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            if (requests.incrementAndGet() == 1) {
                status = 503;
            } else {
                try {
                    String expected = sign(secret[0], exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"), body);
                    boolean ok = expected.equals(exchange.getRequestHeaders().getFirst("webhook-signature"));
                    if (ok) {
                        verified.add(body);
                    }
                    status = ok ? 204 : 401;
                } catch (Exception e) {
                    status = 500;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            // review tasks are not a one-stop-shop system's to read: the steering committee subscribes its own receiver
            String integration = stack.keys().token("bcd-iso-" + province, "province-admin", null, province, Duration.ofHours(1));
            var created = notifications(stack, integration).body("""
                    {"url":"http://127.0.0.1:%d/hook","eventTypes":["vn.govqms.document.procedure-review.required.v1"],
                     "description":"Hệ thống thông tin một cửa điện tử tỉnh Hà Tĩnh"}""".formatted(receiver.getAddress().getPort()))
                    .post("/api/v1/webhooks").then().statusCode(201).extract();
            secret[0] = created.path("secret");
            String subscription = created.path("id");

            // the legal change, in document-service (taking effect next year: the review is due, not yet overdue)
            int number = 1000 + (int) (Math.random() * 8000);
            String decree = LegalChangeIT.as(stack, "province-admin", null, province).body("""
                    {"number":"%d/2015/QĐ-UBND","type":"DECISION","issuer":"UBND tỉnh Hà Tĩnh","title":"Về chứng thực bản sao từ bản chính",
                     "issuedDate":"2015-02-16","effectiveDate":"2015-04-10","provinceCode":"%s"}""".formatted(number, province))
                    .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
            LegalChangeIT.issuedProcedure(stack, agency, province, decree);
            Api api = Api.get();
            api.issuedProcedure(agency, province, "QT-TP-02", "Quy trình chứng thực chữ ký", decree);
            api.issuedProcedure(agency, province, "QT-TP-03", "Quy trình chứng thực hợp đồng, giao dịch", decree);
            LegalChangeIT.as(stack, "province-admin", null, province).body("""
                    {"number":"%d/2026/QĐ-UBND","type":"DECISION","issuer":"UBND tỉnh Hà Tĩnh","title":"Thay thế quyết định về chứng thực",
                     "issuedDate":"2026-11-09","effectiveDate":"2027-03-01","provinceCode":"%s",
                     "relations":[{"kind":"REPLACES","targetId":"%s"}]}""".formatted(number + 1, province, decree))
                    .post("/api/v1/legal-documents").then().statusCode(201);

            // the three procedures relying on the decision are one notice, one e-mail and one delivery for the agency
            String token = stack.keys().token(officer, "iso-officer", agency, province, Duration.ofHours(1));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notifications(stack, token)
                    .queryParam("kind", "procedure-review.required").get("/api/v1/notifications").then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("procedure-review.required"))
                    .body("items[0].notice.taskCount", equalTo(3))
                    .body("items[0].notice.tasks.documentCode", contains("QT-TP-01", "QT-TP-02", "QT-TP-03"))
                    .body("items[0].text.title", matchesPattern(".+: 3 quy trình cần rà soát trước \\d{2}/\\d{2}/\\d{4}")));
            await().atMost(Duration.ofSeconds(60)).until(() -> !stack.mail().messagesTo(address).isEmpty());
            MailCatcher.Mail mail = stack.mail().messagesTo(address).get(0);
            assertTrue(mail.subject().matches("\\[GovQMS] .+: 3 quy trình cần rà soát trước \\d{2}/\\d{2}/\\d{4}"), mail.subject());
            await().atMost(Duration.ofSeconds(90)).until(() -> verified.size() == 1);
            assertTrue(verified.get(0).contains("\"type\":\"vn.govqms.document.procedure-review.required.v1\""), verified.get(0));
            assertEquals(3, JsonPath.from(verified.get(0)).getInt("data.notice.taskCount"), verified.get(0));
            assertEquals(1, stack.mail().messagesTo(address).size());
            assertEquals(2, requests.get());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notifications(stack, integration)
                    .get("/api/v1/webhooks/{id}/deliveries", subscription).then().statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2)));
        } finally {
            receiver.stop(0);
        }
    }
}
