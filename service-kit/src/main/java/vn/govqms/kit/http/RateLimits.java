package vn.govqms.kit.http;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One kind of limit (writes, or expensive reads) for every caller of this instance: a resilience4j
 * {@link AtomicRateLimiter} per caller subject, which refills its permits each window without a timer
 * and tells how long until the next one. Callers whose permits are whole again are forgotten when the
 * map is full, so a flood of distinct subjects costs bounded memory.
 */
public final class RateLimits {

    private final String kind;
    private final RateLimiterConfig config;
    private final Duration window;
    private final Map<String, Integer> perCaller;
    private final int maxCallers;
    private final Map<String, AtomicRateLimiter> callers = new ConcurrentHashMap<>();

    public RateLimits(String kind, int requests, Duration window, int maxCallers) {
        this(kind, requests, window, maxCallers, Map.of());
    }

    /** With limits of their own for the subjects named in {@code perCaller}. */
    public RateLimits(String kind, int requests, Duration window, int maxCallers, Map<String, Integer> perCaller) {
        this.kind = kind;
        this.window = window;
        this.config = config(requests, window);
        this.perCaller = Map.copyOf(perCaller);
        this.maxCallers = maxCallers;
    }

    private static RateLimiterConfig config(int requests, Duration window) {
        return RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(window).timeoutDuration(Duration.ZERO).build();
    }

    /** Takes a permit for the caller; empty when granted, else how long until one is free. */
    public Optional<Duration> take(String subject) {
        AtomicRateLimiter limiter = callers.get(subject);
        if (limiter == null) {
            if (callers.size() >= maxCallers) {
                forgetIdle();
            }
            limiter = callers.computeIfAbsent(subject, s -> new AtomicRateLimiter(kind + ":" + s,
                    perCaller.containsKey(s) ? config(perCaller.get(s), window) : config));
        }
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(1, limiter.getDetailedMetrics().getNanosToWait())));
    }

    /** The callers remembered now (for the tests of the bound). */
    int callers() {
        return callers.size();
    }

    private void forgetIdle() {
        callers.values().removeIf(l -> l.getMetrics().getAvailablePermissions() >= l.getRateLimiterConfig().getLimitForPeriod());
        if (callers.size() >= maxCallers) {
            // all busy: a flood of subjects; dropping them all errs towards letting requests through
            callers.clear();
        }
    }
}
