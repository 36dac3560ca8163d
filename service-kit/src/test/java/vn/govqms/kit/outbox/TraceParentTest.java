package vn.govqms.kit.outbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record's traceparent header comes from outside: a malformed one starts a new trace instead of failing the batch. */
class TraceParentTest {

    @Test
    void aTraceparentIsReadBackOnlyWhenWellFormed() {
        String value = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertEquals(value, TraceParent.format(TraceParent.parse(value)));
        assertTrue(TraceParent.parse(value).isSampled());
        for (String bad : new String[] {null, "", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"}) {
            assertFalse(TraceParent.parse(bad).isValid(), String.valueOf(bad));
        }
    }
}
