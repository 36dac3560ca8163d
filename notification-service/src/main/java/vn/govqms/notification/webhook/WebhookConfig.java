package vn.govqms.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code govqms.webhooks.*}: target checks and delivery. */
@ConfigMapping(prefix = "govqms.webhooks")
public interface WebhookConfig {

    /** Allow http:// targets (tests and the local run); https only otherwise. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Hosts that may be internal addresses, as written in the URL (e.g. {@code 127.0.0.1} for the local run and tests). Every
     * other host must be, or resolve only to, public addresses, when saved and at each delivery. None by default.
     */
    Optional<List<String>> internalHosts();

    /**
     * Ports a target may name: numbers or ranges ({@code 443,8443,1024-65535}). 443 by default: https's port, and http (80) is
     * refused outside the local run anyway; an operator lists a receiver's other port here.
     */
    @WithDefault("443")
    List<String> allowedPorts();

    /**
     * The keys that encrypt the subscriptions' secrets at rest (AES-256-GCM), {@code id:base64-of-32-bytes}, the current one
     * first: it encrypts; the others only decrypt, until the rows they sealed are sealed again with the current one at start.
     */
    Optional<List<String>> secretKeys();

    /** After a secret is rotated, how long the old one still signs too (unless the rotation names its own overlap). */
    @WithDefault("24h")
    Duration secretOverlap();

    /** How often secrets whose overlap ended are erased (deliveries stop using them at the end of the overlap anyway). */
    @WithDefault("1m")
    Duration secretCleanupEvery();

    /** How often due deliveries are looked for when nothing else wakes the dispatcher. */
    @WithDefault("1s")
    Duration dispatchEvery();

    /** Attempts before a delivery is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failure; doubled after each further one, with ±20 % jitter. */
    @WithDefault("10s")
    Duration initialBackoff();

    @WithDefault("6h")
    Duration maxBackoff();

    /** A receiver that has not answered by then has failed this attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** Deliveries in flight at once to one subscription: a slow receiver holds up only itself. */
    @WithDefault("16")
    int perSubscriptionConcurrency();

    /** Deliveries claimed at most per round, and in flight at most at once, all subscriptions together. */
    @WithDefault("500")
    int batchSize();
}
