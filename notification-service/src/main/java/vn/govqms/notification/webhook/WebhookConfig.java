package vn.govqms.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code govqms.webhooks.*}: target checks and delivery. */
@ConfigMapping(prefix = "govqms.webhooks")
public interface WebhookConfig {

    /** Allow http:// targets (tests and the local run); https only otherwise. */
    @WithDefault("false")
    boolean allowHttp();

    /** Allow loopback, private and link-local addresses (tests and the local run). */
    @WithDefault("false")
    boolean allowLoopback();

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
