package vn.govqms.document.procedurereview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;
import java.time.Duration;

/** {@code govqms.review.*}: procedure reviews. */
@ConfigMapping(prefix = "govqms.review")
public interface ProcedureReviewConfig {

    /** A change is brought into the QMS within 3 months of taking effect (Decision 19/2014/QĐ-TTg). */
    @WithDefault("P3M")
    Period dueAfter();

    /** How often open tasks are checked against their due date (read by {@link OverdueCheck}'s schedule). */
    @WithDefault("10m")
    Duration overdueCheckEvery();

    /**
     * How often the register is checked for documents that expired on their expiry date (read by
     * {@code legal/ExpiryCheck}'s schedule).
     */
    @WithDefault("10m")
    Duration expiryCheckEvery();
}
