package vn.govqms.notification;

import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.notification.webhook.TargetCheck;
import vn.govqms.notification.webhook.WebhookConfig;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Webhook targets outside tests: https only, and never an internal address. */
class TargetCheckTests {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.closeAndAwait();
    }

    static TargetCheck strict() {
        WebhookConfig config = new WebhookConfig() {
            public boolean allowHttp() { return false; }
            public boolean allowLoopback() { return false; }
            public Duration dispatchEvery() { return Duration.ofSeconds(1); }
            public int maxAttempts() { return 3; }
            public Duration initialBackoff() { return Duration.ofSeconds(1); }
            public Duration maxBackoff() { return Duration.ofMinutes(1); }
            public Duration timeout() { return Duration.ofSeconds(1); }
            public int perSubscriptionConcurrency() { return 1; }
            public int batchSize() { return 1; }
        };
        return new TargetCheck(config, VERTX);
    }

    @Test
    void httpIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> strict().check("http://motcua.bacgiang.gov.vn/hook"));
        assertEquals(400, e.status());
    }

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://localhost:8443/hook", "https://10.0.0.5/hook",
                "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fd00::1]/hook",
                "https://100.64.0.1/hook"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> strict().check(url).await().atMost(Duration.ofSeconds(10)), url);
            assertEquals(422, e.status(), url);
            assertEquals("webhook-target-refused", e.type(), url);
        }
    }

    @Test
    void aPublicAddressIsAccepted() {
        assertEquals("https://8.8.8.8/hook", strict().check("https://8.8.8.8/hook").await().atMost(Duration.ofSeconds(10)).toString());
    }
}
