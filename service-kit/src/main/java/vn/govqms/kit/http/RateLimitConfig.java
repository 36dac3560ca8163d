package vn.govqms.kit.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * {@code govqms.rate-limit.*}: requests per window per caller subject, counted by each instance on its own
 * (N instances let a caller through N times the limit). Writes are POST, PUT, PATCH and DELETE; expensive reads
 * are the methods marked {@link ExpensiveRead}.
 */
@ConfigMapping(prefix = "govqms.rate-limit")
public interface RateLimitConfig {

    /** Off switch: false lets every request through uncounted. */
    @WithDefault("true")
    boolean enabled();

    Writes writes();

    ExpensiveReads expensiveReads();

    /** Callers remembered at once; past it the idle ones are forgotten first. */
    @WithDefault("50000")
    int maxCallers();

    /** A person saves a few times a minute; a one-stop-shop system sends dossiers in batches. */
    interface Writes {

        /** Requests a caller may make in one window. */
        @WithDefault("120")
        int requests();

        /** The window after which the caller's permits are whole again. */
        @WithDefault("1M")
        Duration window();

        /** Limits of their own for named subjects, e.g. a province's one-stop-shop system that sends larger batches. */
        Map<String, Integer> callers();
    }

    /** Exports, rankings, reports and searches: each one reads many rows. */
    interface ExpensiveReads {

        @WithDefault("30")
        int requests();

        @WithDefault("1M")
        Duration window();

        Map<String, Integer> callers();
    }
}
