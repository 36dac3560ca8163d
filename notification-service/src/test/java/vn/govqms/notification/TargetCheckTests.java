package vn.govqms.notification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.notification.webhook.FailureReason;
import vn.govqms.notification.webhook.HostResolver;
import vn.govqms.notification.webhook.SystemHostResolver;
import vn.govqms.notification.webhook.TargetCheck;
import vn.govqms.notification.webhook.WebhookConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook targets outside tests: https on an allowed port only, and never an internal address, however it is written. */
class TargetCheckTests {

    static final Vertx VERTX = Vertx.vertx();
    static final Duration WAIT = Duration.ofSeconds(10);

    @AfterAll
    static void close() {
        VERTX.closeAndAwait();
    }

    static WebhookConfig config(List<String> ports, List<String> internalHosts) {
        return config(ports, internalHosts, List.of());
    }

    static WebhookConfig config(List<String> ports, List<String> internalHosts, List<String> secretKeys) {
        return new WebhookConfig() {
            public boolean allowHttp() { return false; }
            public Optional<List<String>> internalHosts() { return Optional.of(internalHosts); }
            public List<String> allowedPorts() { return ports; }
            public Optional<List<String>> secretKeys() { return secretKeys.isEmpty() ? Optional.empty() : Optional.of(secretKeys); }
            public Duration secretOverlap() { return Duration.ofHours(24); }
            public Duration secretCleanupEvery() { return Duration.ofMinutes(1); }
            public Duration dispatchEvery() { return Duration.ofSeconds(1); }
            public int maxAttempts() { return 3; }
            public Duration initialBackoff() { return Duration.ofSeconds(1); }
            public Duration maxBackoff() { return Duration.ofMinutes(1); }
            public Duration timeout() { return Duration.ofSeconds(1); }
            public int perSubscriptionConcurrency() { return 1; }
            public int batchSize() { return 1; }
        };
    }

    /** The production defaults with the machine's resolver. */
    static TargetCheck strict() {
        return new TargetCheck(config(List.of("443"), List.of()), new SystemHostResolver(VERTX));
    }

    /** A resolver that answers whatever the test set last. */
    static HostResolver answering(AtomicReference<String> answer) {
        return name -> {
            try {
                return Uni.createFrom().item(List.of(InetAddress.getByName(answer.get())));
            } catch (UnknownHostException e) {
                return Uni.createFrom().failure(e);
            }
        };
    }

    static void refused(TargetCheck check, String url) {
        ProblemException e = assertThrows(ProblemException.class, () -> check.check(url).await().atMost(WAIT), url);
        assertEquals(422, e.status(), url);
        assertEquals("webhook-target-refused", e.type(), url);
    }

