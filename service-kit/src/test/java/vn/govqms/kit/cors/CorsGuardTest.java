package vn.govqms.kit.cors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorsGuardTest {

    @Test
    void anyOriginIsRefused() {
        for (String any : List.of("*", " * ", "/.*/")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> CorsGuard.refuseAnyOrigin(List.of("https://dashboard.bacninh.gov.vn", any)));
            assertTrue(e.getMessage().contains("GOVQMS_CORS_ORIGINS"), e.getMessage());
        }
    }

    @Test
    void namedOriginsAndNoneStart() {
        assertDoesNotThrow(() -> CorsGuard.refuseAnyOrigin(List.of("https://dashboard.bacninh.gov.vn", "http://127.0.0.1:8090")));
        assertDoesNotThrow(() -> CorsGuard.refuseAnyOrigin(List.of()));
    }
}
