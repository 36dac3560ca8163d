package vn.govqms.local;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The services date everything in Vietnam's zone; a test or bench that computes "today" must do the same, or
 * between 17:00 and 24:00 UTC it is a day behind them.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