    @Test
    void httpIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> strict().check("http://motcua.bacgiang.gov.vn/hook"));
        assertEquals(400, e.status());
    }

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.5/hook",
                "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fd00::1]/hook",
                "https://100.64.0.1/hook", "https://172.20.0.1/hook", "https://0.0.0.0/hook", "https://[fe80::1]/hook"}) {
            refused(strict(), url);
        }
    }

    @Test
    void ipv6FormsThatCarryAnInternalIpv4AddressAreRefused() {
        for (String url : new String[] {
                "https://[64:ff9b::7f00:1]/hook",                      // NAT64 of 127.0.0.1
                "https://[64:ff9b::a9fe:a9fe]/latest/meta-data",       // NAT64 of 169.254.169.254
                "https://[64:ff9b:1::a00:5]/hook",                     // local-use NAT64 (RFC 8215)
                "https://[2002:7f00:1::1]/hook",                       // 6to4 of 127.0.0.1
                "https://[2002:c0a8:10a::1]/hook",                     // 6to4 of 192.168.1.10
                "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", // Teredo, client 127.0.0.1 (inverted bits)
                "https://[2001:0:a00:5::1]/hook",                      // Teredo, server 10.0.0.5
                "https://[::ffff:127.0.0.1]/hook",                     // IPv4-mapped
                "https://[::ffff:a9fe:a9fe]/hook",                     // IPv4-mapped, hexadecimal
                "https://[::10.0.0.5]/hook"}) {                        // IPv4-compatible
            refused(strict(), url);
        }
    }

    @Test
    void publicAddressesAreAcceptedAlsoThroughNat64() {
        assertEquals("https://8.8.8.8/hook", strict().check("https://8.8.8.8/hook").await().atMost(WAIT).toString());
        // an IPv6-only cluster with DNS64 reaches public IPv4 receivers through the well-known prefix
        strict().check("https://[64:ff9b::808:808]/hook").await().atMost(WAIT);
        strict().check("https://[2001:4860:4860::8888]/hook").await().atMost(WAIT);
    }

    @Test
    void onlyAllowedPorts() {
        for (String url : new String[] {"https://8.8.8.8:22/hook", "https://8.8.8.8:8443/hook", "https://8.8.8.8:25/hook"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> strict().check(url), url);
            assertEquals(400, e.status(), url);
        }
        TargetCheck wider = new TargetCheck(config(List.of("443", "8443", "9000-9100"), List.of()), new SystemHostResolver(VERTX));
        wider.check("https://8.8.8.8:8443/hook").await().atMost(WAIT);
        wider.check("https://8.8.8.8:9050/hook").await().atMost(WAIT);
        assertThrows(ProblemException.class, () -> wider.check("https://8.8.8.8:9101/hook"));
        assertThrows(IllegalStateException.class, () -> new TargetCheck(config(List.of("http"), List.of()), new SystemHostResolver(VERTX)));
    }

    @Test
    void aNameThatResolvesInsideIsRefusedWithoutSayingWhere() {
        AtomicReference<String> answer = new AtomicReference<>("10.20.30.40");
        TargetCheck check = new TargetCheck(config(List.of("443"), List.of()), answering(answer));
        ProblemException e = assertThrows(ProblemException.class, () -> check.check("https://db.noi-bo.vn/hook").await().atMost(WAIT));
        assertEquals(422, e.status());
        assertFalse(e.getMessage() != null && e.getMessage().contains("10.20.30.40"), e.getMessage());
    }

    @Test
    void aNameIsCheckedAgainAtDeliveryAndTheCheckedAddressIsTheOneUsed() {
        AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
        TargetCheck check = new TargetCheck(config(List.of("443"), List.of()), answering(answer));
        check.check("https://rebind.motcua.vn/hook").await().atMost(WAIT);
        assertEquals("93.184.215.14", check.pin("https://rebind.motcua.vn/hook").await().atMost(WAIT).address().getHostAddress());
        answer.set("127.0.0.1");
        TargetCheck.Refused r = assertThrows(TargetCheck.Refused.class, () -> check.pin("https://rebind.motcua.vn/hook").await().atMost(WAIT));
        assertEquals(FailureReason.BLOCKED_ADDRESS, r.reason());
        answer.set("64:ff9b::a9fe:a9fe");
        r = assertThrows(TargetCheck.Refused.class, () -> check.pin("https://rebind.motcua.vn/hook").await().atMost(WAIT));
        assertEquals(FailureReason.BLOCKED_ADDRESS, r.reason());
        // a port or scheme no longer allowed is refused at delivery too
        r = assertThrows(TargetCheck.Refused.class, () -> check.pin("http://8.8.8.8/hook").await().atMost(WAIT));
        assertEquals(FailureReason.BLOCKED_TARGET, r.reason());
    }

    @Test
    void aListedInternalHostIsAllowed() {
        TargetCheck check = new TargetCheck(config(List.of("443"), List.of("127.0.0.1")), new SystemHostResolver(VERTX));
        assertTrue(check.pin("https://127.0.0.1/hook").await().atMost(WAIT).address().isLoopbackAddress());
        refused(check, "https://localhost/hook"); // only as written: a name that resolves there is not
    }
}
