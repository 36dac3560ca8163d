package vn.govqms.document.tthc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code govqms.tthc.*}: the agencies' handled-TTHC lists after a province's decision. */
@ConfigMapping(prefix = "govqms.tthc")
public interface TthcConfig {

    /** Working days after the decision date within which an agency updates its list (5 in the ISO rules for state agencies). */
    @WithDefault("5")
    int listUpdateWorkingDays();

    /** How often open list updates are checked against their due date (read by {@link ListUpdateOverdueCheck}'s schedule). */
    @WithDefault("10m")
    Duration listUpdateOverdueCheckEvery();
}
