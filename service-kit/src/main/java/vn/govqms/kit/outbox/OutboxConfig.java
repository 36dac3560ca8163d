package vn.govqms.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code govqms.outbox.*}: how the relay drains the outbox. */
@ConfigMapping(prefix = "govqms.outbox")
public interface OutboxConfig {

    /** Off only for a service instance that must not publish (e.g. a read replica). */
    @WithDefault("true")
    boolean enabled();

    /** Rows read, published and marked per transaction. */
    @WithDefault("1000")
    int batchSize();

    /** The safety net when a notification is missed; the relay is normally woken by LISTEN/NOTIFY. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * Longest wait between attempts while the broker is down: each attempt is one event (a probe), so a short wait costs
     * little, and a broker that is back gets the pending events within it.
     */
    @WithDefault("1s")
    Duration maxBackoff();

    /** How long published rows are kept (for operators) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
