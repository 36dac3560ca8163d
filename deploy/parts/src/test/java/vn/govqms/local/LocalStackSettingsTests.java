package vn.govqms.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How long LocalStack waits for a service is a setting: a loaded host (the bench's) needs more than the default. */
class LocalStackSettingsTests {

    @Test
    void theReadyTimeoutIsThreeHundredSecondsUnlessSet() {
        assertEquals(Duration.ofSeconds(300), LocalStack.readyTimeout(null, null));
        assertEquals(Duration.ofSeconds(300), LocalStack.readyTimeout(" ", ""));
    }

    @Test
    void theReadyTimeoutTakesSecondsOrADurationAndThePropertyWinsOverTheEnvironment() {
        assertEquals(Duration.ofSeconds(900), LocalStack.readyTimeout(null, "900"));
        assertEquals(Duration.ofMinutes(15), LocalStack.readyTimeout(null, "PT15M"));
        assertEquals(Duration.ofSeconds(600), LocalStack.readyTimeout("600", "900"));
    }

    @Test
    void aReadyTimeoutThatIsNotADurationStopsTheStartNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalStack.readyTimeout(null, "15 phút"));
        assertTrue(e.getMessage().contains("GOVQMS_STACK_READY_TIMEOUT") && e.getMessage().contains("15 phút"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalStack.readyTimeout("0", null));
    }
}
