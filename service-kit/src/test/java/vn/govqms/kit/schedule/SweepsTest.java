package vn.govqms.kit.schedule;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;

class SweepsTest {

    private static final Duration AT_MOST = Duration.ofSeconds(5);

    @Test
    void aFailedSweepIsSwallowedSoThatTheNextTickRuns() {
        Uni<Integer> failing = Uni.createFrom().failure(new IllegalStateException("connection refused"));
        assertNull(assertDoesNotThrow(() -> Sweeps.logged(failing, "%d overdue", "overdue check").await().atMost(AT_MOST)));
        assertNull(assertDoesNotThrow(() -> Sweeps.logged(failing, "deadline check").await().atMost(AT_MOST)));
    }

    @Test
    void aSweepThatChangedNothingOrSomethingCompletes() {
        assertNull(Sweeps.logged(Uni.createFrom().item(0), "%d overdue", "overdue check").await().atMost(AT_MOST));
        assertNull(Sweeps.logged(Uni.createFrom().item(3L), "%d overdue", "overdue check").await().atMost(AT_MOST));
        assertNull(Sweeps.logged(Uni.createFrom().nullItem(), "%d overdue", "overdue check").await().atMost(AT_MOST));
    }
}
