package vn.govqms.kit.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTests {

    @Test
    void aCallerPastTheLimitWaitsAtMostTheWindowAndOthersAreNotTouched() {
        RateLimits limits = new RateLimits("writes", 3, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.take("can-bo-a"));
        }
        Optional<Duration> wait = limits.take("can-bo-a");
        assertTrue(wait.isPresent());
        assertTrue(wait.get().compareTo(Duration.ZERO) > 0 && wait.get().compareTo(Duration.ofMinutes(1)) <= 0, wait.toString());
        assertEquals(Optional.empty(), limits.take("can-bo-b"));
    }

    @Test
    void permitsComeBackAfterTheWindow() throws Exception {
        RateLimits limits = new RateLimits("writes", 1, Duration.ofMillis(200), 100);
        assertEquals(Optional.empty(), limits.take("can-bo-a"));
        Duration wait = limits.take("can-bo-a").orElseThrow();
        assertTrue(wait.toMillis() <= 200, wait.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Optional<Duration> again;
        do {
            again = limits.take("can-bo-a");
        } while (again.isPresent() && System.nanoTime() < deadline);
        assertEquals(Optional.empty(), again);
    }

    @Test
    void aNamedCallerHasItsOwnLimit() {
        RateLimits limits = new RateLimits("writes", 1, Duration.ofMinutes(1), 100, Map.of("integration-24", 3));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.take("integration-24"));
        }
        assertTrue(limits.take("integration-24").isPresent());
        assertEquals(Optional.empty(), limits.take("can-bo-a"));
        assertTrue(limits.take("can-bo-a").isPresent());
    }

    @Test
    void aFloodOfSubjectsCostsBoundedMemory() {
        RateLimits limits = new RateLimits("writes", 5, Duration.ofMinutes(1), 50);
        for (int i = 0; i < 1000; i++) {
            limits.take("subject-" + i);
        }
        assertTrue(limits.callers() <= 50, "remembered " + limits.callers());
    }
}
